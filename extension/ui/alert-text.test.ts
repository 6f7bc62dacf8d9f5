import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getUILanguage: () => 'en-US' } } }));
const { alertText } = await import('./alert-text');
const { setLanguage } = await import('./i18n');

const alert = {
  v: 1,
  id: 'A'.repeat(22),
  kind: 'warning',
  at: 0,
  host: 'fake-police.example',
  category: 'police-impersonation',
} as const;

describe('alertText', () => {
  it('names the host and the kind of scam, in the language chosen', () => {
    setLanguage('en');
    expect(alertText(alert)).toBe(
      'A warning stopped fake-police.example. Kind of scam: Fake police, prosecutors or courts.',
    );
    setLanguage('zh_CN');
    expect(alertText(alert)).toContain('fake-police.example');
    expect(alertText(alert)).toContain('诈骗类型');
  });

  it('says "a page" when the warned page had no host to name', () => {
    setLanguage('en');
    const { host: _host, ...withoutHost } = alert;
    expect(alertText({ ...withoutHost, kind: 'proceed' })).toMatch(
      /^Opened anyway after a warning: a page\. Kind of scam: /,
    );
  });
});

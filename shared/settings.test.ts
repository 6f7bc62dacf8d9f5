import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  familyConfigured,
  hotlineFor,
  mergeSettings,
  parseUserChanges,
  proceedAllowed,
  telHref,
} from './settings';

const defaults = defaultSettings({
  listUrl: 'https://lists.example/manifest.json',
  reportUrl: 'https://reports.example/v1/reports',
  relayUrl: 'https://reports.example/v1/relay',
});

describe('mergeSettings', () => {
  it('gives the defaults when nothing is stored and no policy is set', () => {
    expect(mergeSettings(defaults, undefined, {})).toEqual({ settings: defaults, forced: [] });
  });

  it('lets the family override the defaults', () => {
    const { settings, forced } = mergeSettings(
      defaults,
      { familyContactName: ' Xiao Ming ', strictMode: true, language: 'zh_CN' },
      {},
    );
    expect(settings).toMatchObject({
      familyContactName: 'Xiao Ming',
      strictMode: true,
      language: 'zh_CN',
    });
    expect(forced).toEqual([]);
  });

  it('lets policy override the family, and names what it forced', () => {
    const { settings, forced } = mergeSettings(
      defaults,
      { strictMode: false, familyContactName: 'Mei' },
      { strictMode: true, familyContactPhone: '+86 138 0000 0000', syncIntervalMinutes: 60 },
    );
    expect(settings.strictMode).toBe(true);
    expect(settings.familyContactName).toBe('Mei');
    expect(settings.familyContactPhone).toBe('+86 138 0000 0000');
    expect(settings.syncIntervalMinutes).toBe(60);
    expect(forced.sort()).toEqual(['familyContactPhone', 'strictMode', 'syncIntervalMinutes']);
  });

  it('lets policy require page access, which only policy may set', () => {
    const { settings, forced } = mergeSettings(defaults, {}, { requirePageAccess: true });
    expect(settings.requirePageAccess).toBe(true);
    expect(forced).toEqual(['requirePageAccess']);
    expect(() => parseUserChanges({ requirePageAccess: false })).toThrow(/cannot be changed/);
  });

  it('ignores stored user values for keys only policy may set', () => {
    const { settings } = mergeSettings(
      defaults,
      { disableProceed: true, listUrl: 'https://evil.example/', requirePageAccess: true },
      {},
    );
    expect(settings.disableProceed).toBe(false);
    expect(settings.requirePageAccess).toBe(false);
    expect(settings.listUrl).toBe(defaults.listUrl);
  });

  it.each([
    ['strictMode', 'yes'],
    ['language', 'fr'],
    ['familyContactPhone', 'javascript:alert(1)'],
    ['hotline', '96110<b>'],
    ['listUrl', 'javascript:alert(1)'],
    // A list over plain http from another machine: anyone on the path could hold it back.
    ['listUrl', 'http://lists.example/manifest.json'],
    ['reportUrl', 'not a url'],
    ['syncIntervalMinutes', 0],
    ['syncIntervalMinutes', 12.5],
    ['largeText', 1],
    ['requirePageAccess', 'true'],
  ])('ignores a malformed policy value for %s (%j) and does not mark it forced', (key, value) => {
    const { settings, forced } = mergeSettings(defaults, {}, { [key]: value });
    expect(settings).toEqual(defaults);
    expect(forced).toEqual([]);
  });

  it('accepts an https list URL, and plain http only from this machine', () => {
    for (const listUrl of ['https://lists.example/m.json', 'http://localhost:8787/list/m.json']) {
      expect(mergeSettings(defaults, {}, { listUrl }).settings.listUrl).toBe(listUrl);
    }
  });

  it('survives garbage in storage', () => {
    expect(mergeSettings(defaults, 'garbage', null).settings).toEqual(defaults);
  });
});

describe('family alert policy', () => {
  const channel = { channelId: 'A'.repeat(22), key: 'k'.repeat(43), checkCode: '123 456' };

  it('takes a paired channel, the requirement and a poll period from policy', () => {
    const { settings, forced } = mergeSettings(defaults, undefined, {
      familyChannel: channel,
      familyAlertsRequired: true,
      alertPollSeconds: 30,
    });
    expect(settings).toMatchObject({
      familyChannel: channel,
      familyAlertsRequired: true,
      alertPollSeconds: 30,
    });
    expect(forced).toEqual(['familyAlertsRequired', 'familyChannel', 'alertPollSeconds']);
  });

  it.each([
    ['a short key', { ...channel, key: 'k'.repeat(42) }],
    ['a channel id with other characters', { ...channel, channelId: `${'A'.repeat(21)}/` }],
    ['a check code in another shape', { ...channel, checkCode: '123456' }],
    ['no object at all', 'channel'],
  ])('ignores a channel with %s, rather than pair with it', (_kind, value) => {
    const { settings, forced } = mergeSettings(defaults, undefined, { familyChannel: value });
    expect(settings.familyChannel).toBeNull();
    expect(forced).toEqual([]);
  });

  it('keeps the poll period within 2 s and an hour', () => {
    for (const value of [1, 3601, 2.5, '60']) {
      expect(
        mergeSettings(defaults, undefined, { alertPollSeconds: value }).settings,
      ).toMatchObject({ alertPollSeconds: 60 });
    }
  });

  it('never lets the family or a page set them', () => {
    const stored = { familyAlertsRequired: false, familyChannel: channel, alertPollSeconds: 2 };
    expect(mergeSettings(defaults, stored, {}).settings).toEqual(defaults);
    expect(() => parseUserChanges({ familyAlertsRequired: false })).toThrow(/cannot be changed/);
  });
});

describe('parseUserChanges', () => {
  it('accepts valid user changes, trimmed', () => {
    expect(parseUserChanges({ familyContactPhone: ' 138 0000 0000 ', largeText: true })).toEqual({
      familyContactPhone: '138 0000 0000',
      largeText: true,
    });
  });

  it('refuses keys only an administrator may set', () => {
    expect(() => parseUserChanges({ disableProceed: false })).toThrow(/cannot be changed/);
    expect(() => parseUserChanges({ listUrl: 'https://x.example/' })).toThrow(/cannot be changed/);
  });

  it('refuses invalid values', () => {
    expect(() => parseUserChanges({ familyContactPhone: 'call me' })).toThrow(/not valid/);
    expect(() => parseUserChanges({ familyContactName: 'x'.repeat(61) })).toThrow(/not valid/);
    expect(() => parseUserChanges(null)).toThrow();
  });
});

describe('what the settings mean', () => {
  it('allows "proceed anyway" unless strict mode or policy turns it off', () => {
    expect(proceedAllowed(defaults)).toBe(true);
    expect(proceedAllowed({ ...defaults, strictMode: true })).toBe(false);
    expect(proceedAllowed({ ...defaults, disableProceed: true })).toBe(false);
  });

  it('counts as set up by family with a contact, strict mode or a PIN', () => {
    expect(familyConfigured(defaults, false)).toBe(false);
    expect(familyConfigured(defaults, true)).toBe(true);
    expect(familyConfigured({ ...defaults, familyContactName: 'Mei' }, false)).toBe(true);
    expect(familyConfigured({ ...defaults, strictMode: true }, false)).toBe(true);
    expect(familyConfigured({ ...defaults, largeText: true }, false)).toBe(false);
  });

  it('shows 96110 in Chinese and no hotline in English unless one is configured', () => {
    expect(hotlineFor(defaults, 'zh_CN')).toBe('96110');
    expect(hotlineFor(defaults, 'en')).toBe('');
    expect(hotlineFor({ ...defaults, hotline: '110' }, 'en')).toBe('110');
    expect(hotlineFor({ ...defaults, hotline: '110' }, 'zh_CN')).toBe('110');
  });

  it.each([
    ['138 0000 0000', 'tel:13800000000'],
    ['+86 (138) 0000-0000', 'tel:+8613800000000'],
    ['96110', 'tel:96110'],
  ])('makes a tel: link of %s', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

import { describe, expect, it } from 'vitest';
import shipped from '../../data/content-model.json';
import type { PageExtract } from '../../shared/content';
import type { ListMatchLike, Verdict } from '../../shared/verdict';
import { createContentCheck, type ContentCheckDeps } from './content-check';
import type { ActiveList } from './protection';

const SCAM: PageExtract = {
  host: 'www.icbc.com.cn', // what the page claims; the sender's URL decides
  title: '网上银行证书更新',
  text: '您的证书已过期，请输入卡号、登录密码和手机验证码完成更新。',
  fields: [
    { kind: 'card', label: '卡号' },
    { kind: 'password', label: '密码' },
    { kind: 'sms-code', label: '验证码' },
  ],
  buttons: ['立即更新'],
  signals: [],
};
const URL_ = 'http://wangyin-update.top/login';

function list(
  matches: Record<string, 'block' | 'allow'> = {},
  metadata: Record<string, unknown> = { contentModel: shipped },
): ActiveList {
  return {
    version: 3,
    createdAt: 0,
    entryCount: 0,
    checksum: '',
    metadata,
    async match(url): Promise<ListMatchLike | null> {
      const action = matches[new URL(url).hostname];
      return action ? { action, expression: 'x/', category: 'phishing', listVersion: 3 } : null;
    },
  };
}

function setup(overrides: Partial<ContentCheckDeps> = {}) {
  const warned: Verdict[] = [];
  const calmed: number[] = [];
  const check = createContentCheck({
    list: () => list(),
    trusted: { covering: () => null },
    proceedAllowed: async () => true,
    proceedGranted: async () => false,
    warn: async (_tab, verdict) => void warned.push(verdict),
    calmScareware: async (tab) => void calmed.push(tab),
    ...overrides,
  });
  return { check, warned, calmed };
}

describe('content check in the background', () => {
  it('warns about a suspicious page, for the sender URL, naming the scenario', async () => {
    const { check, warned } = setup();
    await expect(check.check(4, URL_, SCAM)).resolves.toMatchObject({
      suspicious: true,
      scenario: 'phishing',
      guard: { strict: false },
    });
    expect(warned).toEqual([
      expect.objectContaining({
        level: 'suspicious',
        reason: 'content',
        host: 'wangyin-update.top',
        category: 'phishing',
        content: { scenario: 'phishing' },
      }),
    ]);
  });

  it.each([
    ['the list allows the site', { list: () => list({ 'wangyin-update.top': 'allow' }) }],
    [
      'the list blocks it (the guard already warned)',
      { list: () => list({ 'wangyin-update.top': 'block' }) },
    ],
    ['the user marked it as fine', { trusted: { covering: () => 'wangyin-update.top' } }],
  ] as const)('stays quiet when %s', async (_why, overrides) => {
    const { check, warned } = setup(overrides);
    await expect(check.check(4, URL_, SCAM)).resolves.toMatchObject({
      suspicious: false,
      guard: null,
    });
    expect(warned).toEqual([]);
  });

  it('guards the page without a second warning after "open anyway"', async () => {
    const { check, warned } = setup({
      proceedGranted: async () => true,
      proceedAllowed: async () => false,
    });
    await expect(check.check(4, URL_, SCAM)).resolves.toMatchObject({ guard: { strict: true } });
    expect(warned).toEqual([]);
  });

  it('still applies the strong rules when the list carries no usable model', async () => {
    const { check, warned } = setup({ list: () => list({}, { contentModel: { broken: true } }) });
    await expect(check.check(4, URL_, SCAM)).resolves.toMatchObject({ suspicious: true });
    expect(warned).toHaveLength(1);
  });

  it('calms a scareware page before warning about it', async () => {
    const { check, calmed, warned } = setup();
    const scareware: PageExtract = {
      ...SCAM,
      title: 'Security alert',
      text: 'Your computer is infected with a virus and locked. Call support now.',
      fields: [],
      signals: ['fullscreen'],
    };
    await check.check(9, URL_, scareware);
    expect(calmed).toEqual([9]);
    expect(warned[0]).toMatchObject({ category: 'malware', content: { scenario: 'tech-support' } });
  });

  it('refuses a malformed extract', async () => {
    const { check } = setup();
    await expect(check.check(4, URL_, { text: 5 })).rejects.toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { decideVerdict, type ListMatchLike, type VerdictInput } from './verdict';

const base: VerdictInput = {
  url: 'https://shop.example.top/pay',
  host: 'shop.example.top',
  isWeb: true,
  personalBlock: null,
  listMatch: null,
  lookalike: null,
};
const block: ListMatchLike = {
  action: 'block',
  expression: 'example.top/',
  category: 'fake-refund',
  listVersion: 7,
};
const allow: ListMatchLike = { ...block, action: 'allow', category: 'phishing' };
const lookalike = { technique: 'typo', brandName: 'ICBC', brandDomain: 'icbc.com.cn' };

describe('decideVerdict', () => {
  it('calls a page safe when nothing matched', () => {
    expect(decideVerdict(base)).toMatchObject({ level: 'safe', reason: 'not-listed' });
  });

  it('never judges pages that are not on the web', () => {
    const v = decideVerdict({ ...base, isWeb: false, personalBlock: 'x', listMatch: block });
    expect(v).toMatchObject({ level: 'safe', reason: 'not-web' });
  });

  it('blocks a listed page and names the category, rule and list version', () => {
    expect(decideVerdict({ ...base, listMatch: block })).toEqual({
      level: 'dangerous',
      reason: 'blocklist',
      url: base.url,
      host: base.host,
      category: 'fake-refund',
      matched: 'example.top/',
      listVersion: 7,
    });
  });

  it('prefers the allowlist over a look-alike finding', () => {
    expect(decideVerdict({ ...base, listMatch: allow, lookalike })).toMatchObject({
      level: 'safe',
      reason: 'allowlist',
    });
  });

  it("puts the user's own block above the allowlist", () => {
    expect(
      decideVerdict({ ...base, personalBlock: 'example.top', listMatch: allow }),
    ).toMatchObject({ level: 'dangerous', reason: 'personal-blocklist', matched: 'example.top' });
  });

  it('marks a look-alike as suspicious, not dangerous', () => {
    expect(decideVerdict({ ...base, lookalike })).toMatchObject({
      level: 'suspicious',
      reason: 'lookalike',
      lookalike,
    });
  });
});

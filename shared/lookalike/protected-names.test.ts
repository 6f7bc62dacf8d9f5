import { getDomain, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { parseProtectedNames, PROTECTED_KINDS } from './protected-names';

const file = parseProtectedNames(namesJson);

describe('data/protected-names.json', () => {
  it('holds 80–200 entries under a version number', () => {
    expect(file.version).toBeGreaterThanOrEqual(1);
    expect(file.names.length).toBeGreaterThanOrEqual(80);
    expect(file.names.length).toBeLessThanOrEqual(200);
  });

  it('covers every kind, and names the institutions the brief lists', () => {
    expect(new Set(file.names.map((n) => n.kind))).toEqual(new Set(PROTECTED_KINDS));
    const domains = new Set(file.names.flatMap((n) => [n.domain, ...n.siblings]));
    for (const d of [
      'icbc.com.cn',
      'ccb.com',
      'abchina.com',
      'boc.cn',
      'bankofchina.com',
      'bankcomm.com',
      'cmbchina.com',
      'psbc.com',
      'alipay.com',
      'paypal.com',
      'taobao.com',
      'jd.com',
      'qq.com',
      '163.com',
      '10086.cn',
      'binance.com',
      'mps.gov.cn',
      'spp.gov.cn',
      'court.gov.cn',
      'chinatax.gov.cn',
      '12306.cn',
      'gov.cn',
    ]) {
      expect(domains).toContain(d);
    }
  });

  it('lists each domain once, as a registrable domain or a whole public suffix', () => {
    const all = file.names.flatMap((n) => [n.domain, ...n.siblings]);
    expect(all.length).toBe(new Set(all).size);
    for (const d of all) {
      const registrable = getDomain(d, { allowPrivateDomains: false });
      expect(registrable === d || getPublicSuffix(d) === d, d).toBe(true);
    }
  });

  it('lists as words containing the name only words that do contain one of its tokens', () => {
    for (const n of file.names) {
      const tokens = [n.domain, ...n.names.en].map((t) => t.split('.')[0]!.toLowerCase());
      for (const w of n.wordsContaining ?? []) {
        expect(tokens.some((t) => w.includes(t) && w !== t)).toBe(true);
      }
    }
  });

  it('keeps common words to tokens the entry actually has', () => {
    for (const n of file.names) {
      for (const w of n.commonWords ?? []) expect(w).toBe(w.toLowerCase());
    }
  });
});

describe('parseProtectedNames', () => {
  const good = { id: 'x', names: { en: ['X'] }, domain: 'x.com', siblings: [], kind: 'bank' };

  it.each([
    [null, /expected/],
    [{ version: 1 }, /expected/],
    [{ version: 1, names: [{ ...good, kind: 'casino' }] }, /bad kind/],
    [{ version: 1, names: [{ ...good, domain: 'not a domain' }] }, /bad domain/],
    [{ version: 1, names: [{ ...good, names: { en: [] } }] }, /English name/],
    [{ version: 1, names: [good, good] }, /duplicate id/],
    [{ version: 1, names: [{ ...good, wordsContaining: ['Revolution'] }] }, /lowercase/],
    [{ version: 1, names: [{ ...good, wordsContaining: 'revolution' }] }, /array/],
  ])('rejects %j', (json, message) => {
    expect(() => parseProtectedNames(json)).toThrow(message);
  });

  it('accepts a minimal entry', () => {
    expect(parseProtectedNames({ version: 2, names: [good] }).names[0]?.domain).toBe('x.com');
  });
});

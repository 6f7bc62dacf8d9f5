import { describe, expect, it } from 'vitest';
import { confusableSkeleton, foldAscii, lookalikeKey } from './confusable-skeleton';

describe('confusableSkeleton', () => {
  it.each([
    ['apple', 'apple'],
    ['APPLE', 'apple'],
    ['аррӏе', 'appie'], // Cyrillic а р р ӏ е: palochka is an i in confusables.txt
    ['ρаураl', 'paypal'], // Greek ρ, Cyrillic а у
    ['gοοgle', 'google'], // Greek omicron
    ['ісbс', 'icbc'],
    ['ԁhl', 'dhl'],
    ['һѕbс', 'hsbc'],
    ['օкх', 'okx'], // Armenian o, Cyrillic к (lowercase extra) and х
    ['àpplé', 'apple'], // accents dropped
    ['ａｐｐｌｅ', 'apple'], // fullwidth
    ['pay\u200bpal', 'paypal'], // zero-width space
    ['工商银行', '工商银行'], // what cannot pass for Latin stays
  ])('gives %s the skeleton %s', (label, skeleton) => {
    expect(confusableSkeleton(label)).toBe(skeleton);
  });
});

describe('foldAscii', () => {
  it.each([
    ['rnicrosoft', 'mlcrosoft'],
    ['vvechat', 'wechat'],
    ['g00gle', 'google'],
    ['paypa1', 'paypal'],
    ['|cbc', 'lcbc'],
    ['plain', 'plaln'],
    ['abc', 'abc'],
  ])('folds %s to %s', (label, folded) => {
    expect(foldAscii(label)).toBe(folded);
  });
});

describe('lookalikeKey', () => {
  it.each([
    ['аррӏе', 'apple'],
    ['app1e', 'apple'],
    ['rnicrosoft', 'microsoft'],
    ['1cbc', 'icbc'],
    ['l2306', '12306'],
    ['1oo86', '10086'],
  ])('gives %s the same key as %s', (a, b) => {
    expect(lookalikeKey(a)).toBe(lookalikeKey(b));
  });

  it.each([
    ['apple', 'appel'],
    ['jd', 'id'],
    ['qq', 'qqq'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(lookalikeKey(a)).not.toBe(lookalikeKey(b));
  });

  it('maps every Cyrillic and Greek look-alike of a Latin letter to ASCII', () => {
    for (const ch of 'аеорсхуіјѕһԁԛԝαρονκυ') {
      expect(lookalikeKey(ch)).toMatch(/^[a-z0-9]+$/);
    }
  });
});

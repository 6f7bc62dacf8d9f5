import { describe, expect, it } from 'vitest';
import { lookalikeKey } from './confusable-skeleton';
import { lureSequenceTier, lureTier } from './lure-words';

describe('lure words', () => {
  it.each([
    ['kefu', 1],
    ['login', 1],
    ['1ogin', 1], // compared by look-alike key
    ['support', 2],
    ['cn', 2],
    ['sports', undefined],
  ])('puts %s in tier %s', (word, tier) => {
    expect(lureTier(lookalikeKey(word))).toBe(tier);
  });

  it.each([
    ['securelogin', 1], // the strongest word decides
    ['secureonline', 2],
    ['kefuzhongxin', 1],
    ['asia', undefined],
    ['loginx', undefined],
    ['', undefined],
  ])('spells %s out of lure words at tier %s', (word, tier) => {
    expect(lureSequenceTier(lookalikeKey(word))).toBe(tier);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from './damerau-levenshtein';

/** The textbook O(n·m) version, uncapped, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('damerauLevenshtein', () => {
  it.each([
    ['paypal', 'paypal', 0],
    ['paypal', 'paypall', 1], // doubled
    ['paypal', 'papyal', 1], // swapped neighbours
    ['amazon', 'amzon', 1], // dropped
    ['google', 'goggle', 1], // changed
    ['microsoft', 'mircosoft', 1],
    ['bankofamerica', 'bankofamerca', 1],
    ['citigroup', 'catgroup', 2],
  ])('puts %s and %s at distance %i', (a, b, d) => {
    expect(damerauLevenshtein(a, b, 3)).toBe(d);
  });

  it('stops at max + 1', () => {
    expect(damerauLevenshtein('paypal', 'zzzzzz', 1)).toBe(2);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
  });

  it('measures labels longer than its reused rows', () => {
    expect(damerauLevenshtein('a'.repeat(70), `${'a'.repeat(69)}b`, 2)).toBe(1);
    expect(damerauLevenshtein(`${'ab'.repeat(40)}x`, `${'ab'.repeat(40)}`, 2)).toBe(1);
  });

  it('agrees with the uncapped textbook version up to the cap', () => {
    // Cyrillic and astral letters too: the distance counts UTF-16 code units, as s[i] reads them.
    const word = fc.string({ unit: fc.constantFrom(...'abcl1а𝐚𝐛'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(damerauLevenshtein(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
    );
  });
});

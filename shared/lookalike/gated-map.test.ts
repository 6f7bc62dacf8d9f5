import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatedMap, GatedSet } from './gated-map';

describe('GatedMap and GatedSet', () => {
  it('answer every lookup as a plain Map and Set do', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcmnxyz019-.аé'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(word), fc.array(word), (keys, probes) => {
        const gated = new GatedMap<number>();
        const plain = new Map<string, number>();
        const gatedSet = new GatedSet();
        keys.forEach((k, i) => {
          gated.set(k, i);
          plain.set(k, i);
          gatedSet.add(k);
        });
        for (const p of [...keys, ...probes]) {
          expect(gated.get(p)).toBe(plain.get(p));
          expect(gated.has(p)).toBe(plain.has(p));
          expect(gatedSet.has(p)).toBe(plain.has(p));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

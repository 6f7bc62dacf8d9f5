import { describe, expect, it } from 'vitest';
import { FuseFilter } from './fuse-filter';
import { hash64Into, hashOut } from './hash64';

function keys(count: number, prefix: string): { hi: Uint32Array; lo: Uint32Array } {
  const hi = new Uint32Array(count);
  const lo = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    hash64Into(`${prefix}${i}.example.com/`, 0);
    hi[i] = hashOut.hi;
    lo[i] = hashOut.lo;
  }
  return { hi, lo };
}

describe('FuseFilter', () => {
  const members = keys(100_000, 'member-');
  const filter = FuseFilter.build(members.hi, members.lo);

  it('has no false negatives over 100k keys', () => {
    let missing = 0;
    for (let i = 0; i < members.hi.length; i++)
      if (!filter.has(members.hi[i]!, members.lo[i]!)) missing++;
    expect(missing).toBe(0);
  });

  it('has a false-positive rate near the 2^-16 of 16-bit fingerprints', () => {
    const others = keys(400_000, 'other-');
    let hits = 0;
    for (let i = 0; i < others.hi.length; i++) if (filter.has(others.hi[i]!, others.lo[i]!)) hits++;
    const rate = hits / others.hi.length;
    // 2^-16 ≈ 1.53e-5, i.e. ~6 expected hits; allow generous sampling noise.
    expect(rate).toBeLessThan(6e-5);
  });

  it('uses about 18 bits per key at scale', () => {
    expect((filter.fingerprints.byteLength * 8) / members.hi.length).toBeLessThan(19.5);
  });

  it('builds for empty and tiny key sets', () => {
    for (const n of [0, 1, 2, 3, 10, 100]) {
      const k = keys(n, `tiny${n}-`);
      const f = FuseFilter.build(k.hi, k.lo);
      for (let i = 0; i < n; i++) expect(f.has(k.hi[i]!, k.lo[i]!)).toBe(true);
    }
  });

  it('builds the same working filter from keys sorted by their high half, in place', () => {
    const pairs = BigUint64Array.from(
      members.hi,
      (h, i) => (BigInt(h) << 32n) | BigInt(members.lo[i]!),
    );
    pairs.sort();
    const hi = Uint32Array.from(pairs, (p) => Number(p >> 32n));
    const lo = Uint32Array.from(pairs, (p) => Number(p & 0xffffffffn));
    const sorted = FuseFilter.build(hi, lo);
    expect(sorted.seed).toBe(0);
    const bytesOf = (f: FuseFilter) =>
      Buffer.from(f.fingerprints.buffer, f.fingerprints.byteOffset);
    expect(bytesOf(sorted).equals(bytesOf(filter))).toBe(true);
    for (let i = 0; i < hi.length; i += 97) expect(sorted.has(hi[i]!, lo[i]!)).toBe(true);
  });

  it('still works when the first attempts fail and the keys are mixed with a seed', () => {
    const seeded = FuseFilter.build(members.hi, members.lo, { firstAttempt: 3 });
    expect(seeded.seed).not.toBe(0);
    let missing = 0;
    for (let i = 0; i < members.hi.length; i++)
      if (!seeded.has(members.hi[i]!, members.lo[i]!)) missing++;
    expect(missing).toBe(0);
    const others = keys(100_000, 'other-');
    let hits = 0;
    for (let i = 0; i < others.hi.length; i++) if (seeded.has(others.hi[i]!, others.lo[i]!)) hits++;
    expect(hits / others.hi.length).toBeLessThan(6e-5);
  });

  it('reports duplicate keys instead of looping forever', () => {
    expect(() => FuseFilter.build(new Uint32Array([1, 1]), new Uint32Array([2, 2]))).toThrow(
      /distinct/,
    );
  });
});

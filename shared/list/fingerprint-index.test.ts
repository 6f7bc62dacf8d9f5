import { describe, expect, it } from 'vitest';
import {
  bucketBitsFor,
  FingerprintIndex,
  indexLayout,
  type IndexGeometry,
} from './fingerprint-index';
import { pageBitsFor } from './format';
import { hash64Into, hashOut } from './hash64';

/** Keys of `count` expressions, sorted by their high half as a list's entries are. */
function keys(count: number, prefix: string): { hi: Uint32Array; lo: Uint32Array } {
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    hash64Into(`${prefix}${i}.example.com/`, 0);
    pairs.push([hashOut.hi, hashOut.lo]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return {
    hi: Uint32Array.from(pairs, (p) => p[0]),
    lo: Uint32Array.from(pairs, (p) => p[1]),
  };
}

function geometryFor(entryCount: number): IndexGeometry {
  const pageBits = pageBitsFor(entryCount);
  return { entryCount, pageBits, bucketBits: bucketBitsFor(entryCount, pageBits) };
}

function build(k: { hi: Uint32Array; lo: Uint32Array }): FingerprintIndex {
  const geometry = geometryFor(k.hi.length);
  const buffer = new ArrayBuffer(indexLayout(geometry).bytes + 4);
  return FingerprintIndex.write(k.hi, k.lo, geometry, buffer, 0);
}

describe('FingerprintIndex', () => {
  const members = keys(100_000, 'member-');
  const index = build(members);

  it('has no false negatives over 100k keys', () => {
    let missing = 0;
    for (let i = 0; i < members.hi.length; i++)
      if (!index.has(members.hi[i]!, members.lo[i]!)) missing++;
    expect(missing).toBe(0);
  });

  it('has a false-positive rate near the 2^-16 of 16-bit fingerprints', () => {
    const others = keys(400_000, 'other-');
    let hits = 0;
    for (let i = 0; i < others.hi.length; i++) if (index.has(others.hi[i]!, others.lo[i]!)) hits++;
    // About one entry per bucket: ~2^-16 ≈ 1.5e-5, ~6 expected hits; allow sampling noise.
    expect(hits / others.hi.length).toBeLessThan(6e-5);
  });

  it.each([1_000, 45_000, 100_000, 1_000_000, 1_048_577])(
    'stays under 19.5 bits per entry at %i entries',
    (n) => {
      expect((indexLayout(geometryFor(n)).bytes * 8) / n).toBeLessThan(19.5);
    },
  );

  it('finds every key of empty, tiny and page-sized sets', () => {
    for (const n of [0, 1, 2, 3, 10, 64, 65, 200]) {
      const k = keys(n, `tiny${n}-`);
      const small = build(k);
      for (let i = 0; i < n; i++) expect(small.has(k.hi[i]!, k.lo[i]!)).toBe(true);
      expect(small.starts[small.starts.length - 1]).toBe(n);
    }
  });

  it('gives each bucket’s entries as one index range, in entry order', () => {
    const { pageBits, bucketBits } = geometryFor(100_000);
    const bits = pageBits + bucketBits;
    for (const i of [0, 1, 5_000, 99_999]) {
      const bucket = members.hi[i]! >>> (32 - bits);
      const { first, end } = index.bucketRange(bucket);
      expect(first).toBeLessThanOrEqual(i);
      expect(end).toBeGreaterThan(i);
      for (let j = first; j < end; j++) expect(members.hi[j]! >>> (32 - bits)).toBe(bucket);
      if (first > 0) expect(members.hi[first - 1]! >>> (32 - bits)).toBeLessThan(bucket);
    }
  });

  it('writes the same bytes over dirty memory as over fresh', () => {
    const geometry = geometryFor(members.hi.length);
    const dirty = new Uint8Array(indexLayout(geometry).bytes).fill(0xa5);
    FingerprintIndex.write(members.hi, members.lo, geometry, dirty.buffer, 0);
    const clean = new Uint8Array(indexLayout(geometry).bytes);
    FingerprintIndex.write(members.hi, members.lo, geometry, clean.buffer, 0);
    expect(Buffer.from(dirty).equals(Buffer.from(clean))).toBe(true);
  });

  it('refuses keys out of order', () => {
    const geometry = geometryFor(2);
    const buffer = new ArrayBuffer(indexLayout(geometry).bytes + 4);
    expect(() =>
      FingerprintIndex.write(
        new Uint32Array([9 << 28, 1]),
        new Uint32Array(2),
        geometry,
        buffer,
        0,
      ),
    ).toThrow(/not sorted/);
  });
});

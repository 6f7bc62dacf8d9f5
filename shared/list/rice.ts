import { ByteReader } from './byte-reader';
import type { ByteWriter } from './byte-writer';

/**
 * Golomb-Rice coding of increasing indexes as gaps, the scheme Safe Browsing uses for
 * removals: ~log2(mean gap) + 2 bits each, so at 1% churn a removal costs about a byte.
 * Written by hand because it is ~40 lines and no npm package codes into our buffers.
 */
export function writeRice(out: ByteWriter, sortedIndexes: readonly number[]): void {
  const n = sortedIndexes.length;
  out.varint(n);
  if (n === 0) return;
  const span = sortedIndexes[n - 1]! + 1;
  const k = Math.max(0, Math.floor(Math.log2((span / n) * Math.LN2)));
  out.u8(k);
  const bits: number[] = [];
  let previous = -1;
  for (const index of sortedIndexes) {
    const gap = index - previous - 1;
    previous = index;
    const q = Math.floor(gap / 2 ** k);
    for (let i = 0; i < q; i++) bits.push(1);
    bits.push(0);
    for (let b = k - 1; b >= 0; b--) bits.push(Math.floor(gap / 2 ** b) & 1);
  }
  const packed = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i]) packed[i >> 3]! |= 1 << (i & 7);
  out.varint(packed.length);
  out.bytes(packed);
}

/** Reads indexes written by writeRice; each must be below `limit`. */
export function readRice(r: ByteReader, limit: number, fail: (message: string) => Error): number[] {
  const n = r.varint('removal count');
  if (n === 0) return [];
  if (n > limit) throw fail(`${n} removals from a list of ${limit} entries`);
  const k = r.u8('rice parameter');
  if (k > 31) throw fail(`rice parameter ${k} out of range`);
  const packed = r.take(r.varint('removal bits length'), 'removal bits');
  // Every removal takes at least one bit: a count the bits cannot hold is refused up front.
  if (n > packed.length * 8) throw fail('removal bits end early');
  const totalBits = packed.length * 8;
  const scale = 2 ** k;
  const out = new Array<number>(n);
  let bit = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    // The unary quotient: count 1 bits up to the 0 that ends it.
    let q = 0;
    for (;;) {
      if (bit >= totalBits) throw fail('removal bits end early');
      if (((packed[bit >> 3]! >> (bit & 7)) & 1) === 0) break;
      q++;
      bit++;
    }
    bit++;
    if (bit + k > totalBits) throw fail('removal bits end early');
    let rest = 0;
    for (let b = 0; b < k; b++, bit++) rest = rest * 2 + ((packed[bit >> 3]! >> (bit & 7)) & 1);
    const index = previous + 1 + q * scale + rest;
    if (index >= limit) throw fail(`removal index ${index} beyond the ${limit} entries`);
    out[i] = index;
    previous = index;
  }
  return out;
}

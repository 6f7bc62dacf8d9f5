/**
 * A fast seeded 64-bit string hash, returned as two 32-bit halves so that no BigInt or
 * allocation is needed on the hot path (one call per URL expression on every navigation).
 * Written by hand because SHA-256 is ~50× slower per short string and no small npm hash
 * both runs over UTF-16 code units directly and exposes the two halves without allocating.
 *
 * Two multiplicative lanes (cyrb53-style) are cross-mixed at the end with murmur3's
 * finaliser constants; the filter tests measure the resulting false-positive rate.
 */
export interface Hash64 {
  hi: number;
  lo: number;
}

/** Scratch output of `hash64Into`/`mix64Into`: read `hashOut.hi`/`.lo` right after the call. */
export const hashOut: Hash64 = { hi: 0, lo: 0 };

export function hash64Into(text: string, seed: number): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ Math.imul(seed, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x9e3779b1);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h1 >>> 15;
  }
  finish(h1, h2, text.length);
}

/**
 * `hash64Into` over UTF-8 bytes that are pure ASCII (one byte = one UTF-16 code unit), so
 * a stored snapshot can be re-hashed without making a string per entry. Returns false,
 * leaving `hashOut` unspecified, at the first non-ASCII byte: decode and use `hash64Into`.
 */
export function hashAsciiInto(
  bytes: Uint8Array,
  start: number,
  length: number,
  seed: number,
): boolean {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ Math.imul(seed, 0x9e3779b1);
  for (let i = start, end = start + length; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 0x80) return false;
    h1 = Math.imul(h1 ^ c, 0x9e3779b1);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h1 >>> 15;
  }
  finish(h1, h2, length);
  return true;
}

function finish(h1: number, h2: number, length: number): void {
  h1 ^= length;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x27d4eb2f);
  h1 ^= h2 >>> 15;
  hashOut.hi = h1 >>> 0;
  hashOut.lo = h2 >>> 0;
}

/**
 * Re-mixes a 64-bit hash with a seed. The filter builder retries with a new seed when
 * peeling fails; mixing the stored hashes is much cheaper than re-hashing every string.
 */
export function mix64Into(hi: number, lo: number, seed: number): void {
  let a = hi ^ seed;
  let b = lo ^ Math.imul(seed, 0x9e3779b1) ^ 0x7f4a7c15;
  a = Math.imul(a ^ (b >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (a >>> 13), 0xc2b2ae35);
  a = Math.imul(a ^ (b >>> 15), 0x27d4eb2f);
  b = Math.imul(b ^ (a >>> 16), 0x165667b1);
  a ^= b >>> 13;
  hashOut.hi = a >>> 0;
  hashOut.lo = b >>> 0;
}

/** Convenience wrapper for tests and tooling: the hash as one BigInt. */
export function hash64(text: string, seed = 0): bigint {
  hash64Into(text, seed);
  return (BigInt(hashOut.hi) << 32n) | BigInt(hashOut.lo);
}

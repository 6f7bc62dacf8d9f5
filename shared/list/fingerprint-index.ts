/**
 * The list's resident filter: a 16-bit fingerprint of every entry, in the entries' own
 * canonical order, found through the entry's bucket — the top bits of its order key. The
 * buckets are coded in unary, the upper half of an Elias–Fano code: entry i in bucket g
 * sets bit i + g, so each bucket is a run of ones closed by a zero. Per page, the index of
 * its first entry makes a lookup scan only that page's ~125 bits.
 *
 * Why not a binary fuse filter (the usual anchor): at about its size (~19 bits per entry
 * with the page starts) and its ~2^-16 false-positive rate, this index is a function of
 * the sorted entries alone, so a delta edits it in place — an entry removed or added is a
 * fingerprint removed or added and a shifted run of bits — where a fuse filter must
 * re-hash and re-peel every entry of the list. It also makes the snapshot byte-for-byte
 * determined by its entries, so the list checksum covers the filter too. Written by hand: no npm package offers a succinct
 * index in a caller-owned buffer with a streaming merge.
 *
 * Layout (little-endian, 4-aligned): u32 × (pages + 1) first entry index of each page ·
 * u32 × words unary bucket bits, low bit first · u16 × entries fingerprints.
 */
export const FINGERPRINT_BITS = 16;

export interface IndexGeometry {
  entryCount: number;
  pageBits: number;
  /** log2 of the buckets per page. */
  bucketBits: number;
}

/** About one entry per bucket: the false-positive rate is entries per bucket × 2^-16. */
export function bucketBitsFor(entryCount: number, pageBits: number): number {
  const perPage = entryCount / 2 ** pageBits;
  return perPage <= 1 ? 0 : Math.min(32 - pageBits, Math.round(Math.log2(perPage)));
}

/** Byte offsets of the three arrays within the index, and its length. */
export function indexLayout({ entryCount, pageBits, bucketBits }: IndexGeometry): {
  wordsAt: number;
  wordCount: number;
  fingerprintsAt: number;
  bytes: number;
} {
  const wordsAt = (2 ** pageBits + 1) * 4;
  const wordCount = Math.ceil((entryCount + 2 ** (pageBits + bucketBits)) / 32);
  const fingerprintsAt = wordsAt + wordCount * 4;
  return { wordsAt, wordCount, fingerprintsAt, bytes: fingerprintsAt + entryCount * 2 };
}

/** Bucket of an order key: its top pageBits + bucketBits bits. */
export function bucketOf(keyHi: number, bits: number): number {
  return bits === 0 ? 0 : keyHi >>> (32 - bits);
}

export const fingerprintOf = (keyLo: number): number => keyLo >>> 16;

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Set bits per byte, and where each byte's k-th set bit is (at byte * 8 + k). */
const BYTE_ONES = new Uint8Array(256);
const SELECT_IN_BYTE = new Uint8Array(256 * 8);
for (let byte = 0; byte < 256; byte++) {
  for (let bit = 0; bit < 8; bit++)
    if ((byte >> bit) & 1) SELECT_IN_BYTE[byte * 8 + BYTE_ONES[byte]!++] = bit;
}

export class FingerprintIndex {
  /** First entry index of each page, and the entry count last. */
  readonly starts: Uint32Array;
  readonly words: Uint32Array;
  readonly fingerprints: Uint16Array;
  private readonly bits: number;
  private readonly bucketBits: number;
  private readonly bucketsPerPage: number;
  /** Set by seek: the first entry of the bucket sought, and the bit of that entry. */
  private foundIndex = 0;
  private foundBit = 0;

  /** A view over an index laid out at `byteOffset` of `buffer` (see indexLayout); no copy. */
  constructor(buffer: ArrayBufferLike, byteOffset: number, geometry: IndexGeometry) {
    const { wordsAt, wordCount, fingerprintsAt } = indexLayout(geometry);
    this.starts = new Uint32Array(buffer, byteOffset, 2 ** geometry.pageBits + 1);
    this.words = new Uint32Array(buffer, byteOffset + wordsAt, wordCount);
    this.fingerprints = new Uint16Array(buffer, byteOffset + fingerprintsAt, geometry.entryCount);
    this.bits = geometry.pageBits + geometry.bucketBits;
    this.bucketBits = geometry.bucketBits;
    this.bucketsPerPage = 2 ** geometry.bucketBits;
  }

  /**
   * Writes the index of keys in canonical order (sorted by `keysHi`) into `buffer` at
   * `byteOffset`, over memory that may hold anything. Throws when the keys are not sorted.
   */
  static write(
    keysHi: Uint32Array,
    keysLo: Uint32Array,
    geometry: IndexGeometry,
    buffer: ArrayBufferLike,
    byteOffset: number,
  ): FingerprintIndex {
    const index = new FingerprintIndex(buffer, byteOffset, geometry);
    const { starts, words, fingerprints, bits, bucketBits } = index;
    words.fill(0);
    const pageCount = starts.length - 1;
    let page = 0;
    let previous = 0;
    starts[0] = 0;
    for (let i = 0; i < keysHi.length; i++) {
      const bucket = bucketOf(keysHi[i]!, bits);
      if (bucket < previous) throw new Error(`index keys are not sorted at ${i}`);
      previous = bucket;
      const p = bucket >>> bucketBits;
      while (page < p) starts[++page] = i;
      const bit = i + bucket;
      words[bit >>> 5] = words[bit >>> 5]! | (1 << (bit & 31));
      fingerprints[i] = fingerprintOf(keysLo[i]!);
    }
    while (page < pageCount) starts[++page] = keysHi.length;
    return index;
  }

  /** False: no entry has this key. True: an entry may have it (confirm on its page). */
  has(keyHi: number, keyLo: number): boolean {
    this.seek(bucketOf(keyHi, this.bits));
    const { words, fingerprints } = this;
    const fingerprint = fingerprintOf(keyLo);
    for (let i = this.foundIndex, bit = this.foundBit; (words[bit >>> 5]! >>> (bit & 31)) & 1;) {
      if (fingerprints[i++] === fingerprint) return true;
      bit++;
    }
    return false;
  }

  /** The entry indexes [first, end) in bucket `bucket`. */
  bucketRange(bucket: number): { first: number; end: number } {
    this.seek(bucket);
    const { words } = this;
    let end = this.foundIndex;
    for (let bit = this.foundBit; (words[bit >>> 5]! >>> (bit & 31)) & 1; bit++) end++;
    return { first: this.foundIndex, end };
  }

  /** Finds where bucket `bucket` starts: skips the zeros that close the buckets before it. */
  private seek(bucket: number): void {
    const { words } = this;
    const page = bucket >>> this.bucketBits;
    let index = this.starts[page]!;
    let bit = index + page * this.bucketsPerPage;
    let skip = bucket - page * this.bucketsPerPage;
    while (skip > 0) {
      const offset = bit & 31;
      // This word's zeros from `bit` on, as ones (bits shifted in at the top read as 0).
      const zeros = ~words[bit >>> 5]! >>> offset;
      const count = popcount(zeros);
      if (count < skip) {
        skip -= count;
        index += 32 - offset - count;
        bit += 32 - offset;
        continue;
      }
      // The wanted zero is in this word: find it a byte at a time.
      let at = 0; // its position after `bit`, with `before` zeros ahead of it
      const before = skip - 1;
      for (let z = zeros; ; z >>>= 8, at += 8) {
        const byte = z & 0xff;
        const ones = BYTE_ONES[byte]!;
        if (ones >= skip) {
          at += SELECT_IN_BYTE[byte * 8 + skip - 1]!;
          break;
        }
        skip -= ones;
      }
      index += at - before;
      bit += at + 1;
      break;
    }
    this.foundIndex = index;
    this.foundBit = bit;
  }
}

import { encodeMetadata, startSnapshot } from './encode-list';
import { bucketBitsFor, bucketOf, FingerprintIndex, fingerprintOf } from './fingerprint-index';
import { encodeTable, pageBitsFor, readStringTable, type ListHeader } from './format';
import { EntryWalker } from './entry-walker';
import { hash64Into, hashOut } from './hash64';
import { ORDER_SEED } from './list-entry';
import { checkAdditions, isRemoved, type Addition } from './merge-packed';

export interface SnapshotChange {
  version: number;
  createdAt: number;
  metadata: Record<string, unknown>;
  categories: readonly string[];
  sources: readonly string[];
  /** Indexes into the old list's canonical order, increasing. */
  removals: readonly number[];
  /** In canonical order. */
  additions: readonly Addition[];
}

/**
 * Applies a delta to a stored snapshot directly, without reading its entries: unchanged
 * entries are copied as runs of bytes, their fingerprints as runs of u16, and their bucket
 * bits shifted; only the entries next to a change are decoded. The page table and page
 * starts move by the bytes and entries changed before each page. This is the path a sync
 * takes; the result is unsealed (no checksum yet; see sealSnapshot).
 *
 * Returns null where it does not apply — the tables change (a source appears or goes) or
 * the list's size crosses into another page or bucket geometry — and the caller takes the
 * general merge (mergePacked). `old` must be a snapshot whose header is `header` and that
 * was verified when installed; anything out of its bounds fails, and the checksum of the
 * result catches the rest.
 */
export function mergeSnapshot(
  old: Uint8Array,
  header: ListHeader,
  change: SnapshotChange,
  fail: (message: string) => Error,
): Uint8Array | null {
  const { removals, additions } = change;
  const n = header.entryCount;
  const total = n - removals.length + additions.length;
  const { pageBits, bucketBits } = header;
  const [categorySection, sourceSection, , filterSection, tableSection, pagesSection] =
    header.sections as [Section, Section, Section, Section, Section, Section];
  if (
    pageBitsFor(total) !== pageBits ||
    bucketBitsFor(total, pageBits) !== bucketBits ||
    !sameNames(readStringTable(old, categorySection, 'category'), change.categories) ||
    !sameNames(readStringTable(old, sourceSection, 'source'), change.sources)
  )
    return null;
  checkAdditions(additions, fail);

  const [filterBuffer, filterAt] = aligned(old, filterSection);
  const index = new FingerprintIndex(filterBuffer, filterAt, header);
  const [tableBuffer, tableAt] = aligned(old, tableSection);
  const pageTable = new Uint32Array(tableBuffer, tableAt, 2 ** pageBits + 1);
  const entries = old.subarray(pagesSection.offset, pagesSection.offset + pagesSection.length);
  const walker = new EntryWalker(entries, index.starts, pageTable, fail);
  const bits = pageBits + bucketBits;

  // Where each addition goes: before the first entry of its bucket that sorts after it.
  const A = additions.length;
  const addAt = new Float64Array(A); // old entry index
  const addByte = new Float64Array(A); // byte offset of that entry
  const addBucket = new Float64Array(A);
  const addFingerprint = new Uint16Array(A);
  let addedBytes = 0;
  let allowCount = header.allowCount;
  for (let k = 0; k < A; k++) {
    const { expression, bytes, meta } = additions[k]!;
    hash64Into(expression, ORDER_SEED);
    const key = hashOut.hi;
    const bucket = bucketOf(key, bits);
    addBucket[k] = bucket;
    addFingerprint[k] = fingerprintOf(hashOut.lo);
    const { first, end } = index.bucketRange(bucket);
    let at = first;
    let byte = walker.offsetOf(first, bucket >>> bucketBits);
    for (; at < end; at++) {
      const order = walker.compare(byte, key, expression);
      if (order < 0) break;
      if (order === 0 && !isRemoved(removals, at))
        throw fail(`addition ${expression} is already in the list`);
      byte = walker.next(byte);
    }
    addAt[k] = at;
    addByte[k] = byte;
    addedBytes += entryLength(bytes.length, meta);
    allowCount += meta & 1;
  }

  const R = removals.length;
  const removedStart = new Float64Array(R);
  const removedEnd = new Float64Array(R);
  let removedBytes = 0;
  for (let k = 0; k < R; k++) {
    const i = removals[k]!;
    if (i >= n || (k > 0 && i <= removals[k - 1]!)) throw fail(`removal ${k} is out of order`);
    const start = walker.offsetOf(i, walker.pageOf(i));
    const end = walker.next(start);
    removedStart[k] = start;
    removedEnd[k] = end;
    removedBytes += end - start;
    allowCount -= walker.metaAt(start) & 1;
  }

  const { out, layout } = startSnapshot({
    version: change.version,
    createdAt: change.createdAt,
    entryCount: total,
    allowCount,
    categories: encodeTable(change.categories),
    sources: encodeTable(change.sources),
    metadata: encodeMetadata(change.metadata),
    entriesBytes: entries.length - removedBytes + addedBytes,
  });
  const next = new FingerprintIndex(out.buffer, layout.filterAt, layout.geometry);

  // Entries: the runs between changes copied, the additions written. Offsets that go
  // backwards or overrun can only come from a damaged stored list.
  let from = 0;
  let to = layout.pagesAt;
  const copyUpTo = (end: number) => {
    if (end < from || to + end - from > out.length) throw fail('the stored list is damaged');
    out.set(entries.subarray(from, end), to);
    to += end - from;
    from = end;
  };
  for (let r = 0, a = 0; r < R || a < A;) {
    if (a < A && (r === R || addAt[a]! <= removals[r]!)) {
      copyUpTo(addByte[a]!);
      const { bytes, meta } = additions[a++]!;
      if (to + entryLength(bytes.length, meta) > out.length)
        throw fail('the stored list is damaged');
      to = writeVarint(out, to, bytes.length);
      out.set(bytes, to);
      to = writeVarint(out, to + bytes.length, meta);
    } else {
      copyUpTo(removedStart[r]!);
      from = removedEnd[r++]!;
    }
  }
  copyUpTo(entries.length);
  if (to !== out.length) throw fail('the stored list is damaged');

  // Fingerprints and bucket bits: entry j of the result in bucket g sets bit j + g; a kept
  // entry's bucket is its old bit less its old index.
  const oldWords = index.words;
  const words = next.words;
  let word = 0;
  let pending = oldWords[0] ?? 0;
  let j = 0;
  const keep = (fromIndex: number, toIndex: number) => {
    next.fingerprints.set(index.fingerprints.subarray(fromIndex, toIndex), j);
    const shift = j - fromIndex; // new bit = old bit + shift
    for (let i = fromIndex; i < toIndex; i++) {
      while (pending === 0) pending = oldWords[++word]!;
      const bit = word * 32 + 31 - Math.clz32(pending & -pending) + shift;
      pending &= pending - 1;
      words[bit >>> 5] = words[bit >>> 5]! | (1 << (bit & 31));
    }
    j += toIndex - fromIndex;
  };
  const drop = () => {
    while (pending === 0) pending = oldWords[++word]!;
    pending &= pending - 1;
  };
  let i = 0;
  for (let r = 0, a = 0; ;) {
    const stop = Math.min(r < R ? removals[r]! : n, a < A ? addAt[a]! : n);
    keep(i, stop);
    i = stop;
    for (; a < A && addAt[a] === i; a++) {
      const bit = j + addBucket[a]!;
      words[bit >>> 5] = words[bit >>> 5]! | (1 << (bit & 31));
      next.fingerprints[j++] = addFingerprint[a]!;
    }
    if (i === n) break;
    if (r < R && removals[r] === i) {
      drop();
      r++;
      i++;
    }
  }

  // Page starts and the page table move by what changed before each page: the entries
  // removed before its first old entry, the additions to earlier pages.
  const pageStarts = new Uint32Array(out.buffer, layout.tableAt, pageTable.length);
  let r = 0;
  let a = 0;
  let removedBefore = 0;
  let addedBefore = 0;
  let bytesBefore = 0;
  for (let p = 0; p < pageTable.length; p++) {
    const firstOld = index.starts[p]!;
    for (; r < R && removals[r]! < firstOld; r++) {
      removedBefore++;
      bytesBefore -= removedEnd[r]! - removedStart[r]!;
    }
    for (; a < A && addBucket[a]! >>> bucketBits < p; a++) {
      addedBefore++;
      const { bytes, meta } = additions[a]!;
      bytesBefore += entryLength(bytes.length, meta);
    }
    next.starts[p] = firstOld - removedBefore + addedBefore;
    pageStarts[p] = pageTable[p]! + bytesBefore;
  }
  return out;
}

type Section = ListHeader['sections'][number];

/** A 4-aligned buffer and offset holding `section` of `bytes` (copied only when misaligned). */
function aligned(bytes: Uint8Array, section: Section): [ArrayBufferLike, number] {
  const at = bytes.byteOffset + section.offset;
  if (at % 4 === 0) return [bytes.buffer, at];
  return [bytes.slice(section.offset, section.offset + section.length).buffer, 0];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  out[at++] = value;
  return at;
}

const entryLength = (length: number, meta: number): number =>
  varintLength(length) + length + varintLength(meta);

function varintLength(value: number): number {
  let length = 1;
  for (; value >= 0x80; length++) value = Math.floor(value / 0x80);
  return length;
}

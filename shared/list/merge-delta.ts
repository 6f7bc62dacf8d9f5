import { ByteWriter } from './byte-writer';
import { snapshotLayout } from './encode-list';
import { hash64Into, hashOut } from './hash64';
import { encodeTable } from './list-checksum';
import { ORDER_SEED } from './list-entry';
import {
  compareToEntry,
  entryCount,
  expressionAt,
  expressionRange,
  metaAt,
  type PackedList,
} from './packed-list';

/** An added entry; `meta` indexes the delta's own category and source tables. */
export interface Addition {
  expression: string;
  meta: number;
  bytes: Uint8Array;
}

/**
 * The old list minus the removed indexes plus the (canonically sorted) additions, packed
 * against the delta's category table and the sorted sources still in use — the tables the
 * publisher's encoder wrote, so the result hashes to the declared checksum. Kept entries are
 * copied as runs of bytes; they are re-encoded one by one only when a table changed.
 * `metadataBytes` is the length of the metadata the result will be encoded with, so that
 * room for the rest of its snapshot can be left in front of it (see PackedList.room).
 * When `old` was read with headroom for the additions (readPacked), the result takes over
 * its arrays: `old` must not be used afterwards.
 */
export function mergeDelta(
  old: PackedList,
  removals: readonly number[],
  additions: readonly Addition[],
  categories: readonly string[],
  sources: readonly string[],
  metadataBytes: number,
  fail: (message: string) => Error,
): PackedList {
  const n = entryCount(old);
  for (let i = 1; i < additions.length; i++) {
    if (additions[i]!.expression === additions[i - 1]!.expression)
      throw fail(`addition ${additions[i]!.expression} is repeated`);
  }

  // Which sources survive decides the new source table (sorted, as the encoder writes it).
  const counts = Uint32Array.from(old.sourceCounts);
  let allowCount = old.allowCount;
  for (const i of removals) {
    const meta = metaAt(old, i);
    counts[Math.floor(meta / 32)]!--;
    allowCount -= meta & 1;
  }
  const used = new Set(old.sources.filter((_, i) => counts[i]! > 0));
  for (const a of additions) {
    used.add(sources[Math.floor(a.meta / 32)]!);
    allowCount += a.meta & 1;
  }
  const newSources = [...used].sort();
  const sourceIndex = new Map(newSources.map((s, i) => [s, i]));
  const sourceMap = old.sources.map((s) => sourceIndex.get(s) ?? -1);
  const categoryMap = old.categories.map((c) => categories.indexOf(c));
  const sameTables =
    categoryMap.every((c, i) => c === i) && sourceMap.every((s, i) => s === i || counts[i] === 0);
  const newCounts = new Uint32Array(newSources.length);
  counts.forEach((c, i) => {
    if (c > 0) newCounts[sourceMap[i]!] = c;
  });

  // Where each addition goes: before the first old entry that sorts after it.
  const keysOf = additions.map((a) => {
    hash64Into(a.expression, ORDER_SEED);
    return { hi: hashOut.hi, lo: hashOut.lo };
  });
  const positions = additions.map((a, k) => {
    const at = lowerBound(old, keysOf[k]!.hi, a.expression);
    if (at < n && old.keysHi[at] === keysOf[k]!.hi && expressionAt(old, at) === a.expression) {
      if (!isRemoved(removals, at)) throw fail(`addition ${a.expression} is already in the list`);
    }
    return at;
  });

  const total = n - removals.length + additions.length;
  const tableBytes = encodeTable(categories).length + encodeTable(newSources).length;
  let out: ByteWriter;
  let room: PackedList['room'];
  if (sameTables) {
    // The result's size is known, so it is written where a snapshot of it keeps its pages,
    // with the rest of the snapshot's room in front: encodePacked then copies nothing and
    // the list is written once.
    let bytes = old.entries.length;
    for (const i of removals) bytes -= old.offsets[i + 1]! - old.offsets[i]!;
    for (const { bytes: expression, meta } of additions) {
      const source = sourceIndex.get(sources[Math.floor(meta / 32)]!)!;
      bytes += varintBytes(expression.length) + expression.length;
      bytes += varintBytes(source * 32 + (meta & 31));
    }
    const { pagesAt } = snapshotLayout(total, total, tableBytes, metadataBytes);
    out = new ByteWriter(new Uint8Array(pagesAt + bytes).subarray(pagesAt));
    room = { free: true };
  } else {
    out = new ByteWriter(old.entries.length + additions.length * 64 + 1024);
  }
  // The result's offsets and keys go into the old list's arrays when readPacked left room
  // for the additions in front of them: entry j of the result is never written past old
  // entry i before i is read (j ≤ i + additions ≤ i + headroom), and fresh memory is what
  // a million-entry merge spends most of its time on.
  const reusable = old.headroom !== undefined && old.headroom >= additions.length;
  const offsets = (reusable && reuse(old.offsets, total + 1)) || new Uint32Array(total + 1);
  const keysHi = (reusable && reuse(old.keysHi, total)) || new Uint32Array(total);
  const keysLo = (reusable && reuse(old.keysLo, total)) || new Uint32Array(total);
  let j = 0;
  const copyRun = (from: number, to: number) => {
    if (from >= to) return;
    copyInto(keysHi, j, old.keysHi, from, to);
    copyInto(keysLo, j, old.keysLo, from, to);
    if (sameTables) {
      const shift = out.length - old.offsets[from]!;
      out.bytes(old.entries.subarray(old.offsets[from]!, old.offsets[to]!));
      for (let i = from; i < to; i++) offsets[j++] = old.offsets[i]! + shift;
      return;
    }
    for (let i = from; i < to; i++) {
      const { start, length } = expressionRange(old, i);
      const meta = metaAt(old, i);
      const category = categoryMap[(meta >>> 1) & 15]!;
      if (category < 0) throw fail(`entry ${i} keeps a category the delta's table lacks`);
      const at = out.length;
      out.bytes(old.entries.subarray(old.offsets[i]!, start + length));
      out.varint(sourceMap[Math.floor(meta / 32)]! * 32 + category * 2 + (meta & 1));
      offsets[j++] = at;
    }
  };
  let i = 0;
  let r = 0;
  let a = 0;
  for (;;) {
    const next = Math.min(removals[r] ?? n, positions[a] ?? n);
    copyRun(i, next);
    i = next;
    for (; a < additions.length && positions[a] === i; a++) {
      const { bytes, meta } = additions[a]!;
      const source = sourceIndex.get(sources[Math.floor(meta / 32)]!)!;
      newCounts[source]!++;
      keysHi[j] = keysOf[a]!.hi;
      keysLo[j] = keysOf[a]!.lo;
      offsets[j++] = out.length;
      out.varint(bytes.length);
      out.bytes(bytes);
      out.varint(source * 32 + (meta & 31));
    }
    if (i === n) break;
    if (removals[r] === i) {
      r++;
      i++;
    }
  }
  const entries = out.written();
  offsets[total] = entries.length;
  // Sized exactly, the writer never grew: the entries end the buffer with its room in front.
  if (entries.byteOffset + entries.length !== entries.buffer.byteLength) room = undefined;
  return {
    room,
    categories,
    sources: newSources,
    entries,
    offsets,
    keysHi,
    keysLo,
    allowCount,
    sourceCounts: newCounts,
  };
}

/** A view of `length` elements at the start of `array`'s buffer, when the buffer is that long. */
function reuse(array: Uint32Array, length: number): Uint32Array | null {
  return array.buffer.byteLength / 4 >= length ? new Uint32Array(array.buffer, 0, length) : null;
}

/** target[at…] = source[from…to), safe when both share a buffer (memmove). */
function copyInto(
  target: Uint32Array,
  at: number,
  source: Uint32Array,
  from: number,
  to: number,
): void {
  if (target.buffer === source.buffer) {
    const whole = new Uint32Array(source.buffer);
    const t = target.byteOffset / 4;
    const s = source.byteOffset / 4;
    whole.copyWithin(t + at, s + from, s + to);
  } else target.set(source.subarray(from, to), at);
}

/** The first old entry that does not sort before (key, expression). */
function lowerBound(list: PackedList, key: number, expression: string): number {
  let lo = 0;
  let hi = entryCount(list);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list.keysHi[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  while (lo < entryCount(list) && compareToEntry(list, lo, key, expression) > 0) lo++;
  return lo;
}

function varintBytes(value: number): number {
  let bytes = 1;
  for (; value >= 0x80; bytes++) value = Math.floor(value / 0x80);
  return bytes;
}

function isRemoved(removals: readonly number[], index: number): boolean {
  let lo = 0;
  let hi = removals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (removals[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return removals[lo] === index;
}

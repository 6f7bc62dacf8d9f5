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
  const tables = [encodeTable(categories), encodeTable(newSources)];
  let out: ByteWriter;
  let room: PackedList['room'];
  if (sameTables) {
    // The result's size is known, so it is written where a snapshot of it keeps its pages,
    // with the rest of the snapshot's room in front (the tables go just before the entries,
    // for the checksum): encodePacked then copies nothing and the list is written once.
    let bytes = old.entries.length;
    for (const i of removals) bytes -= old.offsets[i + 1]! - old.offsets[i]!;
    for (const { bytes: expression, meta } of additions) {
      const source = sourceIndex.get(sources[Math.floor(meta / 32)]!)!;
      bytes += varintBytes(expression.length) + expression.length;
      bytes += varintBytes(source * 32 + (meta & 31));
    }
    const tableBytes = tables[0]!.length + tables[1]!.length;
    const { pagesAt } = snapshotLayout(total, total, tableBytes, metadataBytes);
    out = new ByteWriter(new Uint8Array(pagesAt + bytes).subarray(pagesAt - tableBytes));
    room = { free: true };
  } else {
    out = new ByteWriter(old.entries.length + additions.length * 64 + 1024);
  }
  for (const table of tables) out.bytes(table);
  const base = out.length;
  const offsets = new Uint32Array(total + 1);
  const keysHi = new Uint32Array(total);
  const keysLo = new Uint32Array(total);
  let j = 0;
  const copyRun = (from: number, to: number) => {
    if (from >= to) return;
    keysHi.set(old.keysHi.subarray(from, to), j);
    keysLo.set(old.keysLo.subarray(from, to), j);
    if (sameTables) {
      const shift = out.length - base - old.offsets[from]!;
      for (let i = from; i < to; i++) offsets[j++] = old.offsets[i]! + shift;
      out.bytes(old.entries.subarray(old.offsets[from]!, old.offsets[to]!));
      return;
    }
    for (let i = from; i < to; i++) {
      const { start, length } = expressionRange(old, i);
      const meta = metaAt(old, i);
      const category = categoryMap[(meta >>> 1) & 15]!;
      if (category < 0) throw fail(`entry ${i} keeps a category the delta's table lacks`);
      offsets[j++] = out.length - base;
      out.bytes(old.entries.subarray(old.offsets[i]!, start + length));
      out.varint(sourceMap[Math.floor(meta / 32)]! * 32 + category * 2 + (meta & 1));
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
      offsets[j++] = out.length - base;
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
  const canonical = out.written();
  offsets[total] = canonical.length - base;
  // Sized exactly, the writer never grew: the entries end the buffer with its room in front.
  if (canonical.byteOffset + canonical.length !== canonical.buffer.byteLength) room = undefined;
  return {
    room,
    categories,
    sources: newSources,
    canonical,
    entries: canonical.subarray(base),
    offsets,
    keysHi,
    keysLo,
    allowCount,
    sourceCounts: newCounts,
  };
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

import { ByteWriter } from './byte-writer';
import { hash64Into, hashOut } from './hash64';
import { ORDER_SEED } from './list-entry';
import {
  compareToEntry,
  entryCount,
  expressionAt,
  expressionRange,
  metaAt,
  type PackedList,
} from './packed-list';

/** An added entry; `meta` indexes the delta's category and source tables. */
export interface Addition {
  expression: string;
  meta: number;
  bytes: Uint8Array;
}

/**
 * The old list minus the removed indexes plus the (canonically sorted) additions, packed
 * against the delta's tables — the new list's, as the publisher's encoder wrote them, so the
 * result hashes to the declared checksum. The general merge, for any tables and any list
 * size; applyDelta takes mergeSnapshot's faster path where it can.
 */
export function mergePacked(
  old: PackedList,
  removals: readonly number[],
  additions: readonly Addition[],
  categories: readonly string[],
  sources: readonly string[],
  fail: (message: string) => Error,
): PackedList {
  const n = entryCount(old);
  checkAdditions(additions, fail);
  const sourceMap = old.sources.map((s) => sources.indexOf(s));
  const categoryMap = old.categories.map((c) => categories.indexOf(c));
  const sameTables = categoryMap.every((c, i) => c === i) && sourceMap.every((s, i) => s === i);

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
  const out = new ByteWriter(old.entries.length + additions.length * 64 + 1024);
  const offsets = new Uint32Array(total + 1);
  const keysHi = new Uint32Array(total);
  const keysLo = new Uint32Array(total);
  const sourceCounts = new Uint32Array(sources.length);
  let allowCount = 0;
  let j = 0;
  const copyRun = (from: number, to: number) => {
    if (from >= to) return;
    keysHi.set(old.keysHi.subarray(from, to), j);
    keysLo.set(old.keysLo.subarray(from, to), j);
    for (let i = from; i < to; i++) {
      const { start, length } = expressionRange(old, i);
      const meta = metaAt(old, i);
      const category = categoryMap[(meta >>> 1) & 15]!;
      const source = sourceMap[Math.floor(meta / 32)]!;
      if (category < 0 || source < 0)
        throw fail(`entry ${i} keeps a category or source the delta's tables lack`);
      sourceCounts[source]!++;
      allowCount += meta & 1;
      offsets[j++] = out.length;
      if (sameTables) {
        out.bytes(old.entries.subarray(old.offsets[i]!, old.offsets[i + 1]!));
      } else {
        out.bytes(old.entries.subarray(old.offsets[i]!, start + length));
        out.varint(source * 32 + category * 2 + (meta & 1));
      }
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
      sourceCounts[Math.floor(meta / 32)]!++;
      allowCount += meta & 1;
      keysHi[j] = keysOf[a]!.hi;
      keysLo[j] = keysOf[a]!.lo;
      offsets[j++] = out.length;
      out.varint(bytes.length);
      out.bytes(bytes);
      out.varint(meta);
    }
    if (i === n) break;
    if (removals[r] === i) {
      r++;
      i++;
    }
  }
  if (sourceCounts.some((count) => count === 0))
    throw fail('the source table names a source no entry uses');
  const entries = out.finish();
  offsets[total] = entries.length;
  return { categories, sources, entries, offsets, keysHi, keysLo, allowCount, sourceCounts };
}

/** Additions in canonical order, none repeated. */
export function checkAdditions(
  additions: readonly Addition[],
  fail: (message: string) => Error,
): void {
  for (let i = 1; i < additions.length; i++) {
    if (additions[i]!.expression === additions[i - 1]!.expression)
      throw fail(`addition ${additions[i]!.expression} is repeated`);
  }
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

/** Whether `index` is among the (increasing) removals. */
export function isRemoved(removals: readonly number[], index: number): boolean {
  let lo = 0;
  let hi = removals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (removals[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return removals[lo] === index;
}

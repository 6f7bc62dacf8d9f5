import { isCategory } from '../categories';
import { decodeUtf8 } from './byte-reader';
import { ByteWriter } from './byte-writer';
import { ListFormatError } from './errors';
import { CATEGORY_TABLE } from './format';
import { hash64Into, hashOut } from './hash64';
import { compareStrings, ORDER_SEED, type ListEntry } from './list-entry';

/**
 * A list in the form its snapshot stores it: the entries back to back in canonical order,
 * each as varint UTF-8 length · UTF-8 expression · varint (source << 5 | category << 1 |
 * allow) — byte for byte the snapshot's pages section — with the tables those indexes refer
 * to, each entry's offset and its 64-bit order hash. Snapshots are encoded, and deltas
 * merged where the fast path does not apply (mergePacked), in this form, so a million
 * entries never become a million objects.
 */
export interface PackedList {
  /** As written: a category this build does not know keeps its name (it reads as `scam`). */
  readonly categories: readonly string[];
  readonly sources: readonly string[];
  readonly entries: Uint8Array;
  /** Where each entry starts; one more than the entry count, the last is `entries.length`. */
  readonly offsets: Uint32Array;
  /** The order hash (see orderKey): `keysHi` is the order key, the pair is the filter key. */
  readonly keysHi: Uint32Array;
  readonly keysLo: Uint32Array;
  readonly allowCount: number;
  /** Entries per source index, so that a delta knows which sources are still in use. */
  readonly sourceCounts: Uint32Array;
}

export const entryCount = (list: PackedList): number => list.offsets.length - 1;

const fail = (message: string) => new ListFormatError(`Invalid list: ${message}`);

/** Packs entries that are already in canonical order; throws on a duplicate or misordered one. */
export function packEntries(entries: readonly ListEntry[]): PackedList {
  const n = entries.length;
  const sources = [...new Set(entries.map((e) => e.source))].sort();
  const sourceIndex = new Map(sources.map((s, i) => [s, i]));
  const categoryIndex = new Map(CATEGORY_TABLE.map((c, i) => [c, i]));
  const out = new ByteWriter(n * 24);
  const offsets = new Uint32Array(n + 1);
  const keysHi = new Uint32Array(n);
  const keysLo = new Uint32Array(n);
  const sourceCounts = new Uint32Array(sources.length);
  let allowCount = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    hash64Into(e.expression, ORDER_SEED);
    keysHi[i] = hashOut.hi;
    keysLo[i] = hashOut.lo;
    if (i > 0) {
      const prev = entries[i - 1]!.expression;
      if (prev === e.expression) throw new Error(`duplicate list entry ${e.expression}`);
      if (keysHi[i]! < keysHi[i - 1]! || (keysHi[i] === keysHi[i - 1] && prev > e.expression))
        throw new Error('entries passed as sorted are not in canonical order');
    }
    const category = categoryIndex.get(e.category);
    if (category === undefined) throw new Error(`unknown category ${e.category}`);
    const source = sourceIndex.get(e.source)!;
    sourceCounts[source]!++;
    if (e.action === 'allow') allowCount++;
    offsets[i] = out.length;
    out.string(e.expression);
    out.varint(source * 32 + category * 2 + (e.action === 'allow' ? 1 : 0));
  }
  const packed = out.finish();
  offsets[n] = packed.length;
  return {
    categories: CATEGORY_TABLE,
    sources,
    entries: packed,
    offsets,
    keysHi,
    keysLo,
    allowCount,
    sourceCounts,
  };
}

/** Decodes every entry into objects (tooling, tests and delta encoding; not the sync path). */
export function unpackEntries(list: PackedList): ListEntry[] {
  const categories = list.categories.map((c) => (isCategory(c) ? c : 'scam'));
  const out: ListEntry[] = [];
  for (let i = 0; i < entryCount(list); i++) {
    const meta = metaAt(list, i);
    out.push({
      expression: expressionAt(list, i),
      category: categories[(meta >>> 1) & 15]!,
      source: list.sources[Math.floor(meta / 32)]!,
      action: meta & 1 ? 'allow' : 'block',
    });
  }
  return out;
}

/** Start and length of entry i's UTF-8 expression. */
export function expressionRange(list: PackedList, i: number): { start: number; length: number } {
  const bytes = list.entries;
  let at = list.offsets[i]!;
  let length = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++]!;
    length += (byte & 0x7f) * scale;
    if (byte < 0x80) break;
    scale *= 0x80;
  }
  return { start: at, length };
}

export function expressionAt(list: PackedList, i: number): string {
  const { start, length } = expressionRange(list, i);
  return decodeUtf8(list.entries.subarray(start, start + length), fail, 'entry');
}

/** The packed meta of entry i (the varint that ends it). */
export function metaAt(list: PackedList, i: number): number {
  const { start, length } = expressionRange(list, i);
  const bytes = list.entries;
  let at = start + length;
  let meta = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++]!;
    meta += (byte & 0x7f) * scale;
    if (byte < 0x80) return meta;
    scale *= 0x80;
  }
}

/** Canonical order of (key, expression) against entry i: negative when it sorts first. */
export function compareToEntry(
  list: PackedList,
  i: number,
  key: number,
  expression: string,
): number {
  const other = list.keysHi[i]!;
  return key !== other ? key - other : compareStrings(expression, expressionAt(list, i));
}

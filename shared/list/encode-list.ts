import { hexToBytes } from '@noble/hashes/utils.js';
import { ByteWriter, utf8 } from './byte-writer';
import { FuseFilter } from './fuse-filter';
import {
  CATEGORY_TABLE,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  SECTION_NAMES,
  pageBitsFor,
  pageOfKey,
} from './format';
import { hash64Into, hashOut } from './hash64';
import { ORDER_SEED, listChecksum, sortEntries, type ListEntry } from './list-entry';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface EncodeOptions {
  version: number;
  createdAt: number;
  metadata?: Record<string, unknown>;
  /** Pass when the entries are already in canonical order (e.g. straight from applyDelta). */
  sorted?: boolean;
}

/** Serialises entries into the snapshot format described in format.ts. */
export function encodeList(input: readonly ListEntry[], options: EncodeOptions): Uint8Array {
  if (!Number.isInteger(options.version) || options.version < 0 || options.version > 0xffffffff) {
    throw new RangeError(`list version must be a u32, got ${options.version}`);
  }
  const entries = options.sorted ? input : sortEntries(input);
  const n = entries.length;
  const orderKeys = new Uint32Array(n);
  const keysHi = new Uint32Array(n);
  const keysLo = new Uint32Array(n);
  let unique = 0;
  let runStart = 0; // first unique key with the current order key
  let allowCount = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    hash64Into(e.expression, ORDER_SEED);
    const { hi, lo } = hashOut;
    orderKeys[i] = hi;
    if (i > 0) {
      const prev = entries[i - 1]!.expression;
      if (prev === e.expression) throw new Error(`duplicate list entry ${e.expression}`);
      if (
        options.sorted &&
        (hi < keysHi[unique - 1]! || (hi === keysHi[unique - 1]! && prev > e.expression))
      ) {
        throw new Error('entries passed as sorted are not in canonical order');
      }
    }
    if (unique === 0 || hi !== keysHi[unique - 1]) runStart = unique;
    // Two expressions with the same 64-bit hash share one filter key; both are confirmed.
    let twin = false;
    for (let k = runStart; k < unique && !twin; k++) twin = keysLo[k] === lo;
    if (!twin) {
      keysHi[unique] = hi;
      keysLo[unique++] = lo;
    }
    if (e.action === 'allow') allowCount++;
  }
  const filter = FuseFilter.build(keysHi.subarray(0, unique), keysLo.subarray(0, unique));

  const sources = [...new Set(entries.map((e) => e.source))].sort();
  const sourceIndex = new Map(sources.map((s, i) => [s, i]));
  const categoryIndex = new Map(CATEGORY_TABLE.map((c, i) => [c, i]));
  const pageBits = pageBitsFor(n);
  const pageCount = 2 ** pageBits;
  const pageStarts = new Uint32Array(pageCount + 1);
  const pages = new ByteWriter(n * 24);
  let page = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const p = pageOfKey(orderKeys[i]!, pageBits);
    while (page < p) pageStarts[++page] = pages.length;
    const category = categoryIndex.get(e.category);
    if (category === undefined) throw new Error(`unknown category ${e.category}`);
    pages.string(e.expression);
    pages.varint(sourceIndex.get(e.source)! * 32 + category * 2 + (e.action === 'allow' ? 1 : 0));
  }
  while (page < pageCount) pageStarts[++page] = pages.length;

  const out = new ByteWriter(
    HEADER_BYTES + filter.fingerprints.byteLength + pages.length + pageCount * 4 + 4096,
  );
  for (const m of MAGIC) out.u8(m);
  out.u8(FORMAT_VERSION & 0xff);
  out.u8(FORMAT_VERSION >> 8);
  out.u32(options.version);
  out.u32(0);
  out.f64(options.createdAt);
  out.u32(n);
  out.u32(allowCount);
  out.u32(filter.seed);
  out.u32(filter.segmentLength);
  out.u32(filter.segmentCount);
  out.u32(pageBits);
  out.bytes(hexToBytes(listChecksum(entries)));
  const tableAt = out.length;
  for (let i = 0; i < SECTION_NAMES.length * 2; i++) out.u32(0);
  const section = (index: number, align: number, write: () => void) => {
    out.align(align);
    const start = out.length;
    write();
    out.setU32(tableAt + index * 8, start);
    out.setU32(tableAt + index * 8 + 4, out.length - start);
  };
  section(0, 1, () => writeTable(out, CATEGORY_TABLE));
  section(1, 1, () => writeTable(out, sources));
  section(2, 1, () => out.bytes(utf8(options.metadata ? JSON.stringify(options.metadata) : '')));
  section(3, 2, () => {
    const fp = filter.fingerprints;
    if (littleEndian) out.bytes(new Uint8Array(fp.buffer, fp.byteOffset, fp.byteLength));
    else {
      for (const v of fp) {
        out.u8(v & 0xff);
        out.u8(v >> 8);
      }
    }
  });
  section(4, 4, () => {
    for (const v of pageStarts) out.u32(v);
  });
  section(5, 1, () => out.bytes(pages.finish()));
  return out.finish();
}

function writeTable(out: ByteWriter, names: readonly string[]): void {
  out.varint(names.length);
  for (const name of names) out.string(name);
}

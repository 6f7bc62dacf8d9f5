import { hexToBytes } from '@noble/hashes/utils.js';
import { ByteWriter, utf8 } from './byte-writer';
import { FuseFilter } from './fuse-filter';
import { FORMAT_VERSION, HEADER_BYTES, MAGIC, pageBitsFor, pageOfKey } from './format';
import { encodeTable, listChecksum } from './list-checksum';
import { sortEntries, type ListEntry } from './list-entry';
import { entryCount, packEntries, type PackedList } from './packed-list';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface EncodeOptions {
  version: number;
  createdAt: number;
  metadata?: Record<string, unknown>;
  /** Pass when the entries are already in canonical order (e.g. straight from readEntries). */
  sorted?: boolean;
  /**
   * Memory the caller no longer needs (the stored list a delta was just applied to, say),
   * used as the filter's work space instead of ~14 MB of fresh memory at a million entries.
   * It is overwritten; it must not hold any part of the list being encoded.
   */
  scratch?: Uint8Array;
}

/** Serialises entries into the snapshot format described in format.ts. */
export async function encodeList(
  input: readonly ListEntry[],
  options: EncodeOptions,
): Promise<Uint8Array> {
  checkVersion(options.version);
  return encodePacked(packEntries(options.sorted ? input : sortEntries(input)), options);
}

/** Where a snapshot's sections go, up to the pages (which end the file). */
export interface SnapshotLayout {
  filterAt: number;
  fingerprints: number;
  tableAt: number;
  pagesAt: number;
}

/**
 * The layout for `keys` distinct filter keys over `entries` entries, after string tables of
 * `tableBytes` and metadata of `metadataBytes`: the filter 2-aligned and the page table
 * 4-aligned, as format.ts says.
 */
export function snapshotLayout(
  keys: number,
  entries: number,
  tableBytes: number,
  metadataBytes: number,
): SnapshotLayout {
  const { segmentLength, segmentCount } = FuseFilter.geometry(keys);
  let filterAt = HEADER_BYTES + tableBytes + metadataBytes;
  filterAt += filterAt % 2;
  const fingerprints = FuseFilter.arrayLength(segmentLength, segmentCount);
  let tableAt = filterAt + fingerprints * 2;
  tableAt += (4 - (tableAt % 4)) % 4;
  return {
    filterAt,
    fingerprints,
    tableAt,
    pagesAt: tableAt + (2 ** pageBitsFor(entries) + 1) * 4,
  };
}

/**
 * Serialises a packed list (from packEntries, readPacked or applyDelta): its entries become
 * the pages section as they are, and the filter is built from the stored key hashes, in
 * place. A list that leaves room for the rest of the snapshot before its entries (see
 * PackedList.room) is written around them, without copying them.
 */
export async function encodePacked(list: PackedList, options: EncodeOptions): Promise<Uint8Array> {
  checkVersion(options.version);
  const n = entryCount(list);
  const { keysHi, keysLo, offsets, entries } = list;
  const { scratch } = options;
  if (scratch && [entries, keysHi, keysLo, offsets].some((a) => a.buffer === scratch.buffer))
    throw new Error('encodePacked: the scratch memory holds part of the list');
  const [filterHi, filterLo] = distinctKeys(keysHi, keysLo);
  // Memoised for a list a delta was just checked against: no second pass over the entries.
  const checksum = await listChecksum(list);
  const categories = encodeTable(list.categories);
  const sources = encodeTable(list.sources);
  const metadata = utf8(options.metadata ? JSON.stringify(options.metadata) : '');
  const layout = snapshotLayout(
    filterHi.length,
    n,
    categories.length + sources.length,
    metadata.length,
  );
  const size = layout.pagesAt + entries.length;
  let out: Uint8Array;
  if (
    list.room?.free &&
    entries.byteOffset === layout.pagesAt &&
    entries.buffer.byteLength === size
  ) {
    list.room.free = false;
    out = new Uint8Array(entries.buffer);
  } else {
    out = new Uint8Array(size);
    out.set(entries, layout.pagesAt);
  }

  const fingerprintCount = layout.fingerprints;
  const filter = littleEndian
    ? FuseFilter.build(filterHi, filterLo, {
        into: new Uint16Array(out.buffer, layout.filterAt, fingerprintCount),
        scratch,
      })
    : FuseFilter.build(filterHi, filterLo);
  const pageBits = pageBitsFor(n);
  const pageCount = 2 ** pageBits;
  const pageStarts = littleEndian
    ? new Uint32Array(out.buffer, layout.tableAt, pageCount + 1)
    : new Uint32Array(pageCount + 1);
  pageStarts[0] = 0;
  let page = 0;
  for (let i = 0; i < n; i++) {
    const p = pageOfKey(keysHi[i]!, pageBits);
    while (page < p) pageStarts[++page] = offsets[i]!;
  }
  while (page < pageCount) pageStarts[++page] = entries.length;
  if (!littleEndian) {
    out.set(littleEndianBytes(filter.fingerprints), layout.filterAt);
    out.set(littleEndianBytes(pageStarts), layout.tableAt);
  }

  const w = new ByteWriter(out.subarray(0, layout.filterAt));
  for (const m of MAGIC) w.u8(m);
  w.u8(FORMAT_VERSION & 0xff);
  w.u8(FORMAT_VERSION >> 8);
  w.u32(options.version);
  w.u32(0);
  w.f64(options.createdAt);
  w.u32(n);
  w.u32(list.allowCount);
  w.u32(filter.seed);
  w.u32(filter.segmentLength);
  w.u32(filter.segmentCount);
  w.u32(pageBits);
  w.bytes(hexToBytes(checksum));
  const bodies = [categories, sources, metadata];
  let at = HEADER_BYTES;
  for (const body of bodies) {
    w.u32(at);
    w.u32(body.length);
    at += body.length;
  }
  w.u32(layout.filterAt);
  w.u32(fingerprintCount * 2);
  w.u32(layout.tableAt);
  w.u32((pageCount + 1) * 4);
  w.u32(layout.pagesAt);
  w.u32(entries.length);
  for (const body of bodies) w.bytes(body);
  // Alignment padding is zero, whatever the room held before.
  out.fill(0, at, layout.filterAt);
  out.fill(0, layout.filterAt + fingerprintCount * 2, layout.tableAt);
  return out;
}

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0xffffffff)
    throw new RangeError(`list version must be a u32, got ${version}`);
}

/**
 * The filter keys: two expressions with the same 64-bit hash (equal order keys are
 * adjacent) share one filter key; both are still confirmed on their page.
 */
function distinctKeys(keysHi: Uint32Array, keysLo: Uint32Array): [Uint32Array, Uint32Array] {
  const n = keysHi.length;
  // Equal order keys are common enough (~1 pair in 8000 at 1M); equal 64-bit keys are not,
  // and only those cost a copy.
  let twins = false;
  for (let i = 1, runStart = 0; i < n && !twins; i++) {
    if (keysHi[i] !== keysHi[i - 1]) runStart = i;
    else for (let k = runStart; k < i && !twins; k++) twins = keysLo[k] === keysLo[i];
  }
  if (!twins) return [keysHi, keysLo];
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  let unique = 0;
  let runStart = 0; // first unique key with the current order key
  for (let i = 0; i < n; i++) {
    if (unique === 0 || keysHi[i] !== hi[unique - 1]) runStart = unique;
    let twin = false;
    for (let k = runStart; k < unique && !twin; k++) twin = lo[k] === keysLo[i];
    if (!twin) {
      hi[unique] = keysHi[i]!;
      lo[unique++] = keysLo[i]!;
    }
  }
  return [hi.subarray(0, unique), lo.subarray(0, unique)];
}

function littleEndianBytes(values: Uint16Array | Uint32Array): Uint8Array {
  if (littleEndian) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  values.forEach((v, i) =>
    values.BYTES_PER_ELEMENT === 2
      ? view.setUint16(i * 2, v, true)
      : view.setUint32(i * 4, v, true),
  );
  return out;
}

import { hexToBytes } from '@noble/hashes/utils.js';
import { ByteWriter, utf8 } from './byte-writer';
import {
  bucketBitsFor,
  FingerprintIndex,
  indexLayout,
  type IndexGeometry,
} from './fingerprint-index';
import {
  encodeTable,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  pageBitsFor,
  pageOfKey,
  requireLittleEndian,
} from './format';
import { snapshotChecksum } from './list-checksum';
import { sortEntries, type ListEntry } from './list-entry';
import { entryCount, packEntries, type PackedList } from './packed-list';

export interface EncodeOptions {
  version: number;
  createdAt: number;
  metadata?: Record<string, unknown>;
  /** Pass when the entries are already in canonical order (e.g. straight from readEntries). */
  sorted?: boolean;
}

/** Serialises entries into the snapshot format described in format.ts. */
export async function encodeList(
  input: readonly ListEntry[],
  options: EncodeOptions,
): Promise<Uint8Array> {
  checkVersion(options.version);
  return encodePacked(packEntries(options.sorted ? input : sortEntries(input)), options);
}

/**
 * Serialises a packed list (from packEntries or readPacked): its entries become the pages
 * section as they are, and the filter is built from the stored key hashes.
 */
export async function encodePacked(list: PackedList, options: EncodeOptions): Promise<Uint8Array> {
  checkVersion(options.version);
  const n = entryCount(list);
  const { keysHi, keysLo, entries } = list;
  const snapshot = startSnapshot({
    version: options.version,
    createdAt: options.createdAt,
    entryCount: n,
    allowCount: list.allowCount,
    categories: encodeTable(list.categories),
    sources: encodeTable(list.sources),
    metadata: encodeMetadata(options.metadata),
    entriesBytes: entries.length,
  });
  const { out, layout } = snapshot;
  out.set(entries, layout.pagesAt);
  FingerprintIndex.write(keysHi, keysLo, layout.geometry, out.buffer, layout.filterAt);
  writePageTable(list, layout.geometry.pageBits, out.buffer, layout.tableAt);
  await sealSnapshot(out);
  return out;
}

/** The page table of a packed list: where each page's entries start, and the end last. */
export function writePageTable(
  { keysHi, offsets, entries }: PackedList,
  pageBits: number,
  buffer: ArrayBufferLike,
  byteOffset: number,
): void {
  const pageCount = 2 ** pageBits;
  const pageStarts = new Uint32Array(buffer, byteOffset, pageCount + 1);
  pageStarts[0] = 0;
  let page = 0;
  for (let i = 0; i < keysHi.length; i++) {
    const p = pageOfKey(keysHi[i]!, pageBits);
    while (page < p) pageStarts[++page] = offsets[i]!;
  }
  while (page < pageCount) pageStarts[++page] = entries.length;
}

/** No metadata and empty metadata are both written as nothing, so a delta can say either. */
export const encodeMetadata = (metadata: Record<string, unknown> | undefined): Uint8Array =>
  utf8(metadata && Object.keys(metadata).length > 0 ? JSON.stringify(metadata) : '');

/** Where a snapshot's sections go, up to the pages (which end the file). */
export interface SnapshotLayout {
  geometry: IndexGeometry;
  filterAt: number;
  tableAt: number;
  pagesAt: number;
}

/**
 * The layout for `entries` entries after string tables and metadata of `headBytes` in all:
 * the filter and the page table 4-aligned, as format.ts says.
 */
export function snapshotLayout(entries: number, headBytes: number): SnapshotLayout {
  const pageBits = pageBitsFor(entries);
  const geometry = { entryCount: entries, pageBits, bucketBits: bucketBitsFor(entries, pageBits) };
  const filterAt = align4(HEADER_BYTES + headBytes);
  const tableAt = align4(filterAt + indexLayout(geometry).bytes);
  return { geometry, filterAt, tableAt, pagesAt: tableAt + (2 ** pageBits + 1) * 4 };
}

export interface SnapshotHead {
  version: number;
  createdAt: number;
  entryCount: number;
  allowCount: number;
  /** Encoded as encodeTable writes them, and the metadata as UTF-8 JSON. */
  categories: Uint8Array;
  sources: Uint8Array;
  metadata: Uint8Array;
  /** Length of the pages section. */
  entriesBytes: number;
}

/**
 * A new snapshot buffer with its header (all but the checksum), tables and metadata
 * written and its padding zero; the caller fills the filter, page table and pages at the
 * layout's offsets, then calls sealSnapshot.
 */
export function startSnapshot(head: SnapshotHead): { out: Uint8Array; layout: SnapshotLayout } {
  requireLittleEndian();
  const bodies = [head.categories, head.sources, head.metadata];
  const headBytes = bodies.reduce((sum, body) => sum + body.length, 0);
  const layout = snapshotLayout(head.entryCount, headBytes);
  const { geometry, filterAt, tableAt, pagesAt } = layout;
  const out = new Uint8Array(pagesAt + head.entriesBytes);
  const w = new ByteWriter(out.subarray(0, filterAt));
  for (const m of MAGIC) w.u8(m);
  w.u8(FORMAT_VERSION & 0xff);
  w.u8(FORMAT_VERSION >> 8);
  w.u32(head.version);
  w.u32(0);
  w.f64(head.createdAt);
  w.u32(head.entryCount);
  w.u32(head.allowCount);
  w.u32(geometry.bucketBits);
  w.u32(16);
  w.u32(0);
  w.u32(geometry.pageBits);
  w.bytes(new Uint8Array(32)); // the checksum, written by sealSnapshot
  let at = HEADER_BYTES;
  for (const body of bodies) {
    w.u32(at);
    w.u32(body.length);
    at += body.length;
  }
  const filterBytes = indexLayout(geometry).bytes;
  w.u32(filterAt);
  w.u32(filterBytes);
  w.u32(tableAt);
  w.u32(pagesAt - tableAt);
  w.u32(pagesAt);
  w.u32(head.entriesBytes);
  for (const body of bodies) w.bytes(body);
  return { out, layout };
}

/** Writes the checksum of a filled snapshot into its header; returns it (hex). */
export async function sealSnapshot(out: Uint8Array): Promise<string> {
  const checksum = await snapshotChecksum(out);
  out.set(hexToBytes(checksum), CHECKSUM_AT);
  return checksum;
}

const CHECKSUM_AT = 48;

const align4 = (at: number): number => at + ((4 - (at % 4)) % 4);

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0xffffffff)
    throw new RangeError(`list version must be a u32, got ${version}`);
}

import { hexToBytes } from '@noble/hashes/utils.js';
import { ByteWriter, utf8 } from './byte-writer';
import { FuseFilter } from './fuse-filter';
import {
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  SECTION_NAMES,
  pageBitsFor,
  pageOfKey,
} from './format';
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
 * Serialises a packed list (from packEntries, readPacked or applyDelta): its entries become
 * the pages section as they are, and the filter is built from the stored key hashes.
 */
export async function encodePacked(list: PackedList, options: EncodeOptions): Promise<Uint8Array> {
  checkVersion(options.version);
  const n = entryCount(list);
  const { keysHi, keysLo, offsets } = list;
  const filter = FuseFilter.build(...distinctKeys(keysHi, keysLo));
  const pageBits = pageBitsFor(n);
  const pageCount = 2 ** pageBits;
  const pageStarts = new Uint32Array(pageCount + 1);
  let page = 0;
  for (let i = 0; i < n; i++) {
    const p = pageOfKey(keysHi[i]!, pageBits);
    while (page < p) pageStarts[++page] = offsets[i]!;
  }
  while (page < pageCount) pageStarts[++page] = list.entries.length;
  const checksum = await listChecksum(list);
  const categories = encodeTable(list.categories);
  const sources = encodeTable(list.sources);
  const metadata = utf8(options.metadata ? JSON.stringify(options.metadata) : '');
  const fingerprints = littleEndianBytes(filter.fingerprints);

  // Sized exactly (alignment padding included) so that finishing does not copy the list.
  const filterAt = HEADER_BYTES + categories.length + sources.length + metadata.length;
  const tableAt = filterAt + (filterAt % 2) + fingerprints.length;
  const out = new ByteWriter(
    tableAt + ((4 - (tableAt % 4)) % 4) + pageStarts.byteLength + list.entries.length,
  );
  for (const m of MAGIC) out.u8(m);
  out.u8(FORMAT_VERSION & 0xff);
  out.u8(FORMAT_VERSION >> 8);
  out.u32(options.version);
  out.u32(0);
  out.f64(options.createdAt);
  out.u32(n);
  out.u32(list.allowCount);
  out.u32(filter.seed);
  out.u32(filter.segmentLength);
  out.u32(filter.segmentCount);
  out.u32(pageBits);
  out.bytes(hexToBytes(checksum));
  const sectionTable = out.length;
  for (let i = 0; i < SECTION_NAMES.length * 2; i++) out.u32(0);
  const section = (index: number, align: number, write: () => void) => {
    out.align(align);
    const start = out.length;
    write();
    out.setU32(sectionTable + index * 8, start);
    out.setU32(sectionTable + index * 8 + 4, out.length - start);
  };
  section(0, 1, () => out.bytes(categories));
  section(1, 1, () => out.bytes(sources));
  section(2, 1, () => out.bytes(metadata));
  section(3, 2, () => out.bytes(fingerprints));
  section(4, 4, () => out.bytes(littleEndianBytes(pageStarts)));
  section(5, 1, () => out.bytes(list.entries));
  return out.finish();
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
  let twins = false;
  for (let i = 1; i < n && !twins; i++) twins = keysHi[i] === keysHi[i - 1];
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

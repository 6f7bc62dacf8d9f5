import { bytesToHex } from '@noble/hashes/utils.js';
import { CATEGORIES, isCategory, type Category } from '../categories';
import { ByteReader, decodeUtf8 } from './byte-reader';
import { ByteWriter } from './byte-writer';
import { ListFormatError } from './errors';
import { bucketBitsFor, FINGERPRINT_BITS, indexLayout } from './fingerprint-index';

/**
 * Snapshot layout (little-endian), designed to be used in place from one ArrayBuffer:
 *
 *   0  magic "SGLIST" + u16 format version
 *   8  u32 list version · u32 flags (0) · f64 created-at (ms since epoch)
 *  24  u32 entry count · u32 allow count
 *  32  u32 bucket bits · u32 fingerprint bits (16) · u32 reserved (0) · u32 page bits
 *  48  32-byte checksum of every byte after the header (see snapshotChecksum)
 *  80  six sections as (u32 offset, u32 length): categories, sources, metadata (JSON),
 *      filter (see fingerprint-index.ts), page table (u32 × pages+1), pages
 * 128  section bodies, in that order, the filter and the page table 4-aligned
 *
 * A page holds the entries whose order key has the page's top bits, each as
 * varint UTF-8 length · UTF-8 expression · varint (source << 5 | category << 1 | allow).
 */
export const MAGIC = [0x53, 0x47, 0x4c, 0x49, 0x53, 0x54]; // "SGLIST"
// Version 2: the checksum covers the encoded entries rather than one line of text per entry.
// Version 3: the checksum hashes 256 KiB blocks, and filter seed 0 means unmixed keys.
// Version 4: the filter is the fingerprint index, and the checksum covers all but the header.
export const FORMAT_VERSION = 4;
export const HEADER_BYTES = 128;
export const SECTION_NAMES = [
  'categories',
  'sources',
  'metadata',
  'filter',
  'page table',
  'pages',
] as const;
/** Average entries per page: 4 resident bytes per page ≈ 0.5 bits/entry, ~1.5 KB read per hit. */
export const ENTRIES_PER_PAGE = 64;
export const MAX_PAGE_BITS = 24;

export interface Section {
  offset: number;
  length: number;
}

export interface ListHeader {
  version: number;
  createdAt: number;
  entryCount: number;
  allowCount: number;
  pageBits: number;
  bucketBits: number;
  checksum: string;
  sections: Section[];
  categories: Category[];
  sources: string[];
}

/**
 * The snapshot's arrays are used in place as typed arrays, which read the host's byte
 * order; every engine the extension runs on is little-endian.
 */
export function requireLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new Error('Scam Guard lists need a little-endian host');
}

export function pageBitsFor(entryCount: number): number {
  return Math.min(MAX_PAGE_BITS, Math.max(0, Math.ceil(Math.log2(entryCount / ENTRIES_PER_PAGE))));
}

export function pageOfKey(key: number, pageBits: number): number {
  return pageBits === 0 ? 0 : key >>> (32 - pageBits);
}

const fail = (message: string) => new ListFormatError(`Invalid list file: ${message}`);

/** Reads and validates the header and section table; O(header), no entry is parsed. */
export function readHeader(bytes: Uint8Array): ListHeader {
  if (!(bytes instanceof Uint8Array)) throw fail('expected a Uint8Array');
  if (bytes.length < HEADER_BYTES)
    throw fail(`truncated: ${bytes.length} bytes, the header alone is ${HEADER_BYTES}`);
  const r = new ByteReader(bytes, fail);
  for (const m of MAGIC) if (r.u8('magic') !== m) throw fail('bad magic (not a Scam Guard list)');
  const format = r.u8('format') | (r.u8('format') << 8);
  if (format !== FORMAT_VERSION)
    throw fail(`unsupported format version ${format} (expected ${FORMAT_VERSION})`);
  const version = r.u32('version');
  if (r.u32('flags') !== 0) throw fail('unknown flags set');
  const createdAt = r.f64('created-at');
  if (!Number.isFinite(createdAt)) throw fail('created-at is not a finite number');
  const entryCount = r.u32('entry count');
  const allowCount = r.u32('allow count');
  if (allowCount > entryCount)
    throw fail(`allow count ${allowCount} exceeds entry count ${entryCount}`);
  const bucketBits = r.u32('bucket bits');
  const fingerprintBits = r.u32('fingerprint bits');
  if (r.u32('reserved') !== 0) throw fail('reserved header field set');
  const pageBits = r.u32('page bits');
  if (pageBits !== pageBitsFor(entryCount))
    throw fail(`page bits ${pageBits} do not fit ${entryCount} entries`);
  if (bucketBits !== bucketBitsFor(entryCount, pageBits) || fingerprintBits !== FINGERPRINT_BITS)
    throw fail(`filter of ${bucketBits} bucket bits does not fit ${entryCount} entries`);
  const checksum = bytesToHex(r.take(32, 'checksum'));
  const sections: Section[] = [];
  let previousEnd = HEADER_BYTES;
  for (const name of SECTION_NAMES) {
    const offset = r.u32(`${name} offset`);
    const length = r.u32(`${name} length`);
    if (offset < previousEnd || offset - previousEnd > 3)
      throw fail(`${name} section at ${offset} overlaps or leaves a gap`);
    if (offset + length > bytes.length) {
      throw fail(
        `truncated: ${name} section ends at ${offset + length}, file has ${bytes.length} bytes`,
      );
    }
    sections.push({ offset, length });
    previousEnd = offset + length;
  }
  if (previousEnd !== bytes.length)
    throw fail(`oversized: ${bytes.length - previousEnd} bytes after the last section`);
  const [, , , filter, pageTable, pages] = sections as [
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
  ];
  if (filter.offset % 4 !== 0 || pageTable.offset % 4 !== 0)
    throw fail('misaligned filter or page table');
  const filterBytes = indexLayout({ entryCount, pageBits, bucketBits }).bytes;
  if (filter.length !== filterBytes)
    throw fail(`filter section is ${filter.length} bytes, its geometry needs ${filterBytes}`);
  if (pageTable.length !== (2 ** pageBits + 1) * 4)
    throw fail(`page table is ${pageTable.length} bytes for ${2 ** pageBits} pages`);
  // Each entry takes at least 3 bytes, which bounds the count a file can claim.
  if (entryCount * 3 > pages.length)
    throw fail(`${entryCount} entries cannot fit in ${pages.length} bytes of pages`);
  const categories = readStringTable(bytes, sections[0]!, 'category').map((c) =>
    // A category added after this client shipped still blocks, under the catch-all.
    isCategory(c) ? c : 'scam',
  );
  if (categories.length > 16)
    throw fail(`${categories.length} categories (at most 16 fit the entry encoding)`);
  const sources = readStringTable(bytes, sections[1]!, 'source');
  return {
    version,
    createdAt,
    entryCount,
    allowCount,
    pageBits,
    bucketBits,
    checksum,
    sections,
    categories,
    sources,
  };
}

export function readStringTable(bytes: Uint8Array, section: Section, what: string): string[] {
  const r = new ByteReader(bytes, fail, section.offset, section.offset + section.length);
  const count = r.varint(`${what} count`);
  if (count > section.length)
    throw fail(`${what} table claims ${count} names in ${section.length} bytes`);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(r.string(`${what} name`));
  if (r.remaining !== 0) throw fail(`${r.remaining} stray bytes after the ${what} table`);
  return out;
}

export function readMetadata(bytes: Uint8Array, section: Section): Record<string, unknown> {
  if (section.length === 0) return {};
  const text = decodeUtf8(
    bytes.subarray(section.offset, section.offset + section.length),
    fail,
    'metadata',
  );
  return parseMetadataJson(text, fail);
}

/** The metadata section of a snapshot or a delta: empty, or one JSON object. */
export function parseMetadataJson(
  text: string,
  fail: (message: string) => Error,
): Record<string, unknown> {
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail('metadata is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fail('metadata is not a JSON object');
  return value as Record<string, unknown>;
}

/** A string table as snapshots write it: varint count, then each name. */
export function encodeTable(names: readonly string[]): Uint8Array {
  const out = new ByteWriter(256);
  out.varint(names.length);
  for (const name of names) out.string(name);
  return out.finish();
}

/** The category table every encoder writes: all known categories, in their declared order. */
export const CATEGORY_TABLE: readonly Category[] = CATEGORIES;

import { bytesToHex } from '@noble/hashes/utils.js';
import { ByteWriter } from './byte-writer';
import type { PackedList } from './packed-list';
import { sha256 } from './sha256';

const known = new WeakMap<PackedList, Promise<string>>();

/**
 * SHA-256 (hex) of the canonical encoding of a list: the category table, the source table
 * and the entries in canonical order, exactly as a snapshot's categories, sources and pages
 * sections hold them. The encoding is a function of the entries alone (sources sorted,
 * categories in the publisher's declared order), so equal lists give equal checksums and
 * any difference in an entry changes it — and it is hashed straight from the bytes, with no
 * per-entry text to build. Memoised: encoding a list just checked against a delta reuses it.
 */
export function listChecksum(list: PackedList): Promise<string> {
  let checksum = known.get(list);
  if (!checksum) {
    checksum = sha256(list.canonical ?? checksumInput(list)).then(bytesToHex);
    known.set(list, checksum);
  }
  return checksum;
}

function checksumInput(list: PackedList): Uint8Array {
  const categories = encodeTable(list.categories);
  const sources = encodeTable(list.sources);
  const input = new Uint8Array(categories.length + sources.length + list.entries.length);
  input.set(categories);
  input.set(sources, categories.length);
  input.set(list.entries, categories.length + sources.length);
  return input;
}

/** A string table as snapshots write it: varint count, then each name. */
export function encodeTable(names: readonly string[]): Uint8Array {
  const out = new ByteWriter(256);
  out.varint(names.length);
  for (const name of names) out.string(name);
  return out.finish();
}

import { bytesToHex } from '@noble/hashes/utils.js';
import { ByteWriter } from './byte-writer';
import type { PackedList } from './packed-list';
import { sha256 } from './sha256';

/** Bytes per hashed block of the checksum input (see listChecksum). */
export const CHECKSUM_BLOCK_BYTES = 1 << 18;
/** Blocks being hashed at once: enough to keep WebCrypto's thread busy, few enough to reuse memory. */
const IN_FLIGHT = 4;

const known = new WeakMap<PackedList, Promise<string>>();

/**
 * The checksum (hex) of a list: SHA-256 over the SHA-256 digests of consecutive 256 KiB
 * blocks of its canonical encoding — the category table, the source table and the entries in
 * canonical order, exactly as a snapshot's categories, sources and pages sections hold them.
 * The encoding is a function of the entries alone (sources sorted, categories in the
 * publisher's declared order), so equal lists give equal checksums and any difference in
 * an entry changes it.
 *
 * Why blocks rather than one SHA-256 over the whole: WebCrypto copies its input, and a
 * fresh 26 MB copy of a million-entry list costs more (page faults) than hashing it; block
 * by block, the copies reuse the same memory and the three parts need no joining copy.
 * Memoised: encoding a list just checked against a delta reuses it.
 */
export function listChecksum(list: PackedList): Promise<string> {
  let checksum = known.get(list);
  if (!checksum) {
    checksum = blockChecksum([
      encodeTable(list.categories),
      encodeTable(list.sources),
      list.entries,
    ]).then(bytesToHex);
    known.set(list, checksum);
  }
  return checksum;
}

/** SHA-256 of the block digests of `parts` taken as one byte string. */
export async function blockChecksum(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const blockCount = Math.ceil(total / CHECKSUM_BLOCK_BYTES);
  const digests = new Uint8Array(blockCount * 32);
  const pending: Promise<void>[] = [];
  let part = 0;
  let at = 0; // within parts[part]
  for (let block = 0; block < blockCount; block++) {
    const size = Math.min(CHECKSUM_BLOCK_BYTES, total - block * CHECKSUM_BLOCK_BYTES);
    let bytes: Uint8Array;
    while (at === parts[part]!.length) [part, at] = [part + 1, 0];
    if (parts[part]!.length - at >= size) {
      bytes = parts[part]!.subarray(at, at + size);
      at += size;
    } else {
      // A block across parts (only where the tables meet the entries) is joined.
      bytes = new Uint8Array(size);
      for (let filled = 0; filled < size;) {
        while (at === parts[part]!.length) [part, at] = [part + 1, 0];
        const piece = parts[part]!.subarray(at, at + size - filled);
        bytes.set(piece, filled);
        filled += piece.length;
        at += piece.length;
      }
    }
    pending.push(sha256(bytes).then((digest) => digests.set(digest, block * 32)));
    if (pending.length >= IN_FLIGHT) await pending.shift();
  }
  await Promise.all(pending);
  return sha256(digests);
}

/** A string table as snapshots write it: varint count, then each name. */
export function encodeTable(names: readonly string[]): Uint8Array {
  const out = new ByteWriter(256);
  out.varint(names.length);
  for (const name of names) out.string(name);
  return out.finish();
}

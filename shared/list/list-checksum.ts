import { bytesToHex } from '@noble/hashes/utils.js';
import { HEADER_BYTES } from './format';
import { sha256 } from './sha256';

/** Bytes per hashed block of the checksum input (see snapshotChecksum). */
export const CHECKSUM_BLOCK_BYTES = 1 << 18;
/** Blocks being hashed at once: enough to keep WebCrypto's thread busy, few enough to reuse memory. */
const IN_FLIGHT = 4;

/**
 * The checksum (hex) of a snapshot: blockChecksum of every byte after its header — the
 * tables, metadata, filter, page table and entries. A snapshot is a function of its
 * entries and metadata alone (sources sorted, categories in the publisher's declared order,
 * the filter and page table derived from the sorted entries, padding zero), so equal lists
 * give equal checksums, and a list rebuilt from a delta that differs from the publisher's
 * in any byte that a lookup reads is refused.
 */
export async function snapshotChecksum(snapshot: Uint8Array): Promise<string> {
  return bytesToHex(await blockChecksum(snapshot.subarray(HEADER_BYTES)));
}

/**
 * SHA-256 over the SHA-256 digests of consecutive 256 KiB blocks of `bytes`.
 *
 * Why blocks rather than one SHA-256 over the whole: WebCrypto copies its input, and a
 * fresh 26 MB copy of a million-entry list costs more (page faults) than hashing it; block
 * by block, the copies reuse the same memory.
 */
export async function blockChecksum(bytes: Uint8Array): Promise<Uint8Array> {
  const blockCount = Math.ceil(bytes.length / CHECKSUM_BLOCK_BYTES);
  const digests = new Uint8Array(blockCount * 32);
  const pending: Promise<void>[] = [];
  for (let block = 0; block < blockCount; block++) {
    const at = block * CHECKSUM_BLOCK_BYTES;
    const part = bytes.subarray(at, at + CHECKSUM_BLOCK_BYTES);
    pending.push(sha256(part).then((digest) => digests.set(digest, block * 32)));
    if (pending.length >= IN_FLIGHT) await pending.shift();
  }
  await Promise.all(pending);
  return sha256(digests);
}

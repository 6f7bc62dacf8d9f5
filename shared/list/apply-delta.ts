import { inflateSync } from 'fflate';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ByteReader, decodeUtf8 } from './byte-reader';
import { utf8 } from './byte-writer';
import { DeltaError } from './errors';
import { DELTA_FORMAT, DELTA_MAGIC } from './encode-delta';
import { parseMetadataJson } from './format';
import { listChecksum } from './list-checksum';
import { mergeDelta, type Addition } from './merge-delta';
import { sortEntries } from './list-entry';
import type { PackedList } from './packed-list';
import { readRice } from './rice';

export interface AppliedDelta {
  fromVersion: number;
  version: number;
  createdAt: number;
  checksum: string;
  metadata: Record<string, unknown>;
  /** The new list, packed in canonical order (encodePacked takes it as is). */
  list: PackedList;
}

const fail = (message: string) => new DeltaError(`Invalid delta: ${message}`);

/**
 * Applies a verified, deflated delta to the list at `currentVersion`, on the packed form:
 * unchanged entries are copied as runs of bytes and key hashes, never decoded. Rejects
 * (DeltaError) a delta for another version, a corrupt one, or one whose result's SHA-256
 * differs from the one it declares — the caller then falls back to a full snapshot.
 */
export async function applyDelta(
  old: PackedList,
  deltaPayload: Uint8Array,
  currentVersion: number,
): Promise<AppliedDelta> {
  let raw: Uint8Array;
  try {
    raw = inflateSync(deltaPayload);
  } catch (error) {
    throw fail(`not deflate data (${(error as Error).message})`);
  }
  const r = new ByteReader(raw, fail);
  for (const m of DELTA_MAGIC)
    if (r.u8('magic') !== m) throw fail('bad magic (not a Scam Guard delta)');
  const format = r.u8('format');
  if (format !== DELTA_FORMAT) throw fail(`unsupported delta format ${format}`);
  const fromVersion = r.u32('from version');
  const version = r.u32('to version');
  const createdAt = r.f64('created-at');
  if (fromVersion !== currentVersion) {
    throw new DeltaError(
      `Delta goes from version ${fromVersion}, but the installed list is version ${currentVersion}`,
    );
  }
  if (version <= fromVersion)
    throw fail(`to-version ${version} is not after from-version ${fromVersion}`);
  const checksum = bytesToHex(r.take(32, 'checksum'));
  const expectedCount = r.u32('entry count');
  const metadata = parseMetadataJson(r.string('metadata'), fail);
  // Kept as written: the result must encode exactly as the publisher's snapshot does.
  const categories = readTable(r, 'category');
  if (categories.length > 16) throw fail(`${categories.length} categories (at most 16 fit)`);
  const sources = readTable(r, 'source');

  const removals = readRice(r, old.offsets.length - 1, fail);
  const additionCount = r.varint('addition count');
  if (additionCount > r.remaining)
    throw fail(`${additionCount} additions cannot fit in ${r.remaining} bytes`);
  const additions: Addition[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < additionCount; i++) {
    const shared = r.varint('shared prefix');
    if (shared > previous.length)
      throw fail(`addition ${i} shares ${shared} bytes with a ${previous.length}-byte predecessor`);
    const suffix = r.take(r.varint('suffix length'), 'suffix');
    const bytes = new Uint8Array(shared + suffix.length);
    bytes.set(previous.subarray(0, shared));
    bytes.set(suffix, shared);
    const expression = decodeUtf8(bytes, fail, 'addition');
    const meta = r.varint('addition meta');
    if (((meta >>> 1) & 15) >= categories.length || Math.floor(meta / 32) >= sources.length)
      throw fail(`addition ${i} refers to a missing category or source (${meta})`);
    additions.push({ expression, meta, bytes });
    previous = bytes;
  }
  if (r.remaining !== 0) throw fail(`${r.remaining} stray bytes at the end`);

  // Room is left for the metadata the caller re-encodes the result with: this delta's.
  const metadataBytes = utf8(JSON.stringify(metadata)).length;
  const list = mergeDelta(
    old,
    removals,
    sortEntries(additions),
    categories,
    sources,
    metadataBytes,
    fail,
  );
  if (list.offsets.length - 1 !== expectedCount)
    throw fail(
      `result has ${list.offsets.length - 1} entries, the delta declares ${expectedCount}`,
    );
  const actual = await listChecksum(list);
  if (actual !== checksum) {
    throw new DeltaError(
      `Checksum mismatch after applying delta ${fromVersion}→${version}: got ${actual}, expected ${checksum}`,
    );
  }
  return { fromVersion, version, createdAt, checksum, metadata, list };
}

function readTable(r: ByteReader, what: string): string[] {
  const count = r.varint(`${what} count`);
  if (count > r.remaining)
    throw fail(`${what} table claims ${count} names in ${r.remaining} bytes`);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(r.string(`${what} name`));
  return out;
}

import { inflateSync } from 'fflate';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ByteReader, decodeUtf8 } from './byte-reader';
import { DeltaError, ListFormatError } from './errors';
import { DELTA_FORMAT, DELTA_MAGIC } from './encode-delta';
import { encodePacked, sealSnapshot } from './encode-list';
import { parseMetadataJson, readHeader } from './format';
import { sortEntries } from './list-entry';
import { mergePacked, type Addition } from './merge-packed';
import { mergeSnapshot } from './merge-snapshot';
import { readPacked } from './read-packed';
import { readRice } from './rice';

/** A delta's contents, parsed and checked on their own (not yet against a list). */
export interface ParsedDelta {
  fromVersion: number;
  version: number;
  createdAt: number;
  checksum: string;
  entryCount: number;
  metadata: Record<string, unknown>;
  categories: string[];
  sources: string[];
  /** Indexes into the old list's canonical order, increasing. */
  removals: number[];
  /** In canonical order. */
  additions: Addition[];
}

export interface AppliedDelta {
  fromVersion: number;
  version: number;
  createdAt: number;
  checksum: string;
  /** The new list's snapshot, byte for byte the publisher's. */
  snapshot: Uint8Array;
}

const fail = (message: string) => new DeltaError(`Invalid delta: ${message}`);

/**
 * Inflates and parses a verified delta payload; DeltaError when it is not a well-formed
 * Scam Guard delta. A chain of deltas is parsed whole before any is applied, so that a bad
 * one costs no merge.
 */
export function parseDelta(deltaPayload: Uint8Array): ParsedDelta {
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
  if (version <= fromVersion)
    throw fail(`to-version ${version} is not after from-version ${fromVersion}`);
  const checksum = bytesToHex(r.take(32, 'checksum'));
  const entryCount = r.u32('entry count');
  const metadata = parseMetadataJson(r.string('metadata'), fail);
  // The new list's tables, as its snapshot writes them.
  const categories = readTable(r, 'category');
  if (categories.length > 16) throw fail(`${categories.length} categories (at most 16 fit)`);
  const sources = readTable(r, 'source');

  // Checked against the old list's length when applied.
  const removals = readRice(r, 2 ** 32, fail);
  const additionCount = r.varint('addition count');
  if (additionCount > r.remaining)
    throw fail(`${additionCount} additions cannot fit in ${r.remaining} bytes`);
  // Front-coded: each addition shares a prefix with the one before. All of them are
  // rebuilt into one buffer, viewed per addition.
  const additions: Addition[] = [];
  let all = new Uint8Array(r.remaining * 2);
  let used = 0;
  let previous = 0; // where the previous addition starts in `all`
  for (let i = 0; i < additionCount; i++) {
    const shared = r.varint('shared prefix');
    if (shared > used - previous)
      throw fail(`addition ${i} shares ${shared} bytes with a ${used - previous}-byte predecessor`);
    const suffix = r.take(r.varint('suffix length'), 'suffix');
    if (used + shared + suffix.length > all.length) {
      const grown = new Uint8Array(Math.max(all.length * 2, used + shared + suffix.length));
      grown.set(all.subarray(0, used));
      all = grown;
    }
    all.copyWithin(used, previous, previous + shared);
    all.set(suffix, used + shared);
    const bytes = all.subarray(used, used + shared + suffix.length);
    const expression = decodeUtf8(bytes, fail, 'addition');
    const meta = r.varint('addition meta');
    if (((meta >>> 1) & 15) >= categories.length || Math.floor(meta / 32) >= sources.length)
      throw fail(`addition ${i} refers to a missing category or source (${meta})`);
    additions.push({ expression, meta, bytes });
    previous = used;
    used += bytes.length;
  }
  if (r.remaining !== 0) throw fail(`${r.remaining} stray bytes at the end`);
  return {
    fromVersion,
    version,
    createdAt,
    checksum,
    entryCount,
    metadata,
    categories,
    sources,
    removals,
    additions: sortEntries(additions),
  };
}

/**
 * Applies a verified delta (its payload, or parseDelta's result) to the snapshot of the
 * list at `currentVersion` and returns the new snapshot. Rejects (DeltaError) a delta for
 * another version, a corrupt one, a stored snapshot it cannot be applied to, or one whose
 * result's checksum differs from the one it declares — the caller then falls back to a full
 * snapshot.
 */
export async function applyDelta(
  old: Uint8Array,
  delta: Uint8Array | ParsedDelta,
  currentVersion: number,
): Promise<AppliedDelta> {
  const d = delta instanceof Uint8Array ? parseDelta(delta) : delta;
  const { fromVersion, version, checksum } = d;
  if (fromVersion !== currentVersion) {
    throw new DeltaError(
      `Delta goes from version ${fromVersion}, but the installed list is version ${currentVersion}`,
    );
  }
  let snapshot: Uint8Array;
  let actual: string;
  try {
    const header = readHeader(old);
    const last = d.removals[d.removals.length - 1];
    if (last !== undefined && last >= header.entryCount)
      throw fail(`removal index ${last} beyond the ${header.entryCount} entries`);
    if (header.entryCount - d.removals.length + d.additions.length !== d.entryCount)
      throw fail(`the result would not have the ${d.entryCount} entries the delta declares`);
    const merged = mergeSnapshot(old, header, d, fail);
    if (merged) {
      snapshot = merged;
      actual = await sealSnapshot(merged);
    } else {
      const list = mergePacked(
        readPacked(old),
        d.removals,
        d.additions,
        d.categories,
        d.sources,
        fail,
      );
      snapshot = await encodePacked(list, {
        version,
        createdAt: d.createdAt,
        metadata: d.metadata,
      });
      actual = readHeader(snapshot).checksum;
    }
  } catch (error) {
    // A stored list this cannot read is one a full snapshot replaces.
    if (error instanceof ListFormatError) throw new DeltaError(error.message);
    throw error;
  }
  if (actual !== checksum) {
    throw new DeltaError(
      `Checksum mismatch after applying delta ${fromVersion}→${version}: got ${actual}, expected ${checksum}`,
    );
  }
  return { fromVersion, version, createdAt: d.createdAt, checksum, snapshot };
}

function readTable(r: ByteReader, what: string): string[] {
  const count = r.varint(`${what} count`);
  if (count > r.remaining)
    throw fail(`${what} table claims ${count} names in ${r.remaining} bytes`);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(r.string(`${what} name`));
  return out;
}

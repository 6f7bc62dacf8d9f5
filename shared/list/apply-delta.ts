import { inflateSync } from 'fflate';
import { bytesToHex } from '@noble/hashes/utils.js';
import { isCategory, type Category } from '../categories';
import { ByteReader, decodeUtf8 } from './byte-reader';
import { DeltaError } from './errors';
import { DELTA_FORMAT, DELTA_MAGIC } from './encode-delta';
import { compareStrings, listChecksum, orderKey, sortEntries, type ListEntry } from './list-entry';
import { decodeMeta } from './page';
import { readRice } from './rice';

export interface AppliedDelta {
  fromVersion: number;
  version: number;
  createdAt: number;
  checksum: string;
  metadata: Record<string, unknown>;
  /** The new list, in canonical order (encodeList(entries, { sorted: true }) takes it as is). */
  entries: ListEntry[];
}

const fail = (message: string) => new DeltaError(`Invalid delta: ${message}`);

/**
 * Applies a verified, deflated delta to the list at `currentVersion`. Throws DeltaError if
 * the delta is for another version, is corrupt, or yields a list whose SHA-256 differs
 * from the one it declares — the caller then falls back to a full snapshot.
 */
export function applyDelta(
  oldEntries: readonly ListEntry[],
  deltaPayload: Uint8Array,
  currentVersion: number,
): AppliedDelta {
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
  const metadata = parseMetadata(r);
  const categories = readTable(r, 'category').map((c): Category => (isCategory(c) ? c : 'scam'));
  const sources = readTable(r, 'source');

  const removals = readRice(r, oldEntries.length, fail);
  const additionCount = r.varint('addition count');
  if (additionCount > r.remaining)
    throw fail(`${additionCount} additions cannot fit in ${r.remaining} bytes`);
  const additions: ListEntry[] = [];
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
    additions.push({
      expression,
      ...decodeMeta(r.varint('addition meta'), categories, sources, fail),
    });
    previous = bytes;
  }
  if (r.remaining !== 0) throw fail(`${r.remaining} stray bytes at the end`);

  const entries = merge(oldEntries, removals, sortEntries(additions));
  if (entries.length !== expectedCount)
    throw fail(`result has ${entries.length} entries, the delta declares ${expectedCount}`);
  const actual = listChecksum(entries);
  if (actual !== checksum) {
    throw new DeltaError(
      `Checksum mismatch after applying delta ${fromVersion}→${version}: got ${actual}, expected ${checksum}`,
    );
  }
  return { fromVersion, version, createdAt, checksum, metadata, entries };
}

/** Drops removed indexes and merges in the (canonically sorted) additions. */
function merge(old: readonly ListEntry[], removals: number[], additions: ListEntry[]): ListEntry[] {
  const out: ListEntry[] = [];
  let removal = 0;
  let a = 0;
  let addKey = additions.length > 0 ? orderKey(additions[0]!.expression) : 0;
  for (let i = 0; i < old.length; i++) {
    if (removals[removal] === i) {
      removal++;
      continue;
    }
    const entry = old[i]!;
    const key = orderKey(entry.expression);
    while (a < additions.length) {
      const add = additions[a]!;
      const order =
        addKey !== key ? addKey - key : compareStrings(add.expression, entry.expression);
      if (order === 0) throw fail(`addition ${add.expression} is already in the list`);
      if (order > 0) break;
      out.push(add);
      if (++a < additions.length) addKey = orderKey(additions[a]!.expression);
    }
    out.push(entry);
  }
  while (a < additions.length) out.push(additions[a++]!);
  for (let i = 1; i < additions.length; i++) {
    if (additions[i]!.expression === additions[i - 1]!.expression)
      throw fail(`addition ${additions[i]!.expression} is repeated`);
  }
  return out;
}

function parseMetadata(r: ByteReader): Record<string, unknown> {
  const text = r.string('metadata');
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

function readTable(r: ByteReader, what: string): string[] {
  const count = r.varint(`${what} count`);
  if (count > r.remaining)
    throw fail(`${what} table claims ${count} names in ${r.remaining} bytes`);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(r.string(`${what} name`));
  return out;
}

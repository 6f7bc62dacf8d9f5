import { deflateSync } from 'fflate';
import { hexToBytes } from '@noble/hashes/utils.js';
import { ByteWriter, utf8 } from './byte-writer';
import { encodeList } from './encode-list';
import { CATEGORY_TABLE, readHeader } from './format';
import { compareStrings, orderKey, type ListEntry } from './list-entry';
import { writeRice } from './rice';

/**
 * Delta layout before deflate (fflate, level 9):
 *   "SGDELTA" · u8 format · u32 from · u32 to · f64 created-at · 32-byte checksum of
 *   the resulting snapshot · u32 resulting entry count · varint-prefixed metadata JSON ·
 *   the resulting snapshot's category and source tables ·
 *   removals: Rice-coded gaps of indexes into the old list's canonical order ·
 *   additions: varint count, then sorted by expression, each as varint shared-prefix bytes
 *   · varint suffix bytes · suffix · varint (source << 5 | category << 1 | allow).
 * An entry whose category, source or action changed is removed and added again.
 */
export const DELTA_MAGIC = [0x53, 0x47, 0x44, 0x45, 0x4c, 0x54, 0x41]; // "SGDELTA"
// Format 3: the checksum is listChecksum's, as snapshot format 3 defines it.
// Format 4: the checksum is the whole snapshot's (format 4), and the source table is the
// resulting list's, so a client knows the new tables without counting its entries.
export const DELTA_FORMAT = 4;

export interface DeltaInfo {
  fromVersion: number;
  toVersion: number;
  createdAt: number;
  metadata?: Record<string, unknown>;
  /** The checksum of the new list's snapshot, when the caller has encoded it already. */
  checksum?: string;
}

export interface DeltaStats {
  removed: number;
  added: number;
}

/** Both lists must be in canonical order (as readEntries and applyDelta return them). */
export async function encodeDelta(
  oldEntries: readonly ListEntry[],
  newEntries: readonly ListEntry[],
  info: DeltaInfo,
): Promise<{ bytes: Uint8Array } & DeltaStats> {
  const removals: number[] = [];
  const additions: ListEntry[] = [];
  let i = 0;
  let j = 0;
  let oldKey = i < oldEntries.length ? orderKey(oldEntries[i]!.expression) : 0;
  let newKey = j < newEntries.length ? orderKey(newEntries[j]!.expression) : 0;
  while (i < oldEntries.length || j < newEntries.length) {
    const a = oldEntries[i];
    const b = newEntries[j];
    const order = !a
      ? 1
      : !b
        ? -1
        : oldKey !== newKey
          ? oldKey - newKey
          : compareStrings(a.expression, b.expression);
    if (order === 0 && sameMeta(a!, b!)) {
      i++;
      j++;
    } else if (order < 0) {
      removals.push(i++);
    } else if (order > 0) {
      additions.push(b!);
      j++;
    } else {
      removals.push(i++);
      additions.push(b!);
      j++;
    }
    if (order <= 0 && i < oldEntries.length) oldKey = orderKey(oldEntries[i]!.expression);
    if (order >= 0 && j < newEntries.length) newKey = orderKey(newEntries[j]!.expression);
  }

  const out = new ByteWriter(1024 + additions.length * 16);
  for (const m of DELTA_MAGIC) out.u8(m);
  out.u8(DELTA_FORMAT);
  out.u32(info.fromVersion);
  out.u32(info.toVersion);
  out.f64(info.createdAt);
  const checksum =
    info.checksum ??
    readHeader(
      await encodeList(newEntries, {
        version: info.toVersion,
        createdAt: info.createdAt,
        ...(info.metadata ? { metadata: info.metadata } : {}),
        sorted: true,
      }),
    ).checksum;
  out.bytes(hexToBytes(checksum));
  out.u32(newEntries.length);
  out.string(info.metadata ? JSON.stringify(info.metadata) : '');
  out.varint(CATEGORY_TABLE.length);
  for (const c of CATEGORY_TABLE) out.string(c);
  const sources = [...new Set(newEntries.map((e) => e.source))].sort();
  out.varint(sources.length);
  for (const s of sources) out.string(s);
  writeRice(out, removals);

  // Alphabetical order here (not canonical) so that neighbours share prefixes.
  additions.sort((x, y) => compareStrings(x.expression, y.expression));
  out.varint(additions.length);
  let previous: Uint8Array = new Uint8Array(0);
  for (const e of additions) {
    const bytes = utf8(e.expression);
    let shared = 0;
    while (shared < bytes.length && shared < previous.length && bytes[shared] === previous[shared])
      shared++;
    out.varint(shared);
    out.varint(bytes.length - shared);
    out.bytes(bytes.subarray(shared));
    const meta =
      sources.indexOf(e.source) * 32 +
      CATEGORY_TABLE.indexOf(e.category) * 2 +
      (e.action === 'allow' ? 1 : 0);
    out.varint(meta);
    previous = bytes;
  }
  return {
    bytes: deflateSync(out.finish(), { level: 9 }),
    removed: removals.length,
    added: additions.length,
  };
}

function sameMeta(a: ListEntry, b: ListEntry): boolean {
  return a.category === b.category && a.source === b.source && a.action === b.action;
}

import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { blockChecksum, CHECKSUM_BLOCK_BYTES, listChecksum } from './list-checksum';
import { packEntries } from './packed-list';
import { sortEntries } from './list-entry';
import { entry, syntheticEntries } from './test-entries';

/** The definition, spelt out: SHA-256 over the SHA-256 of each block of the joined parts. */
function reference(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  const digests: number[] = [];
  for (let i = 0; i < joined.length; i += CHECKSUM_BLOCK_BYTES)
    digests.push(...sha256(joined.subarray(i, i + CHECKSUM_BLOCK_BYTES)));
  return sha256(new Uint8Array(digests));
}

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);

describe('listChecksum', () => {
  const B = CHECKSUM_BLOCK_BYTES;
  it.each([
    ['nothing', []],
    ['empty parts', [bytes(0, 1), bytes(0, 2)]],
    ['one short part', [bytes(100, 1)]],
    ['exactly one block', [bytes(B, 1)]],
    ['a block across all three parts', [bytes(10, 1), bytes(20, 2), bytes(B * 2 + 5, 3)]],
    ['parts ending on block edges', [bytes(B - 7, 1), bytes(7, 2), bytes(B, 3)]],
    ['a part spanning several blocks', [bytes(3, 1), bytes(B * 3 + 1, 2), bytes(0, 3)]],
  ])('hashes %s exactly as defined', async (_, parts) => {
    expect(await blockChecksum(parts)).toEqual(reference(parts));
  });

  it('depends on every entry and on nothing else', async () => {
    const entries = sortEntries(syntheticEntries(500));
    const base = await listChecksum(packEntries(entries));
    expect(await listChecksum(packEntries(sortEntries(syntheticEntries(500))))).toBe(base);
    const changed = entries.map((e, i) =>
      i === 250 ? { ...e, category: 'gambling' as const } : e,
    );
    expect(await listChecksum(packEntries(changed))).not.toBe(base);
    const more = sortEntries([...entries, entry('one-more.example/')]);
    expect(await listChecksum(packEntries(more))).not.toBe(base);
  });
});

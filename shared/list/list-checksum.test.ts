import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { encodeList } from './encode-list';
import { readHeader } from './format';
import { blockChecksum, CHECKSUM_BLOCK_BYTES, snapshotChecksum } from './list-checksum';
import { entry, syntheticEntries } from './test-entries';

/** The definition, spelt out: SHA-256 over the SHA-256 of each block. */
function reference(bytes: Uint8Array): Uint8Array {
  const digests: number[] = [];
  for (let i = 0; i < bytes.length; i += CHECKSUM_BLOCK_BYTES)
    digests.push(...sha256(bytes.subarray(i, i + CHECKSUM_BLOCK_BYTES)));
  return sha256(new Uint8Array(digests));
}

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);

describe('blockChecksum', () => {
  const B = CHECKSUM_BLOCK_BYTES;
  it.each([
    ['nothing', 0],
    ['a short input', 100],
    ['exactly one block', B],
    ['one byte past a block', B + 1],
    ['several blocks and a piece', B * 3 + 7],
  ])('hashes %s exactly as defined', async (_, length) => {
    const input = bytes(length, 3);
    expect(await blockChecksum(input)).toEqual(reference(input));
  });
});

describe('snapshotChecksum', () => {
  const entries = syntheticEntries(500);
  const options = { version: 3, createdAt: 10, metadata: { protectedNames: ['a'] } };

  it('depends on every entry and the metadata, not on the version or date', async () => {
    const base = await snapshotChecksum(await encodeList(entries, options));
    const again = await encodeList([...entries].reverse(), {
      ...options,
      version: 9,
      createdAt: 1,
    });
    expect(await snapshotChecksum(again)).toBe(base);
    const changed = entries.map((e, i) =>
      i === 250 ? { ...e, category: 'gambling' as const } : e,
    );
    expect(await snapshotChecksum(await encodeList(changed, options))).not.toBe(base);
    const more = [...entries, entry('one-more.example/')];
    expect(await snapshotChecksum(await encodeList(more, options))).not.toBe(base);
    const otherMetadata = { ...options, metadata: { protectedNames: ['b'] } };
    expect(await snapshotChecksum(await encodeList(entries, otherMetadata))).not.toBe(base);
  });

  it('is the checksum the encoder writes into the header', async () => {
    const snapshot = await encodeList(entries, options);
    expect(readHeader(snapshot).checksum).toBe(await snapshotChecksum(snapshot));
  });
});

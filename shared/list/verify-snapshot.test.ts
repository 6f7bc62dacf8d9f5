import { describe, expect, it } from 'vitest';
import { encodeList, sealSnapshot } from './encode-list';
import { ListFormatError } from './errors';
import { readHeader } from './format';
import { syntheticEntries } from './test-entries';
import { verifySnapshot } from './verify-snapshot';

const snapshot = await encodeList(syntheticEntries(3000), { version: 1, createdAt: 0 });
const sections = readHeader(snapshot).sections;

/** A copy with one byte of a section flipped, re-sealed so that only the content is wrong. */
async function flipped(section: number, at: number): Promise<Uint8Array> {
  const copy = snapshot.slice();
  copy[sections[section]!.offset + at]! ^= 0x10;
  await sealSnapshot(copy);
  return copy;
}

describe('verifySnapshot', () => {
  it('accepts a snapshot as the encoder writes it', async () => {
    await expect(verifySnapshot(snapshot)).resolves.toBeUndefined();
  });

  it.each([
    ['a fingerprint', 3, sections[3]!.length - 3, /filter does not match/],
    ['a page start', 4, 40, /Invalid list file/],
  ])('refuses a consistent-looking snapshot with %s changed', async (_, section, at, message) => {
    await expect(verifySnapshot(await flipped(section, at))).rejects.toThrow(message);
  });

  it('refuses content that does not match the checksum in its header', async () => {
    const copy = snapshot.slice();
    copy[sections[2]!.offset - 1]! ^= 1; // in the source table
    await expect(verifySnapshot(copy)).rejects.toThrow(ListFormatError);
  });
});

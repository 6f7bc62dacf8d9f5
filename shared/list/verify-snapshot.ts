import { writePageTable } from './encode-list';
import { ListFormatError } from './errors';
import { FingerprintIndex } from './fingerprint-index';
import { readHeader } from './format';
import { snapshotChecksum } from './list-checksum';
import { readPacked } from './read-packed';

/**
 * Checks a whole snapshot, as list sync does before installing a downloaded one: its
 * entries canonical (readPacked), its filter and page table exactly those its entries
 * give, and its checksum right. A snapshot that passes is the one a delta to it was
 * computed against, byte for byte. Throws ListFormatError.
 */
export async function verifySnapshot(bytes: Uint8Array): Promise<void> {
  const header = readHeader(bytes);
  const list = readPacked(bytes);
  const [, , , filter, table] = header.sections;
  const expectedFilter = new Uint8Array(filter!.length);
  FingerprintIndex.write(list.keysHi, list.keysLo, header, expectedFilter.buffer, 0);
  const expectedTable = new Uint8Array(table!.length);
  writePageTable(list, header.pageBits, expectedTable.buffer, 0);
  if (!sameBytes(bytes, filter!.offset, expectedFilter))
    throw new ListFormatError('Invalid list file: the filter does not match the entries');
  if (!sameBytes(bytes, table!.offset, expectedTable))
    throw new ListFormatError('Invalid list file: the page table does not match the entries');
  if ((await snapshotChecksum(bytes)) !== header.checksum)
    throw new ListFormatError('Invalid list file: content does not match its checksum');
}

function sameBytes(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

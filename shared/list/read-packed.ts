import { ByteReader, decodeUtf8 } from './byte-reader';
import { ListFormatError } from './errors';
import { readHeader, readStringTable } from './format';
import { hash64Into, hashAsciiInto, hashOut } from './hash64';
import { compareStrings, ORDER_SEED } from './list-entry';
import { expressionAt, type PackedList } from './packed-list';

const fail = (message: string) => new ListFormatError(`Invalid list file: ${message}`);

/**
 * Reads a snapshot's entries in packed form (a view into `bytes`, no copy) and checks that
 * they really are canonical — sorted, unique, each on its own page, every index inside its
 * table — since delta removal indexes are only meaningful against that order. Entries are
 * hashed from their bytes; only the rare non-ASCII one or order-key tie becomes a string.
 */
export function readPacked(bytes: Uint8Array): PackedList {
  const header = readHeader(bytes);
  const [categorySection, , , , table, pages] = header.sections;
  const categories = readStringTable(bytes, categorySection!, 'category');
  const sources = header.sources;
  const entries = bytes.subarray(pages!.offset, pages!.offset + pages!.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = header.entryCount;
  const pageBits = header.pageBits;
  const pageCount = 2 ** pageBits;
  const offsets = new Uint32Array(n + 1);
  const keysHi = new Uint32Array(n);
  const keysLo = new Uint32Array(n);
  const sourceCounts = new Uint32Array(sources.length);
  const r = new ByteReader(entries, fail);
  let count = 0;
  let allowCount = 0;
  let previousKey = -1;
  for (let p = 0; p < pageCount; p++) {
    const start = view.getUint32(table!.offset + p * 4, true);
    const end = view.getUint32(table!.offset + p * 4 + 4, true);
    if (start !== r.offset || end < start || end > entries.length)
      throw fail(`page ${p} spans ${start}..${end} of ${entries.length} bytes`);
    while (r.offset < end) {
      if (count === n) throw fail(`pages hold more than the ${n} entries the header declares`);
      offsets[count] = r.offset;
      const length = r.varint('entry length');
      r.need(length, 'entry');
      if (!hashAsciiInto(entries, r.offset, length, ORDER_SEED))
        hash64Into(
          decodeUtf8(entries.subarray(r.offset, r.offset + length), fail, 'entry'),
          ORDER_SEED,
        );
      const key = hashOut.hi;
      keysHi[count] = key;
      keysLo[count] = hashOut.lo;
      // Equal order keys (~1 pair in 8000 at 1M entries) are ordered by expression: checked
      // after this loop, so that this hot loop has no rare branch to deoptimise on.
      if ((pageBits === 0 ? 0 : key >>> (32 - pageBits)) !== p || key < previousKey)
        throw fail(`entry ${count} is out of canonical order`);
      previousKey = key;
      r.offset += length;
      const meta = r.varint('entry meta');
      const source = Math.floor(meta / 32);
      if (((meta >>> 1) & 15) >= categories.length || source >= sources.length)
        throw fail(`entry ${count} refers to a missing category or source (${meta})`);
      sourceCounts[source]!++;
      allowCount += meta & 1;
      count++;
    }
    if (r.offset !== end) throw fail(`entry runs past the end of page ${p}`);
  }
  if (count !== n || allowCount !== header.allowCount) {
    throw fail(
      `header says ${n} entries (${header.allowCount} allow), pages hold ${count} (${allowCount})`,
    );
  }
  if (r.offset !== entries.length)
    throw fail(`page table ends at ${r.offset}, pages hold ${entries.length} bytes`);
  offsets[n] = entries.length;
  const list: PackedList = {
    categories,
    sources,
    entries,
    offsets,
    keysHi,
    keysLo,
    allowCount,
    sourceCounts,
  };
  checkTies(list);
  return list;
}

/** Entries with equal order keys must be in expression order (see compareStrings). */
function checkTies(list: PackedList): void {
  const { keysHi } = list;
  for (let i = 1; i < keysHi.length; i++) {
    if (keysHi[i] !== keysHi[i - 1]) continue;
    const previous = expressionAt(list, i - 1);
    const expression = expressionAt(list, i);
    if (compareStrings(previous, expression) >= 0)
      throw fail(`entry ${i} (${expression}) is out of canonical order`);
  }
}

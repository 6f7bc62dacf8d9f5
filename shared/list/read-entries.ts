import { ListFormatError } from './errors';
import { readHeader } from './format';
import { orderKey } from './list-entry';
import type { ListEntry } from './list-entry';
import { decodePage } from './page';

/**
 * Decodes every entry of a snapshot, in canonical order (for deltas and tooling). Checks
 * that the entries really are canonical — sorted, unique, each on its own page — since
 * delta removal indexes are only meaningful against that order.
 */
export function readEntries(bytes: Uint8Array): ListEntry[] {
  const header = readHeader(bytes);
  const pages = header.sections[5]!;
  const table = header.sections[4]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pageCount = 2 ** header.pageBits;
  const out: ListEntry[] = [];
  let previousKey = -1;
  let previous = '';
  let allowCount = 0;
  for (let p = 0; p < pageCount; p++) {
    const start = view.getUint32(table.offset + p * 4, true);
    const end = view.getUint32(table.offset + p * 4 + 4, true);
    if ((p === 0 && start !== 0) || end < start || end > pages.length) {
      throw new ListFormatError(
        `Invalid list file: page ${p} spans ${start}..${end} of ${pages.length} bytes`,
      );
    }
    const first = out.length;
    decodePage(
      bytes.subarray(pages.offset + start, pages.offset + end),
      header.categories,
      header.sources,
      out,
    );
    for (let i = first; i < out.length; i++) {
      const e = out[i]!;
      const key = orderKey(e.expression);
      const page = header.pageBits === 0 ? 0 : key >>> (32 - header.pageBits);
      if (page !== p || key < previousKey || (key === previousKey && e.expression <= previous)) {
        throw new ListFormatError(
          `Invalid list file: entry ${i} (${e.expression}) is out of canonical order`,
        );
      }
      previousKey = key;
      previous = e.expression;
      if (e.action === 'allow') allowCount++;
    }
    if (out.length > header.entryCount) break;
  }
  if (out.length !== header.entryCount || allowCount !== header.allowCount) {
    throw new ListFormatError(
      `Invalid list file: header says ${header.entryCount} entries (${header.allowCount} allow), pages hold ${out.length} (${allowCount})`,
    );
  }
  const last = view.getUint32(table.offset + pageCount * 4, true);
  if (last !== pages.length)
    throw new ListFormatError(
      `Invalid list file: page table ends at ${last}, pages hold ${pages.length} bytes`,
    );
  return out;
}

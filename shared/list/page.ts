import type { Category } from '../categories';
import { ByteReader } from './byte-reader';
import { ListFormatError } from './errors';

const fail = (message: string) => new ListFormatError(`Invalid list page: ${message}`);

export interface EntryMeta {
  category: Category;
  source: string;
  action: 'block' | 'allow';
}

/** Unpacks `source << 5 | category << 1 | allow`, rejecting indexes outside the tables. */
export function decodeMeta(
  meta: number,
  categories: readonly Category[],
  sources: readonly string[],
  failWith: (message: string) => Error = fail,
): EntryMeta {
  const category = categories[(meta >>> 1) & 15];
  const source = sources[Math.floor(meta / 32)];
  if (category === undefined || source === undefined)
    throw failWith(`entry refers to a missing category or source (${meta})`);
  return { category, source, action: meta & 1 ? 'allow' : 'block' };
}

/** Scans one page for `expression`; returns its packed meta or -1. */
export function findInPage(page: Uint8Array, expression: string): number {
  const r = new ByteReader(page, fail);
  const ascii = isAscii(expression);
  const target = ascii ? null : new TextEncoder().encode(expression);
  while (r.remaining > 0) {
    const length = r.varint('entry length');
    r.need(length, 'entry');
    const start = r.offset;
    r.offset += length;
    const meta = r.varint('entry meta');
    if (
      target ? sameBytes(page, start, length, target) : sameAscii(page, start, length, expression)
    )
      return meta;
  }
  return -1;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function sameAscii(page: Uint8Array, start: number, length: number, text: string): boolean {
  if (length !== text.length) return false;
  for (let i = 0; i < length; i++) if (page[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function sameBytes(page: Uint8Array, start: number, length: number, target: Uint8Array): boolean {
  if (length !== target.length) return false;
  for (let i = 0; i < length; i++) if (page[start + i] !== target[i]) return false;
  return true;
}

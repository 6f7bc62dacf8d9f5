import { decodeUtf8 } from './byte-reader';
import { hash64Into, hashAsciiInto, hashOut } from './hash64';
import { compareStrings, ORDER_SEED } from './list-entry';

/**
 * Finds entries of a stored pages section by index: from the start of the entry's page
 * (page table and page starts), skipping the entries before it — ~32 on average.
 */
export class EntryWalker {
  constructor(
    private readonly entries: Uint8Array,
    private readonly starts: Uint32Array,
    private readonly pageTable: Uint32Array,
    private readonly fail: (message: string) => Error,
  ) {}

  /** The page holding entry `index`: the last page starting at or before it. */
  pageOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Byte offset of entry `index`, which is in page `page` or starts the page after it. */
  offsetOf(index: number, page: number): number {
    let byte = this.pageTable[page]!;
    for (let i = this.starts[page]!; i < index; i++) byte = this.next(byte);
    return byte;
  }

  /** Offset of the entry after the one at `byte`. */
  next(byte: number): number {
    const length = this.varint(byte);
    const next = this.skipVarint(this.skipVarint(byte) + length);
    if (next > this.entries.length) throw this.fail('stored entry runs past its page');
    return next;
  }

  metaAt(byte: number): number {
    return this.varint(this.skipVarint(byte) + this.varint(byte));
  }

  /** Canonical order of (key, expression) against the entry at `byte`. */
  compare(byte: number, key: number, expression: string): number {
    const length = this.varint(byte);
    const start = this.skipVarint(byte);
    if (start + length > this.entries.length) throw this.fail('stored entry runs past its page');
    if (!hashAsciiInto(this.entries, start, length, ORDER_SEED))
      hash64Into(this.text(start, length), ORDER_SEED);
    if (key !== hashOut.hi) return key - hashOut.hi;
    return compareStrings(expression, this.text(start, length));
  }

  private text(start: number, length: number): string {
    return decodeUtf8(this.entries.subarray(start, start + length), this.fail, 'stored entry');
  }

  private varint(at: number): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= this.entries.length) throw this.fail('stored entry runs past its page');
      const byte = this.entries[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  private skipVarint(at: number): number {
    while (at < this.entries.length && this.entries[at]! >= 0x80) at++;
    return at + 1;
  }
}

import type { Category } from '../categories';
import { urlExpressions } from '../url';
import { ListFormatError } from './errors';
import { FingerprintIndex, popcount } from './fingerprint-index';
import {
  readHeader,
  readMetadata,
  pageOfKey,
  requireLittleEndian,
  type ListHeader,
} from './format';
import { hash64Into, hashOut } from './hash64';
import { ORDER_SEED } from './list-entry';
import { decodeMeta, findInPage } from './page';

export interface ListMatch {
  action: 'block' | 'allow';
  expression: string;
  category: Category;
  source: string;
  listVersion: number;
}

export type PageReader = (page: number) => Uint8Array | Promise<Uint8Array>;

export interface LoadOptions {
  /**
   * Keep a reference to `bytes` so `matchSync` and `match` without a reader can confirm
   * hits (default true). Pass false to keep only the filter and page table in memory and
   * hand `match` a reader over the stored snapshot (see `pageRange`).
   */
  retainPages?: boolean;
}

const NO_HITS: number[] = Object.freeze([]) as unknown as number[];

/**
 * A loaded snapshot. Only the fingerprint index and the page-offset table are resident;
 * every filter hit is confirmed against the real entry string on its page, so a filter
 * false positive never turns into a warning.
 */
export class BlockList {
  readonly version: number;
  readonly createdAt: number;
  readonly entryCount: number;
  readonly allowCount: number;
  readonly checksum: string;
  readonly metadata: Record<string, unknown>;
  readonly pageCount: number;
  private constructor(
    private readonly header: ListHeader,
    private readonly pageTable: Uint32Array,
    private readonly filter: FingerprintIndex,
    metadata: Record<string, unknown>,
    private readonly bytes: Uint8Array | null,
  ) {
    this.version = header.version;
    this.createdAt = header.createdAt;
    this.entryCount = header.entryCount;
    this.allowCount = header.allowCount;
    this.checksum = header.checksum;
    this.metadata = metadata;
    this.pageCount = 2 ** header.pageBits;
  }

  /** Validates the header and section table and copies the filter and page table. */
  static load(bytes: Uint8Array, options: LoadOptions = {}): BlockList {
    requireLittleEndian();
    const header = readHeader(bytes);
    const [, , meta, filterSection, table, pages] = header.sections;
    const filter = new FingerprintIndex(
      copy(bytes, filterSection!.offset, filterSection!.length),
      0,
      header,
    );
    const pageTable = new Uint32Array(copy(bytes, table!.offset, table!.length));
    checkIndex(filter, header.entryCount);
    if (pageTable[0] !== 0 || pageTable[pageTable.length - 1] !== pages!.length) {
      throw new ListFormatError(
        `Invalid list file: page table does not span the ${pages!.length} bytes of pages`,
      );
    }
    for (let i = 1; i < pageTable.length; i++) {
      if (pageTable[i]! < pageTable[i - 1]!)
        throw new ListFormatError(`Invalid list file: page table goes backwards at page ${i}`);
    }
    return new BlockList(
      header,
      pageTable,
      filter,
      readMetadata(bytes, meta!),
      options.retainPages === false ? null : bytes,
    );
  }

  /** Indexes of the expressions that hit the filter (usually none). */
  candidates(expressions: readonly string[]): number[] {
    let hits: number[] | null = null;
    for (let i = 0; i < expressions.length; i++) {
      hash64Into(expressions[i]!, ORDER_SEED);
      if (this.filter.has(hashOut.hi, hashOut.lo)) (hits ??= []).push(i);
    }
    return hits ?? NO_HITS;
  }

  /** The page that would hold `expression`. */
  pageOf(expression: string): number {
    hash64Into(expression, ORDER_SEED);
    return pageOfKey(hashOut.hi, this.header.pageBits);
  }

  /** Absolute byte range of a page within the snapshot, for readers over stored copies. */
  pageRange(page: number): { start: number; end: number } {
    const base = this.header.sections[5]!.offset;
    return { start: base + this.pageTable[page]!, end: base + this.pageTable[page + 1]! };
  }

  async match(url: string, readPage?: PageReader): Promise<ListMatch | null> {
    const expressions = urlExpressions(url);
    const hits = this.candidates(expressions);
    if (hits.length === 0) return null;
    const read = readPage ?? ((page: number) => this.readPage(page));
    const pages = new Map<number, Uint8Array>();
    for (const i of hits) {
      const page = this.pageOf(expressions[i]!);
      if (!pages.has(page)) pages.set(page, await read(page));
    }
    return this.confirm(expressions, hits, (page) => pages.get(page)!);
  }

  matchSync(url: string): ListMatch | null {
    const expressions = urlExpressions(url);
    const hits = this.candidates(expressions);
    return hits.length === 0
      ? null
      : this.confirm(expressions, hits, (page) => this.readPage(page));
  }

  /** Memory kept when pages are read from elsewhere: filter, page table and metadata. */
  residentBytes(): number {
    return (
      this.filter.starts.buffer.byteLength +
      this.pageTable.byteLength +
      this.header.sections[2]!.length
    );
  }

  private readPage(page: number): Uint8Array {
    if (!this.bytes)
      throw new Error(
        'This list was loaded with retainPages: false; pass a page reader to match()',
      );
    const { start, end } = this.pageRange(page);
    return this.bytes.subarray(start, end);
  }

  /** An allow entry wins over any block; among blocks the first (most specific) expression wins. */
  private confirm(
    expressions: readonly string[],
    hits: number[],
    page: (page: number) => Uint8Array,
  ): ListMatch | null {
    let block: ListMatch | null = null;
    for (const i of hits) {
      const expression = expressions[i]!;
      const meta = findInPage(page(this.pageOf(expression)), expression);
      if (meta < 0) continue;
      const { category, source, action } = decodeMeta(
        meta,
        this.header.categories,
        this.header.sources,
      );
      const match: ListMatch = { action, expression, category, source, listVersion: this.version };
      if (action === 'allow') return match;
      block ??= match;
    }
    return block;
  }
}

function copy(bytes: Uint8Array, offset: number, length: number): ArrayBuffer {
  return bytes.slice(offset, offset + length).buffer;
}

/** Page starts that never go backwards and end at the entry count, and one bit per entry. */
function checkIndex(filter: FingerprintIndex, entryCount: number): void {
  const { starts, words } = filter;
  const fail = (what: string) => new ListFormatError(`Invalid list file: filter ${what}`);
  if (starts[0] !== 0 || starts[starts.length - 1] !== entryCount)
    throw fail(`pages do not span the ${entryCount} entries`);
  for (let i = 1; i < starts.length; i++)
    if (starts[i]! < starts[i - 1]!) throw fail(`goes backwards at page ${i}`);
  let ones = 0;
  for (let i = 0; i < words.length; i++) ones += popcount(words[i]!);
  if (ones !== entryCount) throw fail(`has ${ones} entries, the header says ${entryCount}`);
}

import { describe, expect, it } from 'vitest';
import { BlockList } from './block-list';
import { encodeList } from './encode-list';
import { ListFormatError } from './errors';
import { readEntries } from './read-entries';
import { syntheticEntries } from './test-entries';

const bytes = await encodeList(syntheticEntries(300), {
  version: 3,
  createdAt: 0,
  metadata: { protectedNames: ['x'] },
});
const view = () => new DataView(bytes.buffer.slice(0));
const withU32 = (offset: number, value: number) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
};
const decoders = { load: (b: Uint8Array) => BlockList.load(b), readEntries };

describe.each(Object.entries(decoders))(
  '%s rejects bad input with a clear ListFormatError',
  (_name, decode) => {
    it.each([
      ['an empty buffer', new Uint8Array(0), /truncated/],
      ['a truncated header', bytes.subarray(0, 60), /truncated/],
      ['a truncated body', bytes.subarray(0, bytes.length - 1), /truncated/],
      ['trailing bytes', new Uint8Array([...bytes, 0, 0]), /oversized/],
      ['the wrong magic', new Uint8Array([0x50, ...bytes.subarray(1)]), /magic/],
      [
        'an unknown format version',
        (() => {
          const c = bytes.slice();
          c[6] = 9;
          return c;
        })(),
        /format version/,
      ],
      [
        'an entry count that does not fit the filter',
        withU32(24, 5000),
        /geometry|page bits|cannot fit/,
      ],
      ['an allow count above the entry count', withU32(28, 400), /allow count/],
      ['a section pointing past the end', withU32(80 + 5 * 8 + 4, 1 << 30), /truncated/],
    ])('%s', (_case, input, message) => {
      expect(() => decode(input)).toThrow(ListFormatError);
      expect(() => decode(input)).toThrow(message);
    });
  },
);

describe('readEntries', () => {
  it('rejects a page table that disagrees with the pages', () => {
    const table = view().getUint32(80 + 4 * 8, true);
    const broken = withU32(table + 4, 1);
    expect(() => readEntries(broken)).toThrow(ListFormatError);
    expect(() => BlockList.load(withU32(table, 5))).toThrow(/page table/);
  });

  it('rejects entries that are out of canonical order', () => {
    const pages = view().getUint32(80 + 5 * 8, true);
    const corrupt = bytes.slice();
    corrupt[pages + 1] = 'z'.charCodeAt(0); // first letter of the first expression
    expect(() => readEntries(corrupt)).toThrow(ListFormatError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeBytes, escapeTable, toByteString, unescapeFully } from './percent';

/** The spec's definition taken literally: whole passes until nothing changes. */
function unescapeByPasses(s: string): string {
  for (;;) {
    const next = s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    if (next === s) return s;
    s = next;
  }
}

describe('unescapeFully', () => {
  it.each([
    ['%25%32%35', '%'],
    ['%2525252525252525', '%'],
    ['%%%25%32%35asd%%', '%%%asd%%'],
    ['%%3535', 'S5'],
    ['%zz%2', '%zz%2'],
    ['%e4%BD%a0', '\xe4\xbd\xa0'],
    ['no escapes', 'no escapes'],
  ])('unescapes %j to %j', (s, expected) => {
    expect(unescapeFully(s)).toBe(expected);
  });

  it('reaches the same fixed point as repeated whole passes', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('%', '2', '5', '3', '4', '1', 'a', 'F', 'e', 'z', '/'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(tricky, (s) => {
        expect(unescapeFully(s)).toBe(unescapeByPasses(s));
      }),
    );
  });

  it('peels 30,000 nested levels in one pass', () => {
    expect(unescapeFully('%' + '25'.repeat(30_000))).toBe('%');
  });
});

describe('escapeBytes', () => {
  const table = escapeTable('');

  it('escapes control characters, space, DEL, high bytes, # and % in uppercase hex', () => {
    expect(escapeBytes('\x00 \x1f\x7f\x80\xff#%a/~?', table)).toBe('%00%20%1F%7F%80%FF%23%25a/~?');
  });

  it('returns the same string when nothing needs escaping', () => {
    const s = '/plain/path;x=1';
    expect(escapeBytes(s, table)).toBe(s);
  });
});

describe('toByteString', () => {
  it('encodes non-ASCII text as UTF-8 bytes, lone surrogates as U+FFFD', () => {
    expect(toByteString('é\u{1F600}\ud800')).toBe('\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd');
  });
});

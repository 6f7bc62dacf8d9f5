// Percent-encoding on "byte strings": strings whose char codes are all <= 0xff, one per
// UTF-8 byte. Working on bytes, not UTF-16, is what lets a raw 'é' and an escaped '%C3%A9'
// canonicalize alike, as they do in a browser.

const HEX_DIGITS = '0123456789ABCDEF';
const utf8Encoder = new TextEncoder();
// Decoding UTF-16 code units natively is several times faster than String.fromCharCode
// over long inputs; byte values are never surrogates, so the round trip is exact.
const utf16Decoder = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SHORT = 64;

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** The string of the char codes `units[0..length)`. */
export function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN && length >= SHORT) return utf16Decoder.decode(units.subarray(0, length));
  let out = '';
  for (let i = 0; i < length; i += SHORT) {
    const chunk = units.subarray(i, Math.min(i + SHORT, length));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

/** `s` as UTF-8 bytes (lone surrogates become U+FFFD, as in the WHATWG URL parser). */
export function toByteString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      const bytes = utf8Encoder.encode(s);
      return unitsToString(Uint16Array.from(bytes), bytes.length);
    }
  }
  return s;
}

/**
 * Percent-unescapes the byte string `s` until no escape is left. A stack that re-checks its
 * top after every push reaches the same fixed point as repeating whole passes, in linear
 * time: `%252525…` would otherwise cost one full pass per nesting level.
 */
export function unescapeFully(s: string): string {
  if (s.indexOf('%') < 0) return s;
  const out = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    out[n++] = s.charCodeAt(i);
    while (n >= 3 && out[n - 3] === 0x25) {
      const high = hexValue(out[n - 2]!);
      const low = hexValue(out[n - 1]!);
      if (high < 0 || low < 0) break;
      n -= 2;
      out[n - 1] = (high << 4) | low;
    }
  }
  return unitsToString(out, n);
}

/** A table of the ASCII codes to escape: Safe Browsing's set (<= 0x20, 0x7f, '#', '%') plus `extra`. */
export function escapeTable(extra: string): Uint8Array {
  const table = new Uint8Array(0x80);
  for (let c = 0; c <= 0x20; c++) table[c] = 1;
  for (const c of '#%\x7f' + extra) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Escapes every byte that `table` marks, and every byte >= 0x80, as uppercase `%XX`. */
export function escapeBytes(s: string, table: Uint8Array): string {
  let first = 0;
  while (first < s.length) {
    const c = s.charCodeAt(first);
    if (c >= 0x80 || table[c] === 1) break;
    first++;
  }
  if (first === s.length) return s;

  const out = new Uint16Array(first + (s.length - first) * 3);
  let n = 0;
  for (let i = 0; i < first; i++) out[n++] = s.charCodeAt(i);
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || table[c] === 1) {
      out[n++] = 0x25;
      out[n++] = HEX_DIGITS.charCodeAt(c >> 4);
      out[n++] = HEX_DIGITS.charCodeAt(c & 0xf);
    } else {
      out[n++] = c;
    }
  }
  return unitsToString(out, n);
}

/**
 * RFC 3492 Punycode decoding of one `xn--` label, nothing more.
 *
 * Written here because the only copy installed is `punycode`, an untyped transitive dependency
 * of eslint whose bare name Node's own deprecated `punycode` module shadows; `URL` gives ASCII
 * hostnames in every browser and `url.domainToUnicode` exists only in Node. Decoding needs
 * ~40 lines; encoding, which we never need, is left out. Returns null for invalid input.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const MAX_CODE_POINT = 0x10ffff;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z → 0-25
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  return BASE;
}

/** Decodes the part after `xn--`; null when it is not valid Punycode. */
export function punycodeDecode(input: string): string | null {
  if (input === '') return null;
  const output: number[] = [];
  const basicEnd = Math.max(input.lastIndexOf('-'), 0);
  for (let j = 0; j < basicEnd; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length;) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (i > MAX_CODE_POINT * 64 || w > MAX_CODE_POINT * 64) return null;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    if (n > MAX_CODE_POINT) return null;
    i %= length;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** A host label in Unicode: `xn--` labels decoded, others (and invalid ones) as given. */
export function punycodeToUnicode(label: string): string {
  if (!label.startsWith('xn--')) return label;
  return punycodeDecode(label.slice(4)) ?? label;
}

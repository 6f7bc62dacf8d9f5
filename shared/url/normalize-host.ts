import { parseIpv4 } from './ipv4';
import { escapeBytes, escapeTable, unescapeFully, unitsToString } from './percent';

export interface NormalizedHost {
  host: string;
  /** IP hosts get no suffix expressions: `4.3.2.1` is not a "parent" of `5.4.3.2.1`. */
  isIp: boolean;
}

// Beyond Safe Browsing's own set, escape what would end or split the host when the
// canonical URL is parsed again; these can only come from escapes like `%2F` or `%40`.
const HOST_ESCAPES = escapeTable('/?@:\\[]');
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
// Any resolvable IDN (at most 253 characters once in punycode) fits in this many UTF-8 bytes;
// longer hosts skip IDNA, whose punycode step costs quadratic time in the label length.
const MAX_IDN_BYTES = 1024;

/** ASCII a Unicode host may contain and still go through IDNA unchanged in meaning. */
function isPlainDomainByte(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f
  );
}

/**
 * The punycode form of a host with UTF-8 bytes, as the browser would show it
 * (`аррle.com` → `xn--le-6kc8da.com`), or null when it is not valid UTF-8 or IDNA rejects it.
 * `URL` does the UTS #46 mapping (case, full-width dots, …) exactly as navigation does.
 */
function toAsciiDomain(bytes: string): string | null {
  if (bytes.length > MAX_IDN_BYTES) return null;
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c < 0x80 && !isPlainDomainByte(c)) return null;
    buffer[i] = c;
  }
  try {
    return new URL(`http://${utf8Decoder.decode(buffer)}/`).hostname;
  } catch {
    return null;
  }
}

/** Strips leading and trailing dots, collapses runs of dots and lowercases ASCII. */
function tidyDots(host: string): string {
  let previousDot = true;
  let clean = true;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    const dot = c === 0x2e;
    if ((dot && previousDot) || (c >= 0x41 && c <= 0x5a)) {
      clean = false;
      break;
    }
    previousDot = dot;
  }
  if (clean && !previousDot) return host;

  const out = new Uint16Array(host.length);
  let n = 0;
  let pendingDot = false;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c === 0x2e) {
      pendingDot = n > 0;
      continue;
    }
    if (pendingDot) {
      out[n++] = 0x2e;
      pendingDot = false;
    }
    out[n++] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  }
  return unitsToString(out, n);
}

function hasHighByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return true;
  return false;
}

const IPV4_IN_IPV6 = ['[::ffff:', '[64:ff9b::'];

/** `[::ffff:102:304]` → `1.2.3.4`: the IPv4 address an IPv4-mapped or NAT64 address names. */
function embeddedIpv4(ipv6: string): string | null {
  const prefix = IPV4_IN_IPV6.find((p) => ipv6.startsWith(p));
  if (prefix === undefined) return null;
  const groups = ipv6.slice(prefix.length, -1).split(':');
  if (groups.length !== 2) return null;
  return parseIpv4('0x' + groups.map((g) => g.padStart(4, '0')).join(''));
}

function normalizeIpv6(bracketed: string): NormalizedHost | null {
  for (let i = 1; i < bracketed.length - 1; i++) {
    const c = bracketed.charCodeAt(i);
    const lower = c | 0x20;
    const ok = (c >= 0x30 && c <= 0x3a) || c === 0x2e || (lower >= 0x61 && lower <= 0x66);
    if (!ok) return null;
  }
  let host: string;
  try {
    host = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
  const ipv4 = embeddedIpv4(host);
  return { host: ipv4 ?? host, isIp: true };
}

/**
 * Whether `host` is already canonical: lowercase letters, digits, '-' and single inner dots,
 * with a last label that cannot be read as a number. Most hosts are, and skip every pass below.
 */
function isPlainHost(host: string): boolean {
  let previousDot = true;
  let labelStart = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c === 0x2e) {
      if (previousDot) return false;
      previousDot = true;
      labelStart = i + 1;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d) {
      previousDot = false;
    } else {
      return false;
    }
  }
  const last = host.charCodeAt(labelStart);
  return !previousDot && last >= 0x61 && last <= 0x7a;
}

/**
 * The Safe Browsing canonical form of the host part of a URL (no user info, no port, still
 * escaped): unescaped, IDNA-converted, dots tidied, lowercased, IPv4 spelled as a dotted quad,
 * IPv6 compressed, then re-escaped. Null when nothing is left.
 */
export function normalizeHost(raw: string): NormalizedHost | null {
  if (isPlainHost(raw)) return { host: raw, isIp: false };
  if (raw.charCodeAt(0) === 0x5b) return normalizeIpv6(raw);

  let host = tidyDots(unescapeFully(raw));
  if (hasHighByte(host)) {
    const ascii = toAsciiDomain(host);
    if (ascii !== null) host = tidyDots(ascii);
  }
  if (host === '') return null;
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) return { host: ipv4, isIp: true };
  return { host: escapeBytes(host, HOST_ESCAPES), isIp: false };
}

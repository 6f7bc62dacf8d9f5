// Safe Browsing URL canonicalization:
// https://developers.google.com/safe-browsing/v4/urls-hashing#canonicalization
//
// The URL is split into scheme, host and path before anything is unescaped, as Chrome and
// Firefox do (the spec assumes an already parsed URL): unescaping first would let
// `http://good.example%2F@evil.example/` pass as a page on good.example.

import { normalizeHost } from './normalize-host';
import { normalizePath } from './normalize-path';
import { escapeBytes, escapeTable, toByteString, unescapeFully } from './percent';

export interface CanonicalUrl {
  scheme: 'http' | 'https';
  /** Canonical and escaped, without port or user info. */
  host: string;
  isIp: boolean;
  /** Canonical and escaped, always starting with '/', never containing '?'. */
  path: string;
  /** Escaped, without the '?'; null when the URL has no '?' at all. */
  query: string | null;
}

const PATH_ESCAPES = escapeTable('');

interface Prepared {
  s: string;
  /** No '%' and nothing to escape: unescaping and escaping would both return the input. */
  plain: boolean;
}

/** Trims, drops tab/CR/LF and the fragment, and turns the rest into UTF-8 bytes. */
function prepare(raw: string): Prepared {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  let hasBreaks = false;
  let wide = false;
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && c !== 0x25 && c !== 0x23) continue;
    if (c === 0x23) {
      end = i;
      break;
    }
    plain = false;
    if (c === 0x09 || c === 0x0a || c === 0x0d) hasBreaks = true;
    else if (c > 0x7f) wide = true;
  }
  let s = raw.slice(start, end);
  if (hasBreaks) s = s.replace(/[\t\n\r]/g, '');
  return { s: wide ? toByteString(s) : s, plain };
}

function isSchemeChar(c: number, first: boolean): boolean {
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return true;
  return !first && ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e);
}

/** 'http' or 'https' when `s` starts with one of them, in any case, before `colon`. */
function webScheme(s: string, colon: number): CanonicalUrl['scheme'] | null {
  if (colon !== 4 && colon !== 5) return null;
  const h = s.charCodeAt(0) | 0x20;
  const t1 = s.charCodeAt(1) | 0x20;
  const t2 = s.charCodeAt(2) | 0x20;
  const p = s.charCodeAt(3) | 0x20;
  if (h !== 0x68 || t1 !== 0x74 || t2 !== 0x74 || p !== 0x70) return null;
  if (colon === 4) return 'http';
  return (s.charCodeAt(4) | 0x20) === 0x73 ? 'https' : null;
}

/** Index of the ':' that ends a leading scheme, or -1. */
function schemeEnd(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) return i;
    if (!isSchemeChar(c, i === 0)) return -1;
  }
  return -1;
}

function endsAuthority(c: number): boolean {
  return c === 0x2f || c === 0x5c || c === 0x3f;
}

/**
 * Whether `s` from `colon` reads as `:port` rather than as a scheme's rest, so that the
 * scheme-less `example.com:8080/x` is a host but `mailto:x@y` is not.
 */
function isPortAfter(s: string, colon: number): boolean {
  let i = colon + 1;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  if (i < s.length && !endsAuthority(s.charCodeAt(i))) return false;
  return i > colon + 1 || s.lastIndexOf('.', colon) >= 0;
}

/** Canonical parts of a web URL, or null when `raw` cannot be one. Never throws. */
export function parseCanonical(raw: string): CanonicalUrl | null {
  if (typeof raw !== 'string') return null;
  const { s, plain } = prepare(raw);

  let scheme: CanonicalUrl['scheme'] = 'http';
  let i = 0;
  const colon = schemeEnd(s);
  if (colon > 0) {
    const name = webScheme(s, colon);
    if (name !== null) {
      scheme = name;
      i = colon + 1;
      // Browsers read any run of '/' and '\' after a web scheme as the "//".
      while (i < s.length && (s.charCodeAt(i) === 0x2f || s.charCodeAt(i) === 0x5c)) i++;
    } else if (!isPortAfter(s, colon)) {
      return null;
    }
  }

  let end = i;
  let hostStart = i;
  let port = -1;
  for (; end < s.length; end++) {
    const c = s.charCodeAt(end);
    if (endsAuthority(c)) break;
    if (c === 0x40) {
      hostStart = end + 1; // user info ends at the last '@'
      port = -1;
    } else if (c === 0x3a && port < 0) {
      port = end;
    }
  }
  let hostEnd: number;
  if (s.charCodeAt(hostStart) === 0x5b) {
    const close = s.indexOf(']', hostStart);
    if (close < 0 || close >= end) return null;
    hostEnd = close + 1;
    if (hostEnd < end && s.charCodeAt(hostEnd) !== 0x3a) return null;
  } else {
    hostEnd = port >= 0 ? port : end;
  }
  if (hostEnd === hostStart) return null;
  const host = normalizeHost(s.slice(hostStart, hostEnd));
  if (host === null) return null;

  // The spec unescapes the whole URL before reading the path, so an escaped '?' starts the query.
  const rest = plain ? s.slice(end) : unescapeFully(s.slice(end));
  const question = rest.indexOf('?');
  const path = normalizePath(question < 0 ? rest : rest.slice(0, question));
  const query = question < 0 ? null : rest.slice(question + 1);
  return {
    scheme,
    host: host.host,
    isIp: host.isIp,
    path: plain ? path : escapeBytes(path, PATH_ESCAPES),
    query: plain || query === null ? query : escapeBytes(query, PATH_ESCAPES),
  };
}

/** Safe Browsing canonical form, e.g. 'http://www.GOOgle.com.../' → 'http://www.google.com/'. '' when the input cannot be a web URL. Never throws. */
export function canonicalize(raw: string): string {
  const url = parseCanonical(raw);
  if (url === null) return '';
  const base = `${url.scheme}://${url.host}${url.path}`;
  return url.query === null ? base : `${base}?${url.query}`;
}

/** The canonical host of a URL ('' if none) — handy for callers that need host-level checks. */
export function canonicalHost(raw: string): string {
  return parseCanonical(raw)?.host ?? '';
}

// Safe Browsing suffix/prefix expressions:
// https://developers.google.com/safe-browsing/v4/urls-hashing#suffixprefix-expressions

import { parseCanonical } from './canonicalize';

const MAX_HOST_SUFFIX_LABELS = 5;
const MAX_PATH_PREFIXES = 4;

/**
 * The exact host, then the hosts formed from its last five labels by dropping the leading
 * one each time, never down to the bare TLD: `a.b.c.d.e.f.g` → `c.d.e.f.g` … `f.g`.
 */
function hostVariants(host: string, isIp: boolean): string[] {
  const hosts = [host];
  if (isIp) return hosts;
  // dots[k] is the (k+1)-th dot from the right, so host.slice(dots[k] + 1) has k + 1 labels.
  const dots: number[] = [];
  for (let i = host.length - 1; i >= 0 && dots.length < MAX_HOST_SUFFIX_LABELS; i--) {
    if (host.charCodeAt(i) === 0x2e) dots.push(i);
  }
  for (let k = dots.length - 1; k >= 1; k--) hosts.push(host.slice(dots[k]! + 1));
  return hosts;
}

/**
 * The exact path with and without its query, then `/` and up to three more directory
 * prefixes, without repeats: `/1/2.html?p=1` → `/1/2.html?p=1`, `/1/2.html`, `/`, `/1/`.
 */
function pathVariants(path: string, query: string | null): string[] {
  const paths = query ? [`${path}?${query}`, path] : [path];
  let slash = 0;
  for (let count = 0; count < MAX_PATH_PREFIXES && slash >= 0; count++) {
    const prefix = path.slice(0, slash + 1);
    if (prefix !== path) paths.push(prefix);
    slash = path.indexOf('/', slash + 1);
  }
  return paths;
}

/** The Safe Browsing lookup expressions (host suffixes × path prefixes), without scheme, most specific first per host, e.g. 'http://a.b.c/1/2.html?param=1' → ['a.b.c/1/2.html?param=1','a.b.c/1/2.html','a.b.c/','a.b.c/1/','b.c/1/2.html?param=1','b.c/1/2.html','b.c/','b.c/1/']. [] for input canonicalize rejects. Never throws. */
export function urlExpressions(raw: string): string[] {
  const url = parseCanonical(raw);
  if (url === null) return [];
  const hosts = hostVariants(url.host, url.isIp);
  const paths = pathVariants(url.path, url.query);
  const expressions: string[] = [];
  for (const host of hosts) {
    for (const path of paths) expressions.push(host + path);
  }
  return expressions;
}

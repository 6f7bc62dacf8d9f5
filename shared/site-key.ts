import { getDomain, getHostname } from 'tldts';
import { isSameOrSubdomain } from './domain';

/**
 * What "Block this site", "Report this page", "Open anyway" and "It is fine" act on: one
 * person's site, never the platform it is hosted on.
 * - Usually the registrable domain (`login.evil.com` → `evil.com`, with its subdomains).
 * - Under a shared-hosting suffix of the Public Suffix List's private part
 *   (`name.github.io`, `name.pages.dev`, `name.blogspot.com`), or one of the hosts below
 *   that give every customer a subdomain but are not in that list, that customer's host.
 * - On a host that serves many people's pages under paths (`sites.google.com/view/name`),
 *   the host and that page's path prefix.
 * The key is `host` (covering its subdomains) or `host/path` (that prefix of that host).
 */

/** Hosting services whose subdomains are each a different customer's site, missing from the PSL. */
const SUBDOMAIN_HOSTS = ['000webhostapp.com', 'weebly.com', 'wordpress.com', 'webflow.io'];

/** Hosts that serve many people's pages under paths: how many path segments name one site. */
const PATH_HOSTS: Readonly<Record<string, readonly { first: string; segments: number }[]>> = {
  'sites.google.com': [
    { first: 'view', segments: 2 },
    { first: 'site', segments: 2 },
  ],
  'docs.google.com': [
    { first: 'forms', segments: 3 },
    { first: 'document', segments: 3 },
  ],
  'drive.google.com': [{ first: 'file', segments: 3 }],
  'storage.googleapis.com': [{ first: '*', segments: 1 }],
  'firebasestorage.googleapis.com': [{ first: 'v0', segments: 3 }],
  'ipfs.io': [{ first: 'ipfs', segments: 2 }],
};

export interface SiteKey {
  key: string;
  host: string;
  /** The path prefix (`/view/name`) for a page of a path-shared host, else null. */
  path: string | null;
}

/** The site a web page belongs to, or null for anything but http(s) pages. */
export function siteKeyOf(url: string): SiteKey | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  if (!host) return null;
  const path = sitePath(host, parsed.pathname);
  if (path) return { key: host + path, host, path };
  const shared = SUBDOMAIN_HOSTS.find((suffix) => host.endsWith('.' + suffix));
  const site = shared
    ? host
        .slice(0, host.length - shared.length - 1)
        .split('.')
        .pop()! +
      '.' +
      shared
    : (getDomain(host, { allowPrivateDomains: true }) ?? getHostname(host) ?? host);
  return { key: site, host: site, path: null };
}

function sitePath(host: string, pathname: string): string | null {
  const rules = PATH_HOSTS[host];
  if (!rules) return null;
  const segments = pathname.split('/').filter(Boolean);
  const rule = rules.find((r) => r.first === '*' || r.first === segments[0]);
  if (!rule || segments.length < rule.segments) return null;
  return '/' + segments.slice(0, rule.segments).join('/').toLowerCase();
}

/** Splits a stored key back into host and path. */
export function parseSiteKey(key: string): SiteKey {
  const slash = key.indexOf('/');
  if (slash === -1) return { key, host: key, path: null };
  return { key, host: key.slice(0, slash), path: key.slice(slash) };
}

/** Whether the site named by `key` covers the page at `url`. */
export function siteKeyCovers(key: string, url: string): boolean {
  const site = parseSiteKey(key);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  if (!site.path) return isSameOrSubdomain(host, site.host);
  if (host !== site.host) return false;
  const path = parsed.pathname.toLowerCase();
  return path === site.path || path.startsWith(site.path + '/');
}

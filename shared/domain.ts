import { getDomain, getHostname } from 'tldts';

/**
 * The registrable domain ("eTLD+1") of a URL or host, public-suffix aware: `a.b.example.co.uk`
 * → `example.co.uk`. Hosts without one (IP addresses, `localhost`, bare suffixes) give the
 * host itself, so a personal block of an IP still has something to name.
 */
export function registrableDomain(urlOrHost: string): string | null {
  const host = getHostname(urlOrHost, { validHosts: ['localhost'] });
  if (!host) return null;
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/** True when `host` is `domain` itself or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}

/**
 * The first of `host`, its parent, grandparent… (`a.b.c` → `b.c` → `c`) for which
 * `isListed` is true, or null. How every "domain and all its subdomains" set is queried:
 * a few Set lookups per host, independent of the set's size.
 */
export function coveringDomain(host: string, isListed: (domain: string) => boolean): string | null {
  for (let candidate = host; candidate;) {
    if (isListed(candidate)) return candidate;
    const dot = candidate.indexOf('.');
    if (dot === -1) break;
    candidate = candidate.slice(dot + 1);
  }
  return null;
}

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

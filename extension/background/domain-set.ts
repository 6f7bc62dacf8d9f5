import { coveringDomain } from '../../shared/domain';
import { parseSiteKey, siteKeyCovers } from '../../shared/site-key';
import type { Database } from './db';

export interface DomainEntry {
  /** A site key (see `siteKeyOf`): a host with its subdomains, or a host and path prefix. */
  domain: string;
  addedAt: number;
}

/**
 * A user's own set of sites: held in memory for the per-navigation check (a few lookups per
 * host) and written through to its IndexedDB store, so it survives worker and browser
 * restarts. Entries stored before sites could be host+path are plain domains, which are
 * still keys of the host kind: nothing needs migrating.
 */
export interface DomainSet {
  /** The entry covering the page at `url` (or a bare host: its front page), or null. */
  covering(url: string): string | null;
  has(domain: string): boolean;
  /** Adds a site key; adding it again keeps the first time it was added. */
  add(domain: string, now?: number): Promise<DomainEntry>;
  remove(domain: string): Promise<boolean>;
  /** Newest first. */
  entries(): DomainEntry[];
}

export async function createDomainSet(
  db: Database,
  store: 'personal' | 'trusted',
): Promise<DomainSet> {
  const byDomain = new Map<string, DomainEntry>();
  // Host+path keys by host, so a page is matched against its own host's few prefixes only.
  const pathKeys = new Map<string, Set<string>>();
  const index = (key: string, present: boolean) => {
    const { host, path } = parseSiteKey(key);
    if (!path) return;
    const keys = pathKeys.get(host) ?? new Set<string>();
    if (present) keys.add(key);
    else keys.delete(key);
    if (keys.size) pathKeys.set(host, keys);
    else pathKeys.delete(host);
  };
  for (const entry of await db.getAll(store)) {
    byDomain.set(entry.domain, entry);
    index(entry.domain, true);
  }

  return {
    covering(input) {
      const url = input.includes('://') ? input : `http://${input}/`;
      let host: string;
      try {
        host = new URL(url).hostname.replace(/\.$/, '').toLowerCase();
      } catch {
        return null;
      }
      for (const key of pathKeys.get(host) ?? []) if (siteKeyCovers(key, url)) return key;
      return coveringDomain(host, (d) => byDomain.has(d));
    },
    has: (domain) => byDomain.has(domain),
    async add(domain, now = Date.now()) {
      const existing = byDomain.get(domain);
      if (existing) return existing;
      const entry = { domain, addedAt: now };
      await db.put(store, entry);
      byDomain.set(domain, entry);
      index(domain, true);
      return entry;
    },
    async remove(domain) {
      if (!byDomain.has(domain)) return false;
      await db.delete(store, domain);
      byDomain.delete(domain);
      index(domain, false);
      return true;
    },
    entries() {
      return [...byDomain.values()].sort((a, b) => b.addedAt - a.addedAt);
    },
  };
}

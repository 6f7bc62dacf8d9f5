import { coveringDomain } from '../../shared/domain';
import type { Database } from './db';

export interface DomainEntry {
  domain: string;
  addedAt: number;
}

/**
 * A user's own set of registrable domains, each covering its subdomains: held in memory as
 * a Map for the per-navigation check (a few lookups per host) and written through to its
 * IndexedDB store, so it survives worker and browser restarts.
 */
export interface DomainSet {
  /** The listed domain covering `host` (itself or a parent), or null. */
  covering(host: string): string | null;
  /** Adds a domain; adding it again keeps the first time it was added. */
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
  for (const entry of await db.getAll(store)) byDomain.set(entry.domain, entry);

  return {
    covering: (host) => coveringDomain(host, (d) => byDomain.has(d)),
    async add(domain, now = Date.now()) {
      const existing = byDomain.get(domain);
      if (existing) return existing;
      const entry = { domain, addedAt: now };
      await db.put(store, entry);
      byDomain.set(domain, entry);
      return entry;
    },
    async remove(domain) {
      if (!byDomain.has(domain)) return false;
      await db.delete(store, domain);
      byDomain.delete(domain);
      return true;
    },
    entries() {
      return [...byDomain.values()].sort((a, b) => b.addedAt - a.addedAt);
    },
  };
}

import { coveringDomain } from '../../shared/domain';
import type { TrustedSite } from '../../shared/trust-messages';
import type { Database } from './db';

/**
 * Sites the user marked as fine on a look-alike warning: registrable domains, each covering
 * its subdomains. Held in memory for the per-navigation check and written through to
 * IndexedDB, so the decision survives worker and browser restarts.
 */
export interface TrustedSites {
  /** The trusted domain covering `host` (itself or a parent), or null. */
  covering(host: string): string | null;
  add(domain: string, now?: number): Promise<TrustedSite>;
  remove(domain: string): Promise<boolean>;
  entries(): TrustedSite[];
}

export async function createTrustedSites(db: Database): Promise<TrustedSites> {
  const byDomain = new Map<string, TrustedSite>();
  for (const entry of await db.getAll('trusted')) byDomain.set(entry.domain, entry);

  return {
    covering: (host) => coveringDomain(host, (d) => byDomain.has(d)),
    async add(domain, now = Date.now()) {
      const existing = byDomain.get(domain);
      if (existing) return existing;
      const entry = { domain, addedAt: now };
      await db.put('trusted', entry);
      byDomain.set(domain, entry);
      return entry;
    },
    async remove(domain) {
      if (!byDomain.has(domain)) return false;
      await db.delete('trusted', domain);
      byDomain.delete(domain);
      return true;
    },
    entries() {
      return [...byDomain.values()].sort((a, b) => b.addedAt - a.addedAt);
    },
  };
}

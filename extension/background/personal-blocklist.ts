import { coveringDomain } from '../../shared/domain';
import type { PersonalEntry } from '../../shared/messages';
import type { Database } from './db';

/**
 * The user's own blocklist: registrable domains, each covering its subdomains. Kept in
 * memory as a Set for the per-navigation check and written through to IndexedDB, so it
 * survives worker and browser restarts.
 */
export interface PersonalBlocklist {
  /** The blocked domain covering `host` (itself or a parent), or null. */
  covering(host: string): string | null;
  add(domain: string, now?: number): Promise<PersonalEntry>;
  remove(domain: string): Promise<boolean>;
  entries(): PersonalEntry[];
}

export async function createPersonalBlocklist(db: Database): Promise<PersonalBlocklist> {
  const byDomain = new Map<string, PersonalEntry>();
  for (const entry of await db.getAll('personal')) byDomain.set(entry.domain, entry);

  return {
    covering: (host) => coveringDomain(host, (d) => byDomain.has(d)),
    async add(domain, now = Date.now()) {
      const existing = byDomain.get(domain);
      if (existing) return existing;
      const entry = { domain, addedAt: now };
      await db.put('personal', entry);
      byDomain.set(domain, entry);
      return entry;
    },
    async remove(domain) {
      if (!byDomain.has(domain)) return false;
      await db.delete('personal', domain);
      byDomain.delete(domain);
      return true;
    },
    entries() {
      return [...byDomain.values()].sort((a, b) => b.addedAt - a.addedAt);
    },
  };
}

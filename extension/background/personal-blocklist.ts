import { parseSiteKey } from '../../shared/site-key';
import type { Verdict } from '../../shared/verdict';
import type { Database } from './db';
import { createDomainSet, type DomainSet } from './domain-set';

/**
 * The user's own blocklist: "Block this site" and "Report this page" add to it. Every
 * change is also written to the network rules (`onChange`), so the browser refuses a
 * blocked site by itself from the next request on.
 */
export type PersonalBlocklist = DomainSet;

export async function createPersonalBlocklist(
  db: Database,
  onChange: () => Promise<void> = async () => undefined,
): Promise<PersonalBlocklist> {
  const set = await createDomainSet(db, 'personal');
  return {
    ...set,
    async add(domain, now) {
      const known = set.has(domain);
      const entry = await set.add(domain, now);
      if (!known) await onChange();
      return entry;
    },
    async remove(domain) {
      const removed = await set.remove(domain);
      if (removed) await onChange();
      return removed;
    },
  };
}

/**
 * Whether the user may block `siteKey` for the page judged by `verdict`: never a whole site
 * the allowlist vouches for (a bank, a government body, the platform of `sites.google.com`),
 * though a single person's page on such a platform (a host+path key) may be blocked.
 */
export function mayBlock(siteKey: string, verdict: Verdict | null | undefined): boolean {
  return !!parseSiteKey(siteKey).path || verdict?.reason !== 'allowlist';
}

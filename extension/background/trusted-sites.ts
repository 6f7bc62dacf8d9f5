import type { Database } from './db';
import { createDomainSet, type DomainSet } from './domain-set';

/**
 * Sites the user marked as fine on a look-alike warning; they skip the look-alike check
 * only (see protection.ts), never the list or the personal blocklist.
 */
export type TrustedSites = DomainSet;

export function createTrustedSites(db: Database): Promise<TrustedSites> {
  return createDomainSet(db, 'trusted');
}

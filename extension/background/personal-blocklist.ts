import type { Database } from './db';
import { createDomainSet, type DomainSet } from './domain-set';

/** The user's own blocklist: "Block this site" and "Report this page" add to it. */
export type PersonalBlocklist = DomainSet;

export function createPersonalBlocklist(db: Database): Promise<PersonalBlocklist> {
  return createDomainSet(db, 'personal');
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PersonalEntry } from '../../shared/messages';
import type { TrustedSite } from '../../shared/trust-messages';
import type { QueuedAlert } from './family-link';
import type { QueuedReport } from './report-queue';

/**
 * The only module that opens IndexedDB. Stores:
 * - `personal`: the user's own blocklist, one record per registrable domain;
 * - `lists`: the active verified list, one ArrayBuffer per version (see list-store.ts);
 * - `list-pages`: the same list's confirmation pages, one record each, so that a filter hit
 *   reads a few kilobytes instead of the whole list;
 * - `meta`: small named values, e.g. which list version is active and the sync state;
 * - `reports`: reports waiting to be sent, keyed by report id (see report-queue.ts);
 * - `trusted`: sites the user marked as fine on a look-alike warning (see trusted-sites.ts);
 * - `alerts`: family alerts waiting to be sent, keyed by alert id (see family-link.ts).
 */
export interface ScamGuardDB extends DBSchema {
  personal: { key: string; value: PersonalEntry };
  lists: { key: number; value: StoredList };
  'list-pages': { key: [number, number]; value: Uint8Array };
  meta: { key: string; value: unknown };
  reports: { key: string; value: QueuedReport };
  trusted: { key: string; value: TrustedSite };
  alerts: { key: string; value: QueuedAlert };
}

export interface StoredList {
  version: number;
  /** The verified list payload (signature trailer removed). */
  bytes: Uint8Array;
  installedAt: number;
}

export type Database = IDBPDatabase<ScamGuardDB>;

const DB_NAME = 'scam-guard';
const DB_VERSION = 4;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<ScamGuardDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Numbered steps, so a later schema change adds a step instead of rewriting this one.
      if (oldVersion < 1) {
        db.createObjectStore('personal', { keyPath: 'domain' });
        db.createObjectStore('lists', { keyPath: 'version' });
        db.createObjectStore('list-pages');
        db.createObjectStore('meta');
      }
      // A step of its own, not part of step 1: profiles made during development already
      // have a version-1 database, and only a new step reaches them.
      if (oldVersion < 2) {
        db.createObjectStore('reports', { keyPath: 'report.id' });
      }
      // A store of its own rather than one array in `meta`: one record per domain, so adding
      // and undoing are single puts and deletes, never a read-modify-write of the whole set.
      if (oldVersion < 3) {
        db.createObjectStore('trusted', { keyPath: 'domain' });
      }
      if (oldVersion < 4) {
        db.createObjectStore('alerts', { keyPath: 'alert.id' });
      }
    },
  });
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PersonalEntry } from '../../shared/messages';

/**
 * The only module that opens IndexedDB. Stores:
 * - `personal`: the user's own blocklist, one record per registrable domain;
 * - `lists`: verified list snapshots, one ArrayBuffer per version;
 * - `meta`: small named values, e.g. which list version is active.
 */
export interface ScamGuardDB extends DBSchema {
  personal: { key: string; value: PersonalEntry };
  lists: { key: number; value: StoredList };
  meta: { key: string; value: unknown };
}

export interface StoredList {
  version: number;
  bytes: ArrayBuffer;
  installedAt: number;
}

export type Database = IDBPDatabase<ScamGuardDB>;

const DB_NAME = 'scam-guard';
const DB_VERSION = 1;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<ScamGuardDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Numbered steps, so a later schema change adds a step instead of rewriting this one.
      if (oldVersion < 1) {
        db.createObjectStore('personal', { keyPath: 'domain' });
        db.createObjectStore('lists', { keyPath: 'version' });
        db.createObjectStore('meta');
      }
    },
  });
}

import type { BlockList } from '../../shared/list';
import type { Database } from './db';

const ACTIVE_KEY = 'activeList';
const SYNC_KEY = 'syncState';

/** What the last list updates did; kept with the list so both survive worker restarts. */
export interface SyncState {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Consecutive failures, for the back-off. */
  failures: number;
  lastError: string | null;
  lastErrorDetail: string | null;
  /** No automatic sync before this time (back-off, Retry-After, the server's minimum wait). */
  nextAllowedAt: number;
}

const NEVER_SYNCED: SyncState = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  failures: 0,
  lastError: null,
  lastErrorDetail: null,
  nextAllowedAt: 0,
};

/**
 * Persists the active list. A new version is written — payload, every page, and the
 * pointer to it — in one IndexedDB transaction, and the old version is deleted in that same
 * transaction: a worker killed mid-write leaves the old list wholly in place, a completed
 * write leaves the new one; there is no state in between.
 */
export interface ListStore {
  activeVersion(): Promise<number | null>;
  /**
   * The active list's payload, or null when none was ever installed. Each call reads a new
   * copy that the caller owns (list sync reuses it as work space once it is merged).
   */
  activePayload(): Promise<Uint8Array | null>;
  readPage(version: number, page: number): Promise<Uint8Array>;
  install(payload: Uint8Array, list: BlockList, now?: number): Promise<void>;
  syncState(): Promise<SyncState>;
  saveSyncState(state: SyncState): Promise<void>;
}

export function createListStore(db: Database): ListStore {
  const activeVersion = async () =>
    ((await db.get('meta', ACTIVE_KEY)) as number | undefined) ?? null;

  return {
    activeVersion,
    async activePayload() {
      const version = await activeVersion();
      if (version === null) return null;
      const stored = await db.get('lists', version);
      if (!stored) throw new Error(`list ${version} is marked active but missing`);
      return stored.bytes;
    },
    async readPage(version, page) {
      const bytes = await db.get('list-pages', [version, page]);
      if (!bytes) throw new Error(`page ${page} of list ${version} is missing`);
      return bytes;
    },
    async install(payload, list, now = Date.now()) {
      const tx = db.transaction(['lists', 'list-pages', 'meta'], 'readwrite');
      const previous = (await tx.objectStore('meta').get(ACTIVE_KEY)) as number | undefined;
      const pages = tx.objectStore('list-pages');
      if (previous !== undefined && previous !== list.version) {
        await tx.objectStore('lists').delete(previous);
        await pages.delete(IDBKeyRange.bound([previous, 0], [previous, Infinity]));
      }
      await tx
        .objectStore('lists')
        .put({ version: list.version, bytes: payload, installedAt: now });
      for (let page = 0; page < list.pageCount; page++) {
        const { start, end } = list.pageRange(page);
        void pages.put(payload.slice(start, end), [list.version, page]);
      }
      await tx.objectStore('meta').put(list.version, ACTIVE_KEY);
      await tx.done;
    },
    async syncState() {
      return {
        ...NEVER_SYNCED,
        ...((await db.get('meta', SYNC_KEY)) as Partial<SyncState> | undefined),
      };
    },
    async saveSyncState(state) {
      await db.put('meta', state, SYNC_KEY);
    },
  };
}

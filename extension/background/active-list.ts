import { BlockList } from '../../shared/list';
import { createListRules } from './list-rules';
import type { ListStore } from './list-store';
import type { NetworkRules } from './network-rules';
import type { ActiveList } from './protection';

const PAGE_CACHE_SIZE = 64;

/**
 * The list the navigation guard checks against, and the network rules derived from it,
 * kept in step: a version is in force in IndexedDB and in the browser's rules together or
 * not at all. Only the filter and page table stay in memory; a filter hit reads its page
 * from IndexedDB (a few KB), with the most recent pages cached because popular sites hit
 * their allowlist entries on every visit.
 */
export interface ListHolder {
  current(): ActiveList | null;
  /** Verifies nothing: `payload` must already be verified (signature or checksum). */
  activate(payload: Uint8Array): Promise<BlockList>;
  /**
   * Loads the stored list — or, when it is missing, damaged or unreadable, the bundled
   * starter list — and then, queued behind it, repairs the network rules if they were
   * written for another state (`settled` waits for that).
   */
  load(): Promise<void>;
  /** Rewrites the personal part of the network rules (after a block or an unblock). */
  personalChanged(): Promise<void>;
  /** Resolves when every write to the rules queued so far has finished (or failed). */
  settled(): Promise<void>;
}

export interface ListHolderDeps {
  store: ListStore;
  rules: NetworkRules;
  /** The user's own blocks, as site keys: written to the network rules with the list's. */
  personalKeys: () => string[];
  /** The bundled starter list's verified payload (see bundled-starter.ts). */
  starter: () => Promise<Uint8Array>;
}

export function createListHolder(deps: ListHolderDeps): ListHolder {
  const { store, rules: network } = deps;
  let active: ActiveList | null = null;
  // Writes to the rules are queued, so a personal block never interleaves with a list swap.
  let writes: Promise<unknown> = Promise.resolve();
  const queued = <T>(write: () => Promise<T>): Promise<T> => {
    const next = writes.then(write);
    writes = next.catch(() => undefined);
    return next;
  };

  // Read and verified once per worker: the first run installs it and diffs against it.
  let starterOnce: Promise<Uint8Array> | null = null;
  const starter = () =>
    (starterOnce ??= deps.starter().catch((error: unknown) => {
      starterOnce = null;
      throw error;
    }));
  const rulesFor = createListRules(starter);
  const stateFor = (listVersion: number) => ({ listVersion, personalKeys: deps.personalKeys() });

  function wrap(list: BlockList): ActiveList {
    const cache = new Map<number, Uint8Array>();
    const readPage = async (page: number) => {
      let bytes = cache.get(page);
      if (bytes) {
        cache.delete(page); // re-insert: Map order is the LRU order
      } else {
        bytes = await store.readPage(list.version, page);
        if (cache.size >= PAGE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(page, bytes);
      return bytes;
    };
    return {
      version: list.version,
      createdAt: list.createdAt,
      entryCount: list.entryCount,
      checksum: list.checksum,
      metadata: list.metadata,
      match: (url) => list.match(url, readPage),
    };
  }

  // The rules first, then the store: a worker stopped between the two leaves the new rules
  // beside the old stored list, and the next start (`load`) writes the old list's rules
  // back — so the old version is what stays in force, in both places.
  const activate = (payload: Uint8Array) =>
    queued(async () => {
      const list = BlockList.load(payload, { retainPages: false });
      const { rules, coverage } = await rulesFor(payload);
      if (coverage?.unexpressed) {
        console.warn(`${coverage.unexpressed} list entries are left to the navigation check`);
      }
      await network.install(stateFor(list.version), rules);
      try {
        await store.install(payload, list);
      } catch (error) {
        // The install's transaction left the old list in place: put its rules back too.
        const previous = await store.activePayload().catch(() => null);
        if (previous) await restoreRules(previous).catch(() => undefined);
        throw error;
      }
      active = wrap(list);
      return list;
    });

  async function restoreRules(payload: Uint8Array) {
    const list = BlockList.load(payload, { retainPages: false });
    await network.install(stateFor(list.version), (await rulesFor(payload)).rules);
  }

  /**
   * After a start, off the navigation path (the checks need the list, not the rules): puts
   * the rules back in step if a stopped worker left them written for another state.
   */
  const repairRules = (version: number) =>
    queued(async () => {
      if (await network.inForceFor(stateFor(version))) return;
      console.warn('network rules out of step with the stored list; rewriting them');
      const stored = await store.activePayload();
      if (stored) await restoreRules(stored);
    }).catch((error: unknown) => console.error('could not repair the network rules', error));

  async function loadStored(): Promise<BlockList | null> {
    try {
      const stored = await store.activePayload();
      if (!stored) return null;
      const list = BlockList.load(stored, { retainPages: false });
      // A page missing from the store would fail every lookup that needs it: check the
      // one every list has before trusting the rest.
      await store.readPage(list.version, 0);
      return list;
    } catch (error) {
      // Missing, partial, damaged or of a retired format: never "nothing is listed".
      console.warn('stored list unusable, reinstalling the bundled list', error);
      return null;
    }
  }

  return {
    current: () => active,
    activate,
    async load() {
      const stored = await queued(loadStored);
      if (stored) {
        active = wrap(stored);
        void repairRules(stored.version);
      } else {
        await activate(await starter());
      }
    },
    settled: () => writes.then(() => undefined),
    personalChanged: () =>
      queued(async () => {
        const version = active?.version ?? (await store.activeVersion());
        if (version === null) return; // the list install that follows writes them
        await network.updatePersonal(stateFor(version));
      }),
  };
}

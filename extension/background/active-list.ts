import { hexToBytes } from '@noble/hashes/utils.js';
import browser from 'webextension-polyfill';
import { BlockList, ListFormatError, verifyFile } from '../../shared/list';
import { buildConfig } from '../build-config';
import type { ListStore } from './list-store';
import type { ActiveList } from './protection';

const STARTER_LIST = 'lists/starter.sgl';
const PAGE_CACHE_SIZE = 64;

/**
 * The list the navigation guard checks against. Only the filter and page table stay in
 * memory; a filter hit reads its page from IndexedDB (a few KB), with the most recent pages
 * cached because popular sites hit their allowlist entries on every visit.
 */
export interface ListHolder {
  current(): ActiveList | null;
  /** Verifies nothing: `payload` must already be verified (signature or checksum). */
  activate(payload: Uint8Array): Promise<BlockList>;
  /** Loads the stored list, installing the bundled starter list on first run. */
  load(): Promise<void>;
}

export function createListHolder(
  store: ListStore,
  publicKey = hexToBytes(buildConfig.listPublicKey),
): ListHolder {
  let active: ActiveList | null = null;

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

  async function bundledStarter(): Promise<Uint8Array> {
    const response = await fetch(browser.runtime.getURL(STARTER_LIST));
    if (!response.ok) throw new Error(`bundled list missing (${response.status})`);
    return verifyFile(new Uint8Array(await response.arrayBuffer()), publicKey);
  }

  return {
    current: () => active,
    async activate(payload) {
      const list = BlockList.load(payload, { retainPages: false });
      await store.install(payload, list);
      active = wrap(list);
      return list;
    },
    async load() {
      const stored = await store.activePayload();
      if (stored) {
        try {
          active = wrap(BlockList.load(stored, { retainPages: false }));
          return;
        } catch (error) {
          // A list stored by an older build in a retired format: protect with the bundled
          // list until the next sync fetches the current one.
          if (!(error instanceof ListFormatError)) throw error;
          console.warn('stored list unreadable, reinstalling the bundled list', error.message);
        }
      }
      await this.activate(await bundledStarter());
    },
  };
}

import browser from 'webextension-polyfill';
import type { BlockedPage } from '../../shared/messages';
import type { Verdict } from '../../shared/verdict';

/**
 * What the background knows about each tab, kept in `storage.session` because the worker
 * is stopped after 30 s idle and memory goes with it; session storage ends with the
 * browser session, so nothing about browsing outlives it.
 */
export interface TabRecord {
  url: string;
  verdict: Verdict;
  /** The last page this tab showed that was judged safe: where "Go back to safety" goes. */
  lastSafeUrl?: string;
}

const tabKey = (tabId: number) => `tab:${tabId}`;
const blockKey = (tabId: number) => `block:${tabId}`;

async function read<T>(key: string): Promise<T | null> {
  const found = await browser.storage.session.get(key);
  return (found[key] as T | undefined) ?? null;
}

type BlockListener = (verdict: Verdict) => void;
const blockListeners = new Set<BlockListener>();

// Pending blocks are also kept in memory, set before the storage write starts: the warning
// page may ask for its block before that write has finished.
const pendingInMemory = new Map<number, BlockedPage>();

export const tabState = {
  get: (tabId: number) => read<TabRecord>(tabKey(tabId)),
  set: (tabId: number, record: TabRecord) =>
    browser.storage.session.set({ [tabKey(tabId)]: record }),

  /** The block the warning page in this tab is allowed to show; absent means "show nothing". */
  pendingBlock: async (tabId: number) =>
    pendingInMemory.get(tabId) ?? (await read<BlockedPage>(blockKey(tabId))),
  setPendingBlock: (tabId: number, page: BlockedPage) => {
    pendingInMemory.set(tabId, page);
    return browser.storage.session.set({ [blockKey(tabId)]: page });
  },
  clearPendingBlock: (tabId: number) => {
    pendingInMemory.delete(tabId);
    return browser.storage.session.remove(blockKey(tabId));
  },

  /**
   * What every warning records before the tab is sent to the warning page: the page and
   * its verdict (keeping where "Go back to safety" goes) and the block the page may show.
   */
  async recordBlock(tabId: number, verdict: Verdict, blockedAt: number): Promise<void> {
    const pending = tabState.setPendingBlock(tabId, { verdict, blockedAt });
    const previous = await tabState.get(tabId);
    const lastSafeUrl = previous?.lastSafeUrl;
    await Promise.all([
      tabState.set(tabId, { url: verdict.url, verdict, ...(lastSafeUrl ? { lastSafeUrl } : {}) }),
      pending,
    ]);
    for (const listener of blockListeners) listener(verdict);
  },

  /** Told of every warning once it is recorded (family alerts); registered at start-up. */
  onBlock(listener: BlockListener): void {
    blockListeners.add(listener);
  },

  forget: (tabId: number) => {
    pendingInMemory.delete(tabId);
    return browser.storage.session.remove([tabKey(tabId), blockKey(tabId)]);
  },
};

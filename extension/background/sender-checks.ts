import browser, { type Runtime } from 'webextension-polyfill';
import type { SenderKind } from '../../shared/message-senders';

/** The warning page, relative to the extension root (a Vite build input of its own). */
export const WARNING_PAGE = 'extension/warning/index.html';

const PAGES: readonly [SenderKind, string][] = [
  ['popup', 'extension/popup/index.html'],
  ['options', 'extension/options/index.html'],
  ['warning', WARNING_PAGE],
  ['welcome', 'extension/welcome/index.html'],
];

/**
 * Which of our own senders this is, or null for anything else. No web page may message us
 * (`externally_connectable` is not declared), but every message is still checked, as a
 * second line of defence, and each message names the senders it accepts. The warning page
 * counts only as a top-level tab, so a page cannot frame it and speak for it.
 */
export function senderKind(sender: Runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id || !sender.url) return null;
  const url = sender.url;
  const root = browser.runtime.getURL('');
  if (!url.startsWith(root)) {
    const web = /^https?:/.test(url) && sender.tab?.id !== undefined;
    return web ? 'content' : null;
  }
  const path = url.slice(root.length).split(/[?#]/)[0];
  const page = PAGES.find(([, file]) => file === path)?.[0] ?? null;
  if (page === 'warning' && (sender.frameId !== 0 || sender.tab?.id === undefined)) return null;
  return page;
}

/** The tab a warning page runs in; refused in frames, so it cannot be framed by a page. */
export function warningTab(sender: Runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (
    tabId === undefined ||
    sender.frameId !== 0 ||
    !sender.url?.startsWith(browser.runtime.getURL(WARNING_PAGE))
  ) {
    throw new Error('only the warning page in a top-level tab may ask this');
  }
  return tabId;
}

/** A tab id from an untrusted payload. */
export function requireTabId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error('tabId must be a tab id');
  }
  return value;
}

import browser, { type Runtime } from 'webextension-polyfill';

/** The warning page, relative to the extension root (a Vite build input of its own). */
export const WARNING_PAGE = 'extension/warning/index.html';

/**
 * Only the extension's own pages may talk to the background: no content scripts exist and
 * no web page may message us (`externally_connectable` is not declared), but every message
 * is still checked, as a second line of defence.
 */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
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

import browser, { type WebNavigation } from 'webextension-polyfill';
import type { Verdict } from '../../shared/verdict';
import { showTabBadge } from './badge';
import type { Protection } from './protection';
import { tabState } from './tab-state';

export const WARNING_PAGE = 'extension/warning/index.html';

type NavigationDetails =
  | WebNavigation.OnBeforeNavigateDetailsType
  | WebNavigation.OnCommittedDetailsType
  | WebNavigation.OnHistoryStateUpdatedDetailsType;

/**
 * Checks every top-frame navigation. `onBeforeNavigate` is the first chance; it can be
 * missed (pages served by a site's service worker, prerender, back/forward cache, the worker
 * still waking), so `onCommitted` and `onHistoryStateUpdated` check again. Listeners are
 * registered synchronously when the worker starts — Chrome only wakes a worker for listeners
 * present in its first turn — and each waits for `ready`, so a navigation that wakes the
 * worker is checked against the stored lists, never waved through while they load.
 */
export function registerNavigationGuard(ready: Promise<Protection>): void {
  const warningPrefix = browser.runtime.getURL(WARNING_PAGE);

  const onNavigation = (details: NavigationDetails) => {
    if (details.frameId !== 0 || details.url.startsWith(warningPrefix)) return;
    void ready
      .then((protection) => guard(details.tabId, details.url, protection, warningPrefix))
      .catch((error: unknown) => console.error('navigation check failed', details.url, error));
  };

  browser.webNavigation.onBeforeNavigate.addListener(onNavigation);
  browser.webNavigation.onCommitted.addListener(onNavigation);
  browser.webNavigation.onHistoryStateUpdated.addListener(onNavigation);
  browser.tabs.onRemoved.addListener((tabId) => void tabState.forget(tabId));
}

async function guard(tabId: number, url: string, protection: Protection, warningUrl: string) {
  const verdict = await protection.verdictFor(url);
  await tabState.set(tabId, { url, verdict });
  if (verdict.level === 'safe') {
    await showTabBadge(tabId, 'safe');
    return;
  }
  await block(tabId, verdict, warningUrl);
}

async function block(tabId: number, verdict: Verdict, warningUrl: string) {
  // The warning page shows only what the background recorded for its tab, never what its
  // own URL claims, so a page cannot forge a warning or smuggle markup into one.
  await tabState.setPendingBlock(tabId, { verdict, blockedAt: Date.now() });
  await browser.tabs.update(tabId, { url: warningUrl });
}

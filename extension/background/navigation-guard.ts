import browser, { type WebNavigation } from 'webextension-polyfill';
import { showTabBadge } from './badge';
import { WARNING_PAGE } from './sender-checks';
import { proceedGrants } from './proceed';
import type { Protection } from './protection';
import { tabState } from './tab-state';

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
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabState.forget(tabId);
    void proceedGrants.forgetTab(tabId);
  });
}

async function guard(tabId: number, url: string, protection: Protection, warningUrl: string) {
  const verdict = await protection.verdictFor(url);
  // A "proceed anyway" for this tab and site lets the page load; the badge still warns.
  if (verdict.level === 'safe' || (await proceedGrants.allows(tabId, url))) {
    const lastSafeUrl = verdict.level === 'safe' ? url : undefined;
    await Promise.all([
      tabState.set(tabId, { url, verdict, ...(lastSafeUrl ? { lastSafeUrl } : {}) }),
      showTabBadge(tabId, verdict.level),
    ]);
    return;
  }
  // Redirect first, record alongside: every millisecond here is one the scam page may use
  // to start rendering. The warning page shows only what the background recorded for its
  // tab, never what its own URL claims, so a page cannot forge a warning or smuggle markup
  // into one.
  await Promise.all([
    tabState
      .get(tabId)
      .then((previous) => tabState.set(tabId, { url, verdict, ...pick(previous?.lastSafeUrl) })),
    tabState.setPendingBlock(tabId, { verdict, blockedAt: Date.now() }),
    browser.tabs.update(tabId, { url: warningUrl }),
  ]);
}

const pick = (lastSafeUrl: string | undefined) => (lastSafeUrl ? { lastSafeUrl } : {});

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
  // The navigation each tab is in, started by its last onBeforeNavigate.
  const navigations = new Map<number, Navigation>();

  const onNavigation = (details: NavigationDetails, starts: boolean) => {
    if (details.frameId !== 0 || details.url.startsWith(warningPrefix)) return;
    let navigation = navigations.get(details.tabId);
    if (starts || !navigation) {
      navigation = { redirectedFrom: null };
      navigations.set(details.tabId, navigation);
    }
    const current = navigation;
    void ready
      .then((protection) => guard(details.tabId, details.url, current, protection, warningPrefix))
      .catch((error: unknown) => console.error('navigation check failed', details.url, error));
  };

  browser.webNavigation.onBeforeNavigate.addListener((details) => onNavigation(details, true));
  browser.webNavigation.onCommitted.addListener((details) => onNavigation(details, false));
  browser.webNavigation.onHistoryStateUpdated.addListener((details) =>
    onNavigation(details, false),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    navigations.delete(tabId);
    void tabState.forget(tabId);
    void proceedGrants.forgetTab(tabId);
  });
}

/**
 * One navigation of a tab. `redirectedFrom` is the URL already sent to the warning page in
 * it: a dangerous page that commits before the redirect lands is seen by onBeforeNavigate
 * and again by onCommitted, and a second redirect would load the warning page twice — or,
 * landing late, take the tab away from wherever the user went next. Kept in memory only:
 * after a worker restart the worst case is that second redirect.
 */
interface Navigation {
  redirectedFrom: string | null;
}

async function guard(
  tabId: number,
  url: string,
  navigation: Navigation,
  protection: Protection,
  warningUrl: string,
) {
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
  const redirect = navigation.redirectedFrom !== url;
  navigation.redirectedFrom = url;
  // Redirect first, record alongside: every millisecond here is one the scam page may use
  // to start rendering. The warning page shows only what the background recorded for its
  // tab, never what its own URL claims, so a page cannot forge a warning or smuggle markup
  // into one.
  await Promise.all([
    tabState
      .get(tabId)
      .then((previous) => tabState.set(tabId, { url, verdict, ...pick(previous?.lastSafeUrl) })),
    tabState.setPendingBlock(tabId, { verdict, blockedAt: Date.now() }),
    redirect &&
      browser.tabs.update(tabId, { url: warningUrl }).catch((error: unknown) => {
        navigation.redirectedFrom = null; // the next event for this page tries again
        throw error;
      }),
  ]);
}

const pick = (lastSafeUrl: string | undefined) => (lastSafeUrl ? { lastSafeUrl } : {});

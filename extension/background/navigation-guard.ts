import browser from 'webextension-polyfill';
import { showTabBadge } from './badge';
import { createNavigationChecks, type EventKind, type NavigationEvent } from './navigation-checks';
import { proceedGrants } from './proceed';
import type { Protection } from './protection';
import { WARNING_PAGE } from './sender-checks';
import { tabState } from './tab-state';

/**
 * The second line of defence, behind the network rules (network-rules.ts) that refuse
 * listed hosts before any request leaves: it judges every top-frame navigation and sends
 * the tab to the warning page — for a listed site, after the browser refused it; for a
 * look-alike, which no rule can know in advance, as soon as the page is seen.
 *
 * `onBeforeNavigate` is the first chance; it can be missed (pages served by a site's
 * service worker, back/forward cache, the worker still waking), so `onCommitted`,
 * `onHistoryStateUpdated` and a refused request's `onErrorOccurred` (where a redirect chain
 * ended on a listed host) check again. Listeners are registered synchronously when the
 * worker starts — Chrome only wakes a worker for listeners present in its first turn — and
 * each waits for `ready`, so a navigation that wakes the worker is checked against the
 * stored lists, never waved through while they load.
 */
export function registerNavigationGuard(ready: Promise<Protection>): void {
  const checks = createNavigationChecks({
    warningUrl: browser.runtime.getURL(WARNING_PAGE),
    verdictFor: async (url) => (await ready).verdictFor(url),
    proceedAllows: (tabId, url) => proceedGrants.allows(tabId, url),
    tabs: { redirect: async (tabId, url) => void (await browser.tabs.update(tabId, { url })) },
    tabState,
    badge: showTabBadge,
    setTimeout: (run, ms) => void setTimeout(run, ms),
    now: Date.now,
  });
  const on = (kind: EventKind) => (details: NavigationEvent) => void checks.onEvent(details, kind);

  browser.webNavigation.onBeforeNavigate.addListener(on('start'));
  browser.webNavigation.onCommitted.addListener(on('commit'));
  browser.webNavigation.onHistoryStateUpdated.addListener(on('commit'));
  browser.webNavigation.onErrorOccurred.addListener(on('error'));
  browser.tabs.onRemoved.addListener((tabId) => {
    checks.forget(tabId);
    void tabState.forget(tabId);
    void proceedGrants.forgetTab(tabId);
  });
}

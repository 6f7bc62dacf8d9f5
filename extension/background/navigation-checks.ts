import type { Verdict, VerdictLevel } from '../../shared/verdict';
import type { TabRecord } from './tab-state';

/** What one webNavigation event says, as far as the checks need it. */
export interface NavigationEvent {
  tabId: number;
  frameId: number;
  url: string;
  /** For refused requests: the network error (`net::ERR_BLOCKED_BY_CLIENT` for our rules). */
  error?: string;
}

export type EventKind = 'start' | 'commit' | 'error';

/** Everything the checks touch, passed in so that tests run them on fakes and a fake clock. */
export interface NavigationDeps {
  warningUrl: string;
  verdictFor(url: string): Promise<Verdict>;
  proceedAllows(tabId: number, url: string): Promise<boolean>;
  tabs: { redirect(tabId: number, url: string): Promise<void> };
  tabState: {
    set(tabId: number, record: TabRecord): Promise<void>;
    recordBlock(tabId: number, verdict: Verdict, blockedAt: number): Promise<void>;
  };
  badge(tabId: number, level: VerdictLevel): Promise<void>;
  setTimeout(run: () => void, ms: number): void;
  now(): number;
}

/** How often a failed check is tried again for the same page, and after how long. */
export const RETRY_DELAYS_MS = [1000, 5000];

/**
 * One navigation of a tab, numbered so that a verdict is applied only while its navigation
 * is still the tab's current one. `redirectedFrom` is the URL already sent to the warning
 * page in it: a dangerous page is seen by several events (start, refusal, commit), and a
 * second redirect would load the warning page twice. Kept in memory only: after a worker
 * restart the worst case is that second redirect.
 */
interface Navigation {
  seq: number;
  url: string;
  redirectedFrom: string | null;
}

/**
 * The judging of top-frame navigations: which event starts a navigation, which belongs to
 * one already under way, and what a verdict may still change when it arrives. Returns a
 * promise per event so that tests can wait for it; the browser wiring ignores it.
 */
export function createNavigationChecks(deps: NavigationDeps) {
  const navigations = new Map<number, Navigation>();
  let counter = 0;

  const start = (tabId: number, url: string): Navigation => {
    const navigation = { seq: ++counter, url, redirectedFrom: null };
    navigations.set(tabId, navigation);
    return navigation;
  };

  /** Whether `navigation` is still what its tab shows: a late answer changes nothing else. */
  const isCurrent = (tabId: number, navigation: Navigation) =>
    navigations.get(tabId)?.seq === navigation.seq;

  async function guard(tabId: number, url: string, navigation: Navigation, attempt: number) {
    const verdict = await deps.verdictFor(url);
    if (!isCurrent(tabId, navigation)) return;
    if (verdict.level === 'unchecked') {
      await Promise.all([
        deps.tabState.set(tabId, { url, verdict }),
        deps.badge(tabId, 'unchecked'),
      ]);
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined) {
        deps.setTimeout(
          () => void guard(tabId, url, navigation, attempt + 1).catch(log(url)),
          delay,
        );
      }
      return;
    }
    // A "proceed anyway" for this tab and site lets the page load; the badge still warns.
    if (verdict.level === 'safe' || (await deps.proceedAllows(tabId, url))) {
      if (!isCurrent(tabId, navigation)) return;
      const lastSafeUrl = verdict.level === 'safe' ? url : undefined;
      await Promise.all([
        deps.tabState.set(tabId, { url, verdict, ...(lastSafeUrl ? { lastSafeUrl } : {}) }),
        deps.badge(tabId, verdict.level),
      ]);
      return;
    }
    const redirect = navigation.redirectedFrom !== url;
    navigation.redirectedFrom = url;
    // Redirect first, record alongside: every millisecond here is one the page may use to
    // start rendering. The warning page shows only what the background recorded for its
    // tab, never what its own URL claims, so a page cannot forge a warning or smuggle
    // markup into one.
    await Promise.all([
      deps.tabState.recordBlock(tabId, verdict, deps.now()),
      redirect &&
        deps.tabs.redirect(tabId, deps.warningUrl).catch((error: unknown) => {
          navigation.redirectedFrom = null; // the next event for this page tries again
          throw error;
        }),
    ]);
  }

  return {
    /** Called for every webNavigation event; resolves when its check has done all it will. */
    async onEvent(event: NavigationEvent, kind: EventKind) {
      if (event.frameId !== 0) return;
      const { tabId, url } = event;
      let navigation = navigations.get(tabId);
      if (url.startsWith(deps.warningUrl)) {
        // The tab has moved on to our own page: whatever is still being judged is stale.
        if (kind !== 'error') start(tabId, url);
        return;
      }
      if (kind === 'error') {
        // Only the refusals of our own network rules; an abort (the user, or our own
        // redirect) says nothing, and an error after the tab reached the warning is stale.
        const refused = /ERR_BLOCKED_BY_CLIENT/.test(event.error ?? '');
        if (!refused || navigation?.url.startsWith(deps.warningUrl)) return;
      }
      // A commit or a history update of another URL is a document of its own (the end of
      // a redirect chain, a page restored from the back/forward cache, a single-page app's
      // route) unless it is the page this navigation already sent to the warning; a
      // refused request belongs to the navigation it ended.
      const another = navigation && navigation.url !== url && navigation.redirectedFrom !== url;
      if (kind === 'start' || !navigation || (kind === 'commit' && another)) {
        navigation = start(tabId, url);
      }
      await guard(tabId, url, navigation, 0).catch(log(url));
    },
    forget(tabId: number) {
      navigations.delete(tabId);
    },
  };
}

const log = (url: string) => (error: unknown) =>
  console.error('navigation check failed', url, error);

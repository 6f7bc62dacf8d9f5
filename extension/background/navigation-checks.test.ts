import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/verdict';
import { createNavigationChecks, RETRY_DELAYS_MS, type NavigationDeps } from './navigation-checks';
import type { TabRecord } from './tab-state';

const WARNING = 'chrome-extension://id/extension/warning/index.html';
const SCAM = 'http://listed.top/';
const SAFE = 'http://fine.example/';

const verdict = (url: string, level: Verdict['level']): Verdict => ({
  level,
  reason:
    level === 'dangerous' ? 'blocklist' : level === 'unchecked' ? 'check-failed' : 'not-listed',
  url,
  host: new URL(url).host,
});

/** A controllable verdict per URL: each call waits until the test answers it. */
function harness(levels: Record<string, Verdict['level']> = {}) {
  const pending: { url: string; answer: () => void }[] = [];
  const records = new Map<number, TabRecord>();
  const redirects: string[] = [];
  const timers: (() => void)[] = [];
  let manual = false;
  const deps: NavigationDeps = {
    warningUrl: WARNING,
    verdictFor: (url) =>
      new Promise((resolve) => {
        const answer = () => resolve(verdict(url, levels[url] ?? 'safe'));
        if (manual) pending.push({ url, answer });
        else answer();
      }),
    proceedAllows: async () => false,
    tabs: { redirect: async (_tab, url) => void redirects.push(url) },
    tabState: {
      set: async (tabId, record) => void records.set(tabId, record),
      recordBlock: async (tabId, verdict) => {
        const lastSafeUrl = records.get(tabId)?.lastSafeUrl;
        records.set(tabId, { url: verdict.url, verdict, ...(lastSafeUrl ? { lastSafeUrl } : {}) });
      },
    },
    badge: async () => undefined,
    setTimeout: (run) => void timers.push(run),
    now: () => 0,
  };
  return {
    checks: createNavigationChecks(deps),
    records,
    redirects,
    timers,
    pending,
    holdVerdicts: () => (manual = true),
    levels,
  };
}

const at = (url: string, extra: object = {}) => ({ tabId: 1, frameId: 0, url, ...extra });
const refused = { error: 'net::ERR_BLOCKED_BY_CLIENT' };

describe('navigation checks', () => {
  it('redirects a listed page once, though its start, refusal and commit are all seen', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    await h.checks.onEvent(at(SCAM), 'start');
    await h.checks.onEvent(at(SCAM, refused), 'error');
    await h.checks.onEvent(at(SCAM), 'commit');
    expect(h.redirects).toEqual([WARNING]);
  });

  it('judges where a redirect chain was refused, not only where it started', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    await h.checks.onEvent(at('http://short.link/abc'), 'start');
    await h.checks.onEvent(at(SCAM, refused), 'error');
    expect(h.redirects).toEqual([WARNING]);
    expect(h.records.get(1)?.url).toBe(SCAM);
  });

  it('ignores errors that are not its own refusals, and refusals after the warning loaded', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    await h.checks.onEvent(at('http://short.link/abc'), 'start');
    await h.checks.onEvent(at(SCAM, { error: 'net::ERR_ABORTED' }), 'error');
    expect(h.redirects).toEqual([]);
    await h.checks.onEvent(at(WARNING), 'start');
    await h.checks.onEvent(at(SCAM, refused), 'error');
    expect(h.redirects).toEqual([]);
  });

  it('lets a late verdict for page 1 change nothing once page 2 has started', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    h.holdVerdicts();
    const first = h.checks.onEvent(at(SCAM), 'start');
    const second = h.checks.onEvent(at(SAFE), 'start');
    h.pending.find((p) => p.url === SAFE)!.answer();
    await second;
    h.pending.find((p) => p.url === SCAM)!.answer();
    await first;
    expect(h.redirects).toEqual([]);
    expect(h.records.get(1)?.url).toBe(SAFE);
    expect(h.records.get(1)?.verdict.level).toBe('safe');
  });

  it('drops a verdict that arrives after the tab reached the warning page', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    h.holdVerdicts();
    const late = h.checks.onEvent(at(SCAM), 'start');
    await h.checks.onEvent(at(WARNING), 'start');
    h.pending[0]!.answer();
    await late;
    expect(h.redirects).toEqual([]);
  });

  it('treats a commit of another URL as a page of its own (a look-alike at the end of a 302)', async () => {
    const lookalike = 'http://icbc-kefu.top/';
    const h = harness({ [lookalike]: 'suspicious' });
    await h.checks.onEvent(at('http://short.link/abc'), 'start');
    await h.checks.onEvent(at(lookalike), 'commit');
    expect(h.redirects).toEqual([WARNING]);
  });

  it('checks a page again when its check failed, while the tab is still on it', async () => {
    const h = harness({ [SCAM]: 'unchecked' });
    await h.checks.onEvent(at(SCAM), 'start');
    expect(h.records.get(1)?.verdict.level).toBe('unchecked');
    expect(h.redirects).toEqual([]);
    expect(h.timers).toHaveLength(1);
    h.levels[SCAM] = 'dangerous';
    h.timers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.redirects).toEqual([WARNING]);
    expect(RETRY_DELAYS_MS.length).toBeGreaterThan(0);
  });

  it('ignores frames other than the top one', async () => {
    const h = harness({ [SCAM]: 'dangerous' });
    await h.checks.onEvent({ tabId: 1, frameId: 3, url: SCAM }, 'start');
    expect(h.redirects).toEqual([]);
  });
});

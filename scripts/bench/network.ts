import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { join } from 'node:path';
import {
  DIST,
  launchExtension,
  WARNING_PAGE,
  type ExtensionBrowser,
} from '../../tests/e2e/browser';
import { startSiteServer, type SiteServer } from '../../tests/e2e/site-server';
import { chromiumPath } from '../lib/chromium-path';
import { hexToBytes } from '@noble/hashes/utils.js';
import {
  packEntries,
  readHeader,
  sortEntries,
  verifyFile,
  type ListEntry,
} from '../../shared/list';
import { signingKeys } from '../lib/signing-keys';
import { listDiffRules } from '../../shared/network-rules/list-rules';
import { DYNAMIC_LIMITS } from '../../extension/background/list-rules';
import { syntheticDomains } from '../lib/synthetic-domains';

const log = (message: string) => process.stderr.write(`[network] ${message}\n`);
// A domain of The Block List Project's phishing feed, bundled in the starter list.
const LISTED = '7pickstreet.ga';
const RUNS = Number(process.env.BENCH_NAV_RUNS ?? 15);

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * The network rules in real Chromium: how much of the bundled list they enforce, how long
 * a navigation takes to reach the warning (worker running and stopped), whether any
 * request or script of a listed page got through on each path, what installing the
 * extension with its ruleset costs, and what a 1% delta costs the dynamic rules.
 */
export async function runNetworkBench(): Promise<Record<string, number>> {
  if (!existsSync(join(DIST, 'rules/starter.json'))) throw new Error('run `npm run build` first');
  const results: Record<string, number> = {};
  const rules = JSON.parse(readFileSync(join(DIST, 'rules/starter.json'), 'utf8')) as {
    action: { type: string };
    condition: { requestDomains?: string[]; regexFilter?: string };
  }[];
  const { publicKeyHex } = await signingKeys(() => {});
  const starter = await verifyFile(
    readFileSync(join(DIST, 'lists/starter.sgl')),
    hexToBytes(publicKeyHex),
  );
  const entries = readHeader(starter).entryCount;
  const enforced = rules.reduce(
    (n, r) => n + (r.condition.requestDomains?.length ?? (r.condition.regexFilter ? 1 : 0)),
    0,
  );
  results.networkRuleEntries = enforced;
  results.networkRuleShare = enforced / entries;
  log(`static ruleset: ${enforced} of ${entries} list entries (allowlist included)`);

  Object.assign(results, diffCompute());

  const site = await startSiteServer();
  try {
    Object.assign(results, await startupCost(site));
    const browser = await launchExtension();
    try {
      Object.assign(results, await navigationTimes(browser, site));
      Object.assign(results, await pathLeaks(browser, site));
      Object.assign(results, await dynamicUpdateCost(browser));
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
  }
  return results;
}

/** Computing the dynamic rules for a 1% delta of a 1M list, in Node (the worker does the same). */
function diffCompute(): Record<string, number> {
  const n = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
  const domains = syntheticDomains(n + n / 100, 7);
  const entry = (d: string): ListEntry => ({
    expression: `${d}/`,
    category: 'phishing',
    source: 'bench',
    action: 'block',
  });
  const starter = packEntries(sortEntries(domains.slice(0, n).map(entry)));
  const current = packEntries(sortEntries(domains.slice(n / 100).map(entry)));
  const started = performance.now();
  const { coverage } = listDiffRules(starter, current, DYNAMIC_LIMITS);
  const ms = performance.now() - started;
  log(`1% delta of ${n}: diff rules in ${ms.toFixed(0)} ms (${coverage.hosts} hosts)`);
  return { networkDiff1MComputeMs: ms };
}

/** Launch to the first refused navigation, against a plain browser's launch to a page. */
async function startupCost(site: SiteServer): Promise<Record<string, number>> {
  let started = performance.now();
  const plain = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP * 127.0.0.1',
    ],
  });
  const plainPage = await plain.newPage();
  await plainPage.goto(site.url('news.example'));
  const baseline = performance.now() - started;
  await plain.close();

  started = performance.now();
  const browser = await launchExtension();
  const page = await browser.context.newPage();
  const arrived = onWarning(page);
  await page.goto(site.url(`startup.${LISTED}`)).catch(() => undefined);
  await arrived;
  const withExtension = performance.now() - started;
  await browser.close();
  log(
    `launch → first refusal on the warning: ${withExtension.toFixed(0)} ms (plain: ${baseline.toFixed(0)} ms)`,
  );
  return { startToFirstWarningMs: withExtension, baselinePlainStartMs: baseline };
}

/** Armed before navigating: the refused request and the redirect are two navigations. */
const onWarning = (page: Page) =>
  page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame() && WARNING_PAGE.test(frame.url()),
    timeout: 30_000,
  });

async function toWarning(browser: ExtensionBrowser, url: string, stopped: boolean) {
  const page = await browser.context.newPage();
  if (stopped) await browser.stopWorker();
  const started = performance.now();
  const arrived = onWarning(page);
  await page.goto(url).catch(() => undefined);
  await arrived;
  await page.getByTestId('blocked-host').waitFor();
  const ms = performance.now() - started;
  await page.close();
  return ms;
}

async function navigationTimes(browser: ExtensionBrowser, site: SiteServer) {
  const results: Record<string, number> = {};
  // One visit first: a fresh profile's first navigation waits for the starter list's
  // install, which startToFirstWarningMs already counts.
  await toWarning(browser, site.url(`warm-up.${LISTED}`, '/'), false);
  for (const stopped of [false, true]) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(await toWarning(browser, site.url(`n${i}-${stopped}.${LISTED}`, '/'), stopped));
    }
    const key = stopped ? 'navToWarningWorkerStopped' : 'navToWarning';
    results[`${key}MsMedian`] = median(times);
    results[`${key}MsP95`] = quantile(times, 0.95);
    log(
      `${key}: median ${median(times).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms`,
    );
  }
  // Same run, same browser: an ordinary page to its rendered heading.
  const page = await browser.context.newPage();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await page.goto(site.url(`plain${i}.example`));
    await page.locator('h1').waitFor();
    times.push(performance.now() - started);
  }
  await page.close();
  results.baselineUnlistedPageMsMedian = median(times);
  return results;
}

/** Per path, the share of runs in which the listed page was requested (and so could run). */
async function pathLeaks(browser: ExtensionBrowser, site: SiteServer) {
  site.route(({ url }, res) => {
    const to = url.searchParams.get('to');
    if (!to || url.pathname !== '/302') return false;
    res.writeHead(302, { location: to });
    res.end();
    return true;
  });
  const paths: Record<string, (to: string) => string> = {
    Direct: (to) => to,
    Redirect302: (to) => site.url('sho.rt', `/302?to=${encodeURIComponent(to)}`),
  };
  const results: Record<string, number> = {};
  const runs = Math.max(3, Math.floor(RUNS / 3));
  for (const [name, via] of Object.entries(paths)) {
    for (const stopped of [false, true]) {
      let leaked = 0;
      for (let i = 0; i < runs; i++) {
        const host = `leak-${name}-${stopped}-${i}.${LISTED}`;
        await toWarning(browser, via(site.url(host, '/')), stopped);
        if (site.requestsTo(host).length > 0) leaked++;
      }
      results[`scriptRanShare${name}${stopped ? 'WorkerStopped' : ''}`] = leaked / runs;
    }
  }
  // A look-alike no rule knows in advance: its page is requested; did its script run first?
  let ran = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    const before = site.requests.filter((r) => r.path === '/script-ran').length;
    const arrived = onWarning(page);
    await page.goto(paths.Redirect302!(site.url('icbc-kefu.top', `/r${i}`))).catch(() => undefined);
    await arrived;
    await page.waitForTimeout(300);
    if (site.requests.filter((r) => r.path === '/script-ran').length > before) ran++;
    await page.close();
  }
  results.scriptRanShareLookalike302 = ran / runs;
  log(`look-alike behind a 302: its script ran before the warning in ${ran} of ${runs} runs`);
  return results;
}

/** Replacing the dynamic list rules by those of a 1% delta, at 130k and 1M entries. */
async function dynamicUpdateCost(browser: ExtensionBrowser) {
  const worker = await browser.worker();
  const results: Record<string, number> = {};
  for (const [name, hosts] of [
    ['130k', 1_300],
    ['1M', 10_000],
    ['Cap', DYNAMIC_LIMITS.maxHosts],
  ] as const) {
    // A plain function body: tsx would wrap named inner functions in a helper the worker lacks.
    const ms = await worker.evaluate(async (count) => {
      const added = Array.from({ length: count }, (_, i) => `a${i}.bench-delta.top`);
      const removed = Array.from({ length: count }, (_, i) => `r${i}.bench-delta.top`);
      const resourceTypes = ['main_frame'];
      const started = performance.now();
      await chrome.declarativeNetRequest.updateDynamicRules({
        removeRuleIds: [900_001, 900_002],
        addRules: [
          {
            id: 900_001,
            priority: 3,
            action: { type: 'block' },
            condition: { requestDomains: added, resourceTypes },
          },
          {
            id: 900_002,
            priority: 2,
            action: { type: 'allow' },
            condition: { requestDomains: removed, resourceTypes },
          },
        ],
      });
      const elapsed = performance.now() - started;
      await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [900_001, 900_002] });
      return elapsed;
    }, hosts);
    results[`dynamicRulesUpdate${name}Ms`] = ms;
    log(`dynamic rules for ${name} (${hosts} added + ${hosts} removed): ${ms.toFixed(0)} ms`);
  }
  return results;
}

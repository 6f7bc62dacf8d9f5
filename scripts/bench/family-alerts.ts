import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../server/main';
import { CHECK_IN_HOURS } from '../../shared/family-alerts';
import {
  launchExtension,
  visit,
  WARNING_PAGE,
  type ExtensionBrowser,
} from '../../tests/e2e/browser';
import { LISTED, openOptions, sendFrom, whenReady } from '../../tests/e2e/family-helpers';
import { startSiteServer } from '../../tests/e2e/site-server';

const log = (message: string) => process.stderr.write(`[alerts] ${message}\n`);
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/scam-guard-bench-alerts.json`;
const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';
const SHORT_POLL_SECONDS = 2;
const DEFAULT_POLL_SECONDS = 60;
const SHORT_RUNS = Number(process.env.BENCH_ALERT_RUNS ?? 8);
// Each run waits for a poll of 60 s: three runs take about two minutes.
const DEFAULT_RUNS = Number(process.env.BENCH_ALERT_DEFAULT_RUNS ?? 3);

interface WireRequest {
  method: string;
  path: string;
  bytes: number;
}

/**
 * A TCP proxy in front of the service that splits what Chromium sends into HTTP requests
 * and counts each one's bytes, headers included: the bytes an alert costs on the wire.
 */
function countingProxy(listenPort: number, targetPort: number) {
  const requests: WireRequest[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = pending.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const total = end + 4 + length;
        if (pending.length < total) break;
        const [method = '', path = ''] = head.split(' ');
        requests.push({ method, path, bytes: total });
        pending = pending.subarray(total);
      }
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return {
    requests,
    listen: () => new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function writePolicy(pollSeconds: number) {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': { extensions: { [EXTENSION_ID]: { alertPollSeconds: pollSeconds } } },
    }),
  );
}

async function notificationCount(relative: ExtensionBrowser): Promise<number> {
  const worker = await relative.worker();
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).length);
}

/** Pairs the two browsers the way their options pages do. */
async function pair(relative: ExtensionBrowser, mum: ExtensionBrowser): Promise<void> {
  const watcher = await openOptions(relative);
  const started = (await sendFrom(watcher, 'watch/start', { name: 'Mum', phone: '' })) as {
    value: { code: string };
  };
  const { code } = started.value;
  const protectedPage = await openOptions(mum);
  await sendFrom(protectedPage, 'alerts/pair', { code });
  await sendFrom(watcher, 'watch/pending', {});
  await watcher.close();
  await protectedPage.close();
}

/** Warning shown in Mum's browser → notification in the relative's, `runs` times. */
async function delays(
  relative: ExtensionBrowser,
  mum: ExtensionBrowser,
  site: Awaited<ReturnType<typeof startSiteServer>>,
  runs: number,
  pollSeconds: number,
): Promise<number[]> {
  const out: number[] = [];
  const tab: Page = await mum.context.newPage();
  for (let run = 0; run < runs; run++) {
    // At a random point of the poll period, as a real warning would fall: right after the
    // previous notification every warning would wait a whole period.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * pollSeconds * 1000));
    const before = await notificationCount(relative);
    const since = Date.now();
    // A host of its own each time: one alert per host in ten minutes.
    await visit(tab, site.url(`run${run}-${pollSeconds}.${LISTED.phishing}`, '/'), WARNING_PAGE);
    const deadline = since + 3 * pollSeconds * 1000 + 30_000;
    while ((await notificationCount(relative)) === before) {
      if (Date.now() > deadline) throw new Error('no notification arrived');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    out.push(Date.now() - since);
    log(`poll ${pollSeconds} s: warning → notification ${out.at(-1)} ms`);
  }
  await tab.close();
  return out;
}

/**
 * Family alerts between two real Chromium profiles through the real service: time from a
 * warning to the relative's notification at the default and a policy-shortened poll period
 * (the baseline is the period itself: a uniform wait averages half of it), bytes on the wire
 * per alert, and the requests each side makes in a day.
 */
export async function runFamilyAlertBench(): Promise<Record<string, number>> {
  const work = mkdtempSync(join(tmpdir(), 'scam-guard-bench-alerts-'));
  const server = await startServer({ port: 8788, listDir: work, databasePath: join(work, 'db') });
  const proxy = countingProxy(8787, 8788);
  await proxy.listen();
  const site = await startSiteServer();
  const results: Record<string, number> = {};
  try {
    for (const [pollSeconds, runs] of [
      [SHORT_POLL_SECONDS, SHORT_RUNS],
      [DEFAULT_POLL_SECONDS, DEFAULT_RUNS],
    ] as const) {
      if (runs === 0) continue;
      writePolicy(pollSeconds);
      const [relative, mum] = await Promise.all([launchExtension(), launchExtension()]);
      try {
        await Promise.all([whenReady(relative), whenReady(mum)]);
        await pair(relative, mum);
        proxy.requests.length = 0;
        const measured = await delays(relative, mum, site, runs, pollSeconds);
        results[`alertDelayMedianMs_poll${pollSeconds}s`] = median(measured);
        results[`alertDelayMaxMs_poll${pollSeconds}s`] = Math.max(...measured);
        results[`alertDelayBaselineMs_poll${pollSeconds}s`] = (pollSeconds * 1000) / 2;
        const posts = proxy.requests.filter(
          (r) => r.method === 'POST' && r.path.endsWith('/messages'),
        );
        if (posts.length) results.alertRequestBytes = median(posts.map((r) => r.bytes));
        const polls = proxy.requests.filter(
          (r) => r.method === 'GET' && r.path.includes('/messages'),
        );
        if (polls.length) results.alertPollRequestBytes = median(polls.map((r) => r.bytes));
      } finally {
        await relative.close();
        await mum.close();
      }
    }
    // A day of a quiet protected browser: its check-ins; each alert adds one request.
    results.protectedRequestsPerDayQuiet = 24 / CHECK_IN_HOURS;
    results.relativeRequestsPerDayPerWatched = (24 * 3600) / DEFAULT_POLL_SECONDS;
  } finally {
    rmSync(POLICY_FILE, { force: true });
    await site.close();
    await proxy.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

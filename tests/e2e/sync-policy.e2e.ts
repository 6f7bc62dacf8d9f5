import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import { endsBlocked, closeSession, startSession, type ExtensionBrowser } from './browser';
import { ListPublisher } from './list-publisher';
import type { SiteServer } from './site-server';

/**
 * Publish to protection with nobody pressing anything: a real policy file shortens the
 * sync period to one minute, the real server publishes, the extension's alarm does the rest.
 */
const POLICY_FILE = '/etc/chromium/policies/managed/scam-guard-sync-test.json';
const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';

const publisher = new ListPublisher(30);
let server: RunningServer;
let site: SiteServer;
let browser: ExtensionBrowser | undefined;
let page: Page;

const blocked = (host: string) => endsBlocked(page, site.url(host, `/${Date.now()}`));

async function waitUntilBlocked(host: string, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await blocked(host)) return Date.now() - started;
    await page.waitForTimeout(1000);
  }
  throw new Error(`${host} was not blocked within ${limitMs} ms`);
}

beforeAll(async () => {
  mkdirSync('/etc/chromium/policies/managed', { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: { syncIntervalMinutes: 1 } } } }),
  );
  await publisher.publish(1, ['first-wave.top']);
  const database = join(mkdtempSync(join(tmpdir(), 'scam-guard-db-')), 'reports.db');
  server = await startServer({ port: 8787, listDir: publisher.dir, databasePath: database });
  ({ site, browser, page } = await startSession());
});

// Removed even when a test fails: the policy would otherwise apply to every Chromium here.
afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await closeSession({ browser, site });
  await server?.close();
});

describe('sync driven by the alarm, with the period shortened by policy', () => {
  it('picks up the first list within the random start-up delay', async () => {
    await waitUntilBlocked('first-wave.top', 100_000);
  });

  it('protects against a newly published site within one period', async () => {
    await publisher.publish(2, ['first-wave.top', 'second-wave.top']);
    const ms = await waitUntilBlocked('second-wave.top', 100_000);
    console.log(`publish to protection, alarm every minute: ${ms} ms`);
    expect(ms).toBeLessThan(100_000);
  });
});

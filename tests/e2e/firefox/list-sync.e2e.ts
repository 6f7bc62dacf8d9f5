import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/main';
import { ListPublisher } from '../list-publisher';
import { startSiteServer, type SiteServer } from '../site-server';
import { endsBlocked, launchFirefox, type FirefoxExtension } from './firefox-browser';

// The build fetches http://127.0.0.1:8787/list/manifest.json (the default SCAM_GUARD_LIST_URL).
const PORT = 8787;

const publisher = new ListPublisher();
const database = join(mkdtempSync(join(tmpdir(), 'scam-guard-firefox-db-')), 'reports.db');
let server: RunningServer;
let site: SiteServer;
let firefox: FirefoxExtension;
let page: Page;

const isBlocked = (host: string) => endsBlocked(page, site.url(host, `/${Date.now()}`));

beforeAll(async () => {
  await publisher.publish(1, ['refund-desk.top', 'old-scam.top']);
  server = await startServer({ port: PORT, listDir: publisher.dir, databasePath: database });
  site = await startSiteServer();
  firefox = await launchFirefox(site.port);
  page = await firefox.newTab();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await server?.close();
});

describe('Firefox: list sync against the real list server', () => {
  it('syncs the published list and blocks what it lists', async () => {
    expect(await firefox.updateNow()).toBeNull();
    expect(await isBlocked('refund-desk.top')).toBe(true);
    expect(await isBlocked('news.example')).toBe(false);
  });

  it('applies a delta: the added domain is blocked, the removed one is not', async () => {
    await publisher.publish(2, ['refund-desk.top', 'new-scam.top']);
    expect(await firefox.updateNow()).toBeNull();
    expect(await isBlocked('new-scam.top')).toBe(true);
    expect(await isBlocked('old-scam.top')).toBe(false);
  });

  it('refuses a delta with a bad signature and keeps the previous list', async () => {
    await publisher.publish(3, ['refund-desk.top', 'new-scam.top', 'bad-3.top']);
    publisher.tamper('delta-2-3.sgl', (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 1]! ^= 0xff;
      return copy;
    });
    expect(await firefox.updateNow()).toMatch(/not signed by Scam Guard/);
    expect(await isBlocked('new-scam.top'), 'previous list still active').toBe(true);
    expect(await isBlocked('bad-3.top'), 'refused list not active').toBe(false);
  });
});

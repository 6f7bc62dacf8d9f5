import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import { endsBlocked, closeSession, startSession, type ExtensionBrowser } from './browser';
import { ListPublisher } from './list-publisher';
import type { SiteServer } from './site-server';

// The extension is built to fetch http://127.0.0.1:8787/list/manifest.json (the default
// SCAM_GUARD_LIST_URL), so the real list server runs there.
const PORT = 8787;

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;
let server: RunningServer | null = null;
const publisher = new ListPublisher();
const database = join(mkdtempSync(join(tmpdir(), 'scam-guard-db-')), 'reports.db');

const startListServer = async () => {
  server = await startServer({ port: PORT, listDir: publisher.dir, databasePath: database });
};
const stopListServer = async () => {
  await server?.close();
  server = null;
};

const isBlocked = (host: string) => endsBlocked(page, site.url(host, `/${Date.now()}`));

const updateNow = () => browser.updateNow();

beforeAll(async () => {
  await publisher.publish(1, ['refund-desk.top', 'old-scam.top']);
  await startListServer();
  ({ site, browser, page } = await startSession());
});

afterAll(async () => {
  await closeSession({ browser, site });
  await stopListServer();
});

describe('list sync against the real list server', () => {
  it('syncs the published list and blocks what it lists', async () => {
    expect(await updateNow()).toBeNull();
    expect(await isBlocked('refund-desk.top')).toBe(true);
    expect(await isBlocked('news.example')).toBe(false);
  });

  it('applies a delta: the added domain is blocked, the removed one is not', async () => {
    const published = Date.now();
    const manifest = await publisher.publish(2, ['refund-desk.top', 'new-scam.top']);
    expect(manifest.deltas.map((d) => [d.from, d.to])).toEqual([[1, 2]]);
    // Only the delta can succeed: a fallback to the snapshot would fetch a cut-off file.
    publisher.tamper('snapshot-2.sgl', (bytes) => bytes.subarray(0, 100), true);
    expect(await updateNow()).toBeNull();
    expect(await isBlocked('new-scam.top')).toBe(true);
    console.log(`publish to protection with "Update now": ${Date.now() - published} ms`);
    // Refused in the network stack, not only redirected: the site never heard of the visit.
    expect(site.requestsTo('new-scam.top')).toEqual([]);
    expect(await isBlocked('old-scam.top')).toBe(false);
    expect(site.requestsTo('old-scam.top').length).toBeGreaterThan(0);
  });

  let version = 2;
  const listed = ['refund-desk.top', 'new-scam.top'];

  it.each([
    [
      'a delta with a bad signature',
      (from: number) => publisher.tamper(`delta-${from}-${from + 1}.sgl`, flipLastByte),
      /not signed by Scam Guard/,
    ],
    [
      'a delta damaged on the way (bad checksum)',
      (from: number) =>
        publisher.tamper(`delta-${from}-${from + 1}.sgl`, (b) => flipByte(b, 40), true),
      /damaged on the way/,
    ],
    [
      'a truncated snapshot',
      (from: number) => {
        publisher.writeManifest({ ...publisher.manifest(), deltas: [] });
        publisher.tamper(`snapshot-${from + 1}.sgl`, (b) => b.subarray(0, b.length - 100), true);
      },
      /cut off/,
    ],
    [
      'an older version',
      () => publisher.writeManifest({ ...publisher.manifest(), version: 1 }),
      /older list than yours/,
    ],
  ])(
    'refuses %s, keeps the previous list and recovers on the next good publish',
    async (_what, damage, shown) => {
      const from = version;
      const bad = `bad-${from + 1}.top`;
      await publisher.publish(++version, [...listed, bad]);
      damage(from);

      expect(await updateNow()).toMatch(shown);
      expect(await isBlocked('new-scam.top'), 'previous list still active').toBe(true);
      expect(await isBlocked(bad), 'refused list not active').toBe(false);

      await publisher.publish(++version, [...listed, bad]);
      expect(await updateNow()).toBeNull();
      expect(await isBlocked(bad)).toBe(true);
    },
  );

  it('backs off on a 500 with Retry-After and keeps the list', async () => {
    await stopListServer();
    const failing: Server = createServer((_req, res) => {
      // A well-configured CDN sends CORS headers on errors too.
      res
        .writeHead(500, { 'retry-after': '120', 'access-control-allow-origin': '*' })
        .end('down for maintenance');
    });
    await new Promise<void>((resolve) => failing.listen(PORT, '127.0.0.1', resolve));
    try {
      expect(await updateNow()).toMatch(/update server had a problem/);
      const state = await (
        await browser.worker()
      ).evaluate(async () => {
        const request = indexedDB.open('scam-guard');
        const db = await new Promise<IDBDatabase>(
          (resolve) => (request.onsuccess = () => resolve(request.result)),
        );
        const get = db.transaction('meta').objectStore('meta').get('syncState');
        return new Promise<{ nextAllowedAt: number; failures: number }>(
          (resolve) => (get.onsuccess = () => resolve(get.result)),
        );
      });
      expect(state.failures).toBe(1);
      expect(state.nextAllowedAt - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(await isBlocked('new-scam.top')).toBe(true);
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
      await startListServer();
    }
    expect(await updateNow()).toBeNull();
  });

  it('is wholly old or wholly new when the worker is stopped while installing an update', async () => {
    // A big list makes the install transaction long enough to be interrupted.
    const many = Array.from({ length: 60_000 }, (_, i) => `bulk-${i}.scam-farm.top`);
    await publisher.publish(++version, [...listed, 'only-new.top', ...many]);
    const popup = await browser.openPopup();
    await popup.getByTestId('update-now').click();
    await popup.waitForTimeout(400);
    await browser.stopWorker();
    await popup.close().catch(() => {});

    const newBlocked = await isBlocked('only-new.top');
    const bulkBlocked = await isBlocked('bulk-59999.scam-farm.top');
    expect(bulkBlocked).toBe(newBlocked);
    expect(await isBlocked('new-scam.top')).toBe(true);
    // Whatever happened, the next sync completes the update.
    expect(await updateNow()).toBeNull();
    expect(await isBlocked('only-new.top')).toBe(true);
  });
});

function flipLastByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1]! ^= 0xff;
  return copy;
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

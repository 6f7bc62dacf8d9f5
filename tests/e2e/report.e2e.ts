import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import type { StoredReport } from '../../server/store/report-store';
import { createSqliteStore } from '../../server/store/sqlite-store';
import {
  endsBlocked,
  visit,
  closeSession,
  launchExtension,
  startSession,
  type ExtensionBrowser,
  WARNING_PAGE,
  screenshotPath,
} from './browser';
import type { SiteServer } from './site-server';

// The extension is built to POST to http://127.0.0.1:8787/v1/reports (the default
// SCAM_GUARD_REPORT_URL), so the real report service runs there, on a real SQLite file.
const PORT = 8787;

const work = mkdtempSync(join(tmpdir(), 'scam-guard-report-'));
const database = join(work, 'reports.db');
let server: RunningServer | null = null;
let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

const startReportServer = async () => {
  server = await startServer({ port: PORT, listDir: work, databasePath: database });
};
const stopReportServer = async () => {
  await server?.close();
  server = null;
};

/** The server's stored reports, read from its SQLite file. */
async function storedReports(): Promise<StoredReport[]> {
  const store = createSqliteStore(database);
  try {
    return await store.list({ limit: 1000 });
  } finally {
    await store.close();
  }
}

/** Polls the server's database until a report of `url` and `kind` is there. */
async function arrivedReport(url: string, kind: StoredReport['kind']): Promise<StoredReport> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = (await storedReports()).find((r) => r.url === url && r.kind === kind);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${kind} report of ${url} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reports still waiting in the extension's IndexedDB queue. */
async function queuedCount(): Promise<number> {
  return (await browser.worker()).evaluate(async () => {
    const request = indexedDB.open('scam-guard');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const count = db.transaction('reports').objectStore('reports').count();
    return new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)));
  });
}

const openPopupFor = (tab: Page) => browser.openPopup(tab, { width: 380, height: 720 });

/** Waits for the warning page (a block can land just after the site's first commit). */
const expectBlocked = (host: string) => visit(page, site.url(host, `/${Date.now()}`), WARNING_PAGE);

const isBlocked = (host: string) => endsBlocked(page, site.url(host, `/${Date.now()}`));

beforeAll(async () => {
  await startReportServer();
  ({ site, browser, page } = await startSession());
});

afterAll(async () => {
  await closeSession({ browser, site });
  await stopReportServer();
});

describe('reporting against the real report service', () => {
  it('"Report this page" shows what is sent once, blocks the site and delivers the report', async () => {
    const url = site.url('report-me.top', '/pay');
    await visit(page, url);
    const popup = await openPopupFor(page);
    await popup.getByText('Add details (optional)').click();
    await popup.getByLabel('What kind of scam did it look like?').selectOption('fake-refund');
    await popup.getByLabel('Note for the reviewers').fill('Asked for my bank card PIN');
    await popup.getByRole('button', { name: 'Report this page' }).click();

    const preview = popup.getByTestId('report-preview');
    await preview.waitFor();
    for (const shown of [url, 'Fake refund', 'Asked for my bank card PIN', '0.1.0']) {
      await expect(preview.textContent()).resolves.toContain(shown);
    }
    await popup.screenshot({ path: screenshotPath('popup-report-en.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Send report' }).click();
    await popup.getByText(/Reported\. Thank you/).waitFor();
    await popup.close();

    await expectBlocked('report-me.top');
    const stored = await arrivedReport(url, 'scam');
    expect(stored).toMatchObject({ category: 'fake-refund', note: 'Asked for my bank card PIN' });
    expect(stored.installId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('"This site is safe — report a mistake" on the warning page sends a false-positive report', async () => {
    const url = site.url('report-me.top', '/actually-fine');
    await visit(page, url, WARNING_PAGE);
    await page.getByRole('button', { name: 'This site is safe — report a mistake' }).click();
    await page.getByTestId('mistake-reported').waitFor();
    expect((await arrivedReport(url, 'false-positive')).kind).toBe('false-positive');
    // Reporting a mistake unblocks nothing.
    await expectBlocked('report-me.top');
  });

  it('undo removes the block', async () => {
    await visit(page, site.url('undo-me.top'));
    const popup = await openPopupFor(page);
    // The preview was seen once already: now it is one click.
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await popup.getByText(/Reported\. Thank you/).waitFor();
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByTestId('report-undone').waitFor();
    await popup.close();
    expect(await isBlocked('undo-me.top')).toBe(false);
  });

  it('keeps a report queued while the server is down, across a browser restart', async () => {
    await stopReportServer();
    const url = site.url('while-down.top', '/');
    await visit(page, url);
    const popup = await openPopupFor(page);
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await popup.getByText(/Reported\. Thank you/).waitFor();
    await popup.close();
    await expectBlocked('while-down.top');
    await expect.poll(() => queuedCount()).toBe(1);

    const { profileDir } = browser;
    await browser.close();
    browser = await launchExtension({ profileDir });
    page = await browser.context.newPage();
    expect(await queuedCount()).toBe(1);

    await startReportServer();
    // The worker's own retry waits out its back-off (15 min or more); "send now" does not.
    const sender = await browser.openPopup();
    const reply = await sender.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'report/flush', payload: {} }),
    );
    expect(reply).toEqual({ ok: true, value: { delivered: 1, refused: 0, pending: 0 } });
    await sender.close();
    await arrivedReport(url, 'scam');
    expect(await queuedCount()).toBe(0);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/main';
import { createSqliteStore } from '../../../server/store/sqlite-store';
import { LISTED } from '../family-helpers';
import { startSiteServer, type SiteServer } from '../site-server';
import {
  clickOn,
  endsBlocked,
  fillIn,
  go,
  launchFirefox,
  locationOf,
  testIdText,
  waitForLocation,
  WARNING_PAGE,
  type FirefoxExtension,
} from './firefox-browser';

// The build reports to http://127.0.0.1:8787/v1/reports (the default SCAM_GUARD_REPORT_URL).
const PORT = 8787;
const work = mkdtempSync(join(tmpdir(), 'scam-guard-firefox-report-'));
const database = join(work, 'reports.db');

let site: SiteServer;
let server: RunningServer;
let firefox: FirefoxExtension;
let page: Page;

beforeAll(async () => {
  server = await startServer({ port: PORT, listDir: work, databasePath: database });
  site = await startSiteServer();
  firefox = await launchFirefox(site.port);
  page = await firefox.newTab();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await server?.close();
});

const click = (on: Page, text: string) => clickOn(on, `button::-p-text(${text})`);

describe('Firefox: the bundled list', () => {
  it('blocks a listed site and its subdomain, and lets an unlisted one load', async () => {
    expect(await endsBlocked(page, site.url(LISTED.phishing, '/login'))).toBe(true);
    expect(await endsBlocked(page, site.url(`secure.${LISTED.phishing}`, '/login'))).toBe(true);
    expect(await endsBlocked(page, site.url('news.example', '/'))).toBe(false);
    // Refused in the network stack by the static ruleset: no request reached the site.
    expect(site.requestsTo(LISTED.phishing)).toEqual([]);
    expect(site.served).toContain('news.example');
  });

  it('explains the category on the warning page, with no hotline in English', async () => {
    await go(page, site.url(LISTED.scam, '/shop'), WARNING_PAGE);
    await expect(testIdText(page, 'blocked-host')).resolves.toBe(LISTED.scam);
    await expect(testIdText(page, 'category')).resolves.toBe('Scam');
    expect(await testIdText(page, 'remember')).toMatch(/stop and ask someone you trust first/);
    await expect(page.$('[data-testid="hotline"]')).resolves.toBeNull();
  });
});

describe('Firefox: "Go back to safety"', () => {
  it('returns to the page before the scam', async () => {
    const before = site.url('news.example', '/before-the-scam');
    await go(page, before);
    await go(page, site.url(LISTED.malware), WARNING_PAGE);
    await click(page, 'Go back to safety');
    await waitForLocation(page, (url) => url === before);
  });

  it('leaves a tab opened straight onto a scam for a new tab', async () => {
    const stuck = await firefox.newTab();
    await go(stuck, site.url(LISTED.phishing, '/from-a-message'), WARNING_PAGE);
    const stuckId = await firefox.tabId(stuck);
    const before = await firefox.browser.pages();
    await click(stuck, 'Go back to safety');
    // The warning tab is replaced by a new one on Firefox's new-tab page.
    const deadline = Date.now() + 10_000;
    let open = await firefox.tabIds();
    while (open.includes(stuckId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await firefox.tabIds();
    }
    expect(open).not.toContain(stuckId);
    // WebDriver learns of the new tab, and the tab of its page, a moment later.
    let newTabs: Page[] = [];
    while (newTabs.length === 0 && Date.now() < deadline) {
      const added = (await firefox.browser.pages()).filter((p) => !before.includes(p));
      const locations = await Promise.all(added.map(locationOf));
      newTabs = added.filter((_, i) => locations[i] === 'about:newtab');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(newTabs).toHaveLength(1);
    await newTabs[0]!.close();
  });
});

describe('Firefox: the personal blocklist and "Report this page"', () => {
  it('"Block this site" in the popup blocks the site and its subdomains', async () => {
    await go(page, site.url('scam-shop.top', '/'));
    const popup = await firefox.openPopup(page);
    await click(popup, 'Block this site');
    await popup.waitForSelector('::-p-text(You blocked scam-shop.top)');
    await popup.close();
    expect(await endsBlocked(page, site.url('scam-shop.top', '/again'))).toBe(true);
    expect(await endsBlocked(page, site.url('www.scam-shop.top', '/'))).toBe(true);
  });

  it('"Report this page" blocks the site and delivers the report to the service', async () => {
    const url = site.url('report-me.top', '/pay');
    await go(page, url);
    const popup = await firefox.openPopup(page);
    await click(popup, 'Report this page');
    const preview = await popup.waitForSelector('[data-testid="report-preview"]');
    expect(await preview!.evaluate((node) => node.textContent)).toContain(url);
    await click(popup, 'Send report');
    await popup.waitForSelector('::-p-text(Reported. Thank you)');
    await popup.close();
    expect(await endsBlocked(page, site.url('report-me.top', '/later'))).toBe(true);

    const store = createSqliteStore(database);
    const deadline = Date.now() + 15_000;
    let stored = await store.list({ limit: 100 });
    while (!stored.some((r) => r.url === url) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stored = await store.list({ limit: 100 });
    }
    await store.close();
    expect(stored.find((r) => r.url === url)).toMatchObject({ kind: 'scam' });
  });
});

describe('Firefox: family mode', () => {
  it('set up in the options page, strict mode leaves no way past the warning', async () => {
    const options = await firefox.newTab();
    await go(options, firefox.extensionUrl('extension/options/index.html'));
    await click(options, 'Set up family mode');
    await fillIn(options, '#contact-name', 'Xiao Ming');
    await fillIn(options, '#contact-phone', '+86 138 0000 0000');
    await click(options, 'Next');
    await clickOn(options, '#strict-mode');
    await click(options, 'Next');
    await fillIn(options, '#pin-new', '2468');
    await fillIn(options, '#pin-repeat', '2468');
    await click(options, 'Next');
    await options.waitForSelector('::-p-text(Step 4 of 6)');
    await click(options, 'Next');
    await options.waitForSelector('::-p-text(Step 5 of 6)');
    await click(options, 'Next');
    await options.waitForSelector('::-p-text(Step 6 of 6)');
    await click(options, 'Next');
    await options.waitForSelector('::-p-text(Family mode is set up.)');
    await options.close();

    await go(page, site.url(LISTED.phishing, '/family'), WARNING_PAGE);
    await page.waitForSelector('::-p-text(Call Xiao Ming before you do anything:)');
    const phone = await page.$eval('[data-testid="family-phone"]', (a) => a.getAttribute('href'));
    expect(phone).toBe('tel:+8613800000000');
    await expect(page.$('::-p-text(I understand the risk)')).resolves.toBeNull();
  });
});

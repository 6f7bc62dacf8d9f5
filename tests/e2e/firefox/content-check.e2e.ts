import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPage, parseContentModel } from '../../../shared/content';
import type { CorpusSample } from '../../../scripts/lib/content-corpus';
import { contentReason } from '../../../extension/warning/content-reason';
import { browserView } from '../../../scripts/lib/browser-view';
import { fixtureHtml, heldOutSamples } from '../content-fixtures';
import { startSiteServer, type SiteServer } from '../site-server';
import {
  go,
  launchFirefox,
  locationOf,
  testIdText,
  WARNING_PAGE,
  type FirefoxExtension,
} from './firefox-browser';

// The content check in Firefox, with page access granted the way a user grants it: the
// welcome page's button calls permissions.request from a real click. Firefox would then show
// its prompt, which WebDriver cannot answer; with extensions.webextOptionalPermissionPrompts
// off, Firefox grants the request instead, so the extension's own code path is what grants it.
const en = JSON.parse(readFileSync('extension/_locales/en/content.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const model = parseContentModel(JSON.parse(readFileSync('data/content-model.json', 'utf8')));
const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

let site: SiteServer;
let firefox: FirefoxExtension;
let page: Page;
let samples: CorpusSample[];

const pageAccess = (on: Page) =>
  on.evaluate((origins) => chrome.permissions.contains({ origins }), PAGE_ORIGINS);
const registeredScripts = (on: Page) =>
  on.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);

beforeAll(async () => {
  samples = await heldOutSamples();
  const byHost = new Map(samples.map((s) => [s.page.host, fixtureHtml(s)]));
  site = await startSiteServer();
  site.route(({ host }, res) => {
    const html = byHost.get(host);
    if (!html) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
    return true;
  });
  firefox = await launchFirefox(site.port, { keepWelcome: true, grantOptionalPermissions: true });
  page = await firefox.newTab();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

describe('Firefox: page checking', () => {
  it('is off at install, and the welcome page button switches it on', async () => {
    const welcome = firefox.welcome!;
    await expect(pageAccess(welcome)).resolves.toBe(false);
    await expect(registeredScripts(welcome)).resolves.toBe(0);
    await welcome.bringToFront();
    const allow = await welcome.waitForSelector('button::-p-text(Allow Scam Guard to read pages)');
    await allow!.click();
    await welcome.waitForSelector('::-p-text(Page checking is on.)');
    await expect(pageAccess(welcome)).resolves.toBe(true);
    // The background registers the content script as the grant arrives.
    const deadline = Date.now() + 5000;
    while ((await registeredScripts(welcome)) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect(registeredScripts(welcome)).resolves.toBe(1);
  });

  it('warns about a scam page it reads, naming the scenario', async () => {
    const sample = samples.find(
      (s) =>
        s.label === 'police-impersonation' &&
        classifyPage(browserView(s), { model }).scenario === 'police-impersonation',
    );
    expect(sample, 'a held-out police-impersonation page the model names').toBeDefined();
    await go(page, site.url(sample!.page.host), WARNING_PAGE);
    await expect(testIdText(page, 'content-reason')).resolves.toBe(
      en[contentReason('police-impersonation')]!.message,
    );
  });

  it('lets a hard negative (a page about scams that is not one) load with no warning', async () => {
    const sample = samples.find(
      (s) =>
        s.label === 'benign' &&
        s.kind !== 'ordinary' &&
        !classifyPage(browserView(s), { model }).suspicious,
    );
    expect(sample, 'a held-out hard negative').toBeDefined();
    const url = site.url(sample!.page.host);
    await go(page, url);
    // The check runs when the page is idle; its answer is recorded for the tab. Wait for it,
    // so that "no warning" is not just "not yet".
    const tabId = await firefox.tabId(page);
    const deadline = Date.now() + 10_000;
    let record: { url: string; suspicious: boolean } | undefined;
    while (record?.url !== url && Date.now() < deadline) {
      record = await firefox.welcome!.evaluate(async (key) => {
        const found = await chrome.storage.session.get(key);
        return found[key] as { url: string; suspicious: boolean } | undefined;
      }, `content:${tabId}`);
      if (record?.url !== url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(record, sample!.id).toMatchObject({ url, suspicious: false });
    await expect(locationOf(page)).resolves.toBe(url);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCatalogs } from '../../scripts/lib/locales';
import { startServer, type RunningServer } from '../../server/main';
import { CATEGORIES, type Category } from '../../shared/categories';
import { launchExtension, visit, type ExtensionBrowser, WARNING_PAGE } from './browser';

import { ListPublisher } from './list-publisher';
import { startSiteServer, type SiteServer } from './site-server';

// Every category reaches the browser the way it does for users: published by the real list
// server (port 8787, the build's default list URL) and synced, one made-up host each.
const hostFor = (category: Category) => `${category}-example.top`;
const ADVICE_KEY: Record<Category, string> = {
  'police-impersonation': 'PoliceImpersonation',
  'fake-refund': 'FakeRefund',
  'credit-loan': 'CreditLoan',
  'investment-romance': 'InvestmentRomance',
  gambling: 'Gambling',
  'paid-tasks': 'PaidTasks',
  phishing: 'Phishing',
  malware: 'Malware',
  scam: 'Scam',
};

const publisher = new ListPublisher();
let server: RunningServer;
let site: SiteServer;
const open: ExtensionBrowser[] = [];

afterAll(async () => {
  for (const browser of open) await browser.close();
  await site?.close();
  await server?.close();
});

async function syncedBrowser(lang: string): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchExtension({ lang });
  open.push(browser);
  expect(await browser.updateNow()).toBeNull();
  return { browser, page: await browser.context.newPage() };
}

describe.each([
  ['en', 'en-US'],
  ['zh_CN', 'zh-CN'],
])('the warning explains every kind of scam (%s)', (locale, lang) => {
  const catalog = mergeCatalogs(`extension/_locales/${locale}`);
  let page: Page;

  it('syncs a list with one site of each category', async () => {
    if (!server) {
      await publisher.publish(
        1,
        Object.fromEntries(CATEGORIES.map((c) => [c, [hostFor(c)]])) as Record<Category, string[]>,
      );
      server = await startServer({ port: 8787, listDir: publisher.dir, databasePath: ':memory:' });
      site = await startSiteServer();
    }
    ({ page } = await syncedBrowser(lang));
  });

  it.each(CATEGORIES)('%s', async (category) => {
    await visit(page, site.url(hostFor(category), '/'), WARNING_PAGE);
    const text = await page.locator('main').innerText();
    for (const part of ['Why', 'Remember']) {
      const message = catalog[`warning${part}${ADVICE_KEY[category]}`]?.message;
      expect(message, `${locale} warning${part}${ADVICE_KEY[category]}`).toBeTruthy();
      expect(text).toContain(
        message!
          .replace(/\$[A-Z_]+\$/g, '')
          .trim()
          .slice(0, 20),
      );
    }
  });
});

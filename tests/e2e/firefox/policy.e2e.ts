import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../extension/platform/firefox-manifest';
import { screenshotPath } from '../browser';
import { LISTED } from '../family-helpers';
import { startSiteServer, type SiteServer } from '../site-server';
import {
  go,
  launchFirefox,
  setViewport,
  testIdText,
  WARNING_PAGE,
  type FirefoxExtension,
} from './firefox-browser';

/**
 * Firefox's enterprise policy file, global to this Firefox installation; the extension's
 * managed storage is `3rdparty.Extensions.<add-on id>` in it. Whatever was there before
 * is put back afterwards, even when a test fails.
 */
const POLICY_FILE =
  process.env.FIREFOX_POLICIES ?? '/usr/lib/firefox-esr/distribution/policies.json';
const previous = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE) : null;

function writePolicy(managed: Record<string, unknown>): void {
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: managed } } } }),
  );
}

let site: SiteServer;
let firefox: FirefoxExtension | undefined;

beforeAll(async () => {
  site = await startSiteServer();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  if (previous) writeFileSync(POLICY_FILE, previous);
  else rmSync(POLICY_FILE, { force: true });
});

async function warningUnder(managed: Record<string, unknown>, host: string): Promise<Page> {
  await firefox?.close();
  writePolicy(managed);
  firefox = await launchFirefox(site.port);
  const tab = await firefox.newTab();
  // The size the Chrome Web Store and AMO take for screenshots.
  await setViewport(tab, { width: 1280, height: 800 });
  await go(tab, site.url(host, '/login'), WARNING_PAGE);
  await tab.waitForSelector('[data-testid="family-phone"]');
  return tab;
}

const hasText = (page: Page, text: string) =>
  page.evaluate((wanted) => document.body.textContent?.includes(wanted) ?? false, text);

describe('Firefox: managed policy through policies.json', () => {
  it('forces strict mode, the contact and Chinese: category, call line and 96110', async () => {
    const tab = await warningUnder(
      {
        strictMode: true,
        familyContactName: '王管理员',
        familyContactPhone: '010 1234 5678',
        language: 'zh_CN',
      },
      LISTED.phishing,
    );
    await expect(testIdText(tab, 'category')).resolves.toBe('钓鱼网站（假冒银行、购物或登录页面）');
    expect(await hasText(tab, '做任何事之前，请先给王管理员打电话：')).toBe(true);
    const phone = await tab.$eval('[data-testid="family-phone"]', (a) => a.getAttribute('href'));
    expect(phone).toBe('tel:01012345678');
    const hotline = await tab.$eval('[data-testid="hotline"]', (a) => a.getAttribute('href'));
    expect(hotline).toBe('tel:96110');
    expect(await hasText(tab, '我了解风险'), 'no "open anyway" in strict mode').toBe(false);
    await tab.screenshot({ path: screenshotPath('store-warning-zh_CN.png') });
  });

  it('in English: category, call line and the hotline the policy names', async () => {
    const tab = await warningUnder(
      {
        strictMode: true,
        familyContactName: 'Admin Wang',
        familyContactPhone: '010 1234 5678',
        hotline: '999',
        language: 'en',
      },
      LISTED.scam,
    );
    await expect(testIdText(tab, 'category')).resolves.toBe('Scam');
    expect(await hasText(tab, 'Call Admin Wang before you do anything:')).toBe(true);
    const hotline = await tab.$eval('[data-testid="hotline"]', (a) => a.getAttribute('href'));
    expect(hotline).toBe('tel:999');
    expect(await hasText(tab, 'I understand the risk')).toBe(false);
    await tab.screenshot({ path: screenshotPath('store-warning-en.png') });
  });
});

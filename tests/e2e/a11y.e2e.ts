import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, visit, type ExtensionBrowser, WARNING_PAGE } from './browser';
import { LISTED, openOptions, openPopupFor, whenReady } from './family-helpers';
import { startSiteServer, type SiteServer } from './site-server';

let site: SiteServer;

beforeAll(async () => {
  site = await startSiteServer();
});
afterAll(() => site?.close());

/** Serious and critical axe violations only, summarised so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function checkAllPages(browser: ExtensionBrowser, lang: RegExp): Promise<void> {
  const tab = await browser.context.newPage();
  await visit(tab, site.url(LISTED.phishing), WARNING_PAGE);
  await tab.getByTestId('remember').waitFor();
  await tab.locator('details.proceed summary').click();
  expect(await tab.locator('html').getAttribute('lang')).toMatch(lang);
  expect(await seriousViolations(tab)).toEqual([]);

  const popup = await openPopupFor(browser, tab);
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.close();

  const options = await openOptions(browser);
  expect(await seriousViolations(options)).toEqual([]);
  await options.getByRole('button', { name: /Set up family mode|设置家人守护模式/ }).click();
  expect(await seriousViolations(options)).toEqual([]);
  await options.close();
  await tab.close();
}

describe('accessibility (axe: no serious or critical violations)', () => {
  let browser: ExtensionBrowser | undefined;
  afterAll(() => browser?.close());

  it('in English, and at 200% zoom nothing is cut off', async () => {
    browser = await launchExtension();
    await whenReady(browser);
    await checkAllPages(browser, /^en/);

    // 200% zoom on a 1280px window is a 640px-wide page: everything must wrap, not overflow.
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 640, height: 600 });
    await visit(tab, site.url(LISTED.scam), WARNING_PAGE);
    await tab.getByTestId('remember').waitFor();
    const overflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('in large-text mode', async () => {
    const options = await openOptions(browser!);
    await options.getByLabel('Large text').check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();
    await checkAllPages(browser!, /^en/);
    await browser!.close();
    browser = undefined;
  });

  it('in a Chinese browser', async () => {
    browser = await launchExtension({ lang: 'zh-CN' });
    await whenReady(browser);
    await checkAllPages(browser, /^zh-CN$/);
  });
});

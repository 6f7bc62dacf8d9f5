import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  visit,
  closeSession,
  launchExtension,
  startSession,
  type ExtensionBrowser,
  WARNING_PAGE,
  screenshotPath,
} from './browser';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

const openPopupFor = (tab: Page) => browser.openPopup(tab, { width: 380, height: 520 });

async function blockFromPopup(tab: Page): Promise<Page> {
  const popup = await openPopupFor(tab);
  await popup.getByRole('button', { name: 'Block this site' }).click();
  await popup.getByText(/You blocked scam-shop\.top/).waitFor();
  return popup;
}

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
});

afterAll(() => closeSession({ browser, site }));

describe('personal blocklist in a real browser', () => {
  it('lets an unknown site load and says so in the popup', async () => {
    await visit(page, site.url('scam-shop.top'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Welcome to scam-shop.top');
    const popup = await openPopupFor(page);
    await expect(popup.getByTestId('verdict').textContent()).resolves.toBe(
      'No known danger on this page',
    );
    await popup.close();
  });

  it('"Block this site" in the popup protects the next visit, subdomains included', async () => {
    const popup = await blockFromPopup(page);
    await popup.screenshot({ path: screenshotPath('popup-blocked-en.png') });
    await popup.close();

    await visit(page, site.url('scam-shop.top', '/pay'), WARNING_PAGE);
    await expect(page.getByTestId('blocked-host').textContent()).resolves.toBe('scam-shop.top');
    await expect(page.getByRole('button', { name: 'Go back to safety' }).isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: screenshotPath('warning-en.png') });

    await visit(page, site.url('www.scam-shop.top', '/login'), WARNING_PAGE);
    await expect(page.getByTestId('blocked-host').textContent()).resolves.toBe('www.scam-shop.top');
  });

  it('leaves unrelated sites and look-alikes of the blocked domain alone', async () => {
    for (const host of [
      'news.example',
      'scam-sh0p.top',
      'scam-shop.top.example.com',
      'xscam-shop.top',
    ]) {
      await visit(page, site.url(host));
      await expect(page.locator('h1').textContent()).resolves.toBe(`Welcome to ${host}`);
    }
  });

  it('shows the badge on a blocked tab', async () => {
    await visit(page, site.url('scam-shop.top'), WARNING_PAGE);
    await page.getByTestId('blocked-host').waitFor();
    const tabId = await browser.tabId(page);
    const badge = await (
      await browser.worker()
    ).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe('!');
  });

  it('"Go back to safety" returns to the page before the scam', async () => {
    const before = site.url('news.example', '/before-the-scam');
    await visit(page, before);
    await visit(page, site.url('scam-shop.top'), WARNING_PAGE);
    await page.getByRole('button', { name: 'Go back to safety' }).click();
    await page.waitForURL(before, { timeout: 15_000 });
  });

  it('"Go back to safety" in a tab that opened straight on the scam leaves it for a new tab page', async () => {
    const fresh = await browser.context.newPage();
    await visit(fresh, site.url('scam-shop.top', '/from-a-message'), WARNING_PAGE);
    await fresh.getByRole('button', { name: 'Go back to safety' }).click();
    await fresh.waitForURL(
      (url) => !WARNING_PAGE.test(url.href) && !url.href.includes('scam-shop'),
      {
        timeout: 15_000,
      },
    );
    await fresh.close();
  });

  it('keeps the block after the service worker is stopped and a blocked visit wakes it', async () => {
    await browser.stopWorker();
    await visit(page, site.url('scam-shop.top', '/again'), WARNING_PAGE);
  });

  it('renders a hostile URL as inert text', async () => {
    const hostile = site.url('scam-shop.top', '/%E2%80%AEgpj.exe/<script>window.pwned=1</script>');
    await visit(page, hostile, WARNING_PAGE);
    await page.getByText('Technical details').click();
    const shown = await page.getByTestId('blocked-url').textContent();
    expect(shown).toContain('⟨U+202E⟩gpj.exe');
    expect(shown).toContain('<script>window.pwned=1</script>');
    await expect(page.evaluate(() => 'pwned' in window)).resolves.toBe(false);
    await expect(page.locator('script:not([src])').count()).resolves.toBe(0);
  });

  it('undo in the popup removes the block', async () => {
    await visit(page, site.url('news.example'));
    await visit(page, site.url('scam-shop.top'), WARNING_PAGE);
    // Unblock from settings, then block again and undo from the popup.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('extension/options/index.html'));
    await options.getByRole('button', { name: 'Unblock scam-shop.top' }).click();
    await options.getByText('You have not blocked any website.').waitFor();
    await options.close();

    await visit(page, site.url('scam-shop.top'));
    const popup = await blockFromPopup(page);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByRole('button', { name: 'Block this site' }).waitFor();
    await popup.close();
    await visit(page, site.url('scam-shop.top', '/after-undo'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Welcome to scam-shop.top');
  });

  it('keeps the block across a browser restart with the same profile', async () => {
    await visit(page, site.url('scam-shop.top'));
    (await blockFromPopup(page)).close();
    const profileDir = browser.profileDir;
    await browser.close();

    browser = await launchExtension({ profileDir });
    page = await browser.context.newPage();
    await visit(page, site.url('www.scam-shop.top'), WARNING_PAGE);
  });
});

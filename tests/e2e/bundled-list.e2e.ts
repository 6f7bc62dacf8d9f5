import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visit, closeSession, startSession, type ExtensionBrowser, WARNING_PAGE } from './browser';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
});

afterAll(() => closeSession({ browser, site }));

async function popupVerdict(tab: Page): Promise<string | null> {
  const popup = await browser.openPopup(tab);
  const text = await popup.getByTestId('verdict').textContent();
  await popup.close();
  return text;
}

describe('the bundled starter list, offline, from the first second', () => {
  it('blocks a known phishing domain and names its category', async () => {
    // 0001interac.com is in The Block List Project's phishing feed bundled at build time.
    await visit(page, site.url('0001interac.com', '/login'), WARNING_PAGE);
    await expect(page.getByTestId('blocked-host').textContent()).resolves.toBe('0001interac.com');
    await expect(
      page.getByText('Phishing (fake bank, shop or login page)').isVisible(),
    ).resolves.toBe(true);
  });

  it('blocks subdomains of a listed domain', async () => {
    await visit(page, site.url('secure.0001interac.com'), WARNING_PAGE);
  });

  it('redirects a blocked visit once, and leaves the page opened next alone', async () => {
    const warnings: string[] = [];
    const onNavigated = (frame: Frame) => {
      if (frame === page.mainFrame() && WARNING_PAGE.test(frame.url())) warnings.push(frame.url());
    };
    page.on('framenavigated', onNavigated);
    try {
      for (let i = 0; i < 3; i++) {
        warnings.length = 0;
        await visit(page, site.url('0001interac.com', `/again-${i}`), WARNING_PAGE);
        await page.waitForTimeout(500);
        expect(warnings, 'the warning page loads once').toHaveLength(1);
      }
      // Straight on to a safe site: no late second redirect takes the tab away from it.
      await visit(page, site.url('news.example', '/after'));
      await page.waitForTimeout(1000);
      expect(page.url()).toContain('news.example');
    } finally {
      page.off('framenavigated', onNavigated);
    }
  });

  it('lets an allowlisted site through and says it is trusted', async () => {
    await visit(page, site.url('www.icbc.com.cn'));
    await expect(popupVerdict(page)).resolves.toBe('This is a well-known, trusted website');
  });

  it('warns that a look-alike of a protected bank is suspicious and shows the real address', async () => {
    await visit(page, site.url('icbc-kefu.top', '/refund'), WARNING_PAGE);
    // The page renders once the background answers; isVisible() does not wait for that.
    await page.getByText('Careful! This website may be a fake.').waitFor();
    await expect(page.getByText('Careful! This website may be a fake.').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText(/looks like ICBC \(icbc\.com\.cn\)/).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByTestId('real-address').getAttribute('href')).resolves.toBe(
      'https://icbc.com.cn/',
    );
  });

  it('lets the real bank and its siblings through without a look-alike warning', async () => {
    for (const host of ['www.icbc.com.cn', 'mybank.icbc.com.cn']) {
      await visit(page, site.url(host));
      await expect(page.locator('h1').textContent()).resolves.toBe(`Welcome to ${host}`);
    }
  });

  it('reports protection with the list in the popup', async () => {
    await visit(page, site.url('news.example'));
    const popup = await browser.openPopup(page);
    await expect(popup.getByText(/^Protected\. Scam list from/).isVisible()).resolves.toBe(true);
    await popup.close();
  });
});

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
import { LISTED, openPopupFor, whenReady } from './family-helpers';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
  await whenReady(browser);
});

afterAll(() => closeSession({ browser, site }));

const ENGLISH = {
  phishing: {
    name: 'Phishing (fake bank, shop or login page)',
    why: /copies the look of a bank/,
    remember: /Never type a password or a verification code/,
  },
  scam: {
    name: 'Scam',
    why: /known for cheating people out of their money/,
    remember: /stop and ask someone you trust first/,
  },
  malware: {
    name: 'Harmful software',
    why: /spreads harmful software/,
    remember: /Do not download or install anything/,
  },
} as const;

describe('the warning page in English', () => {
  it.each(Object.entries(ENGLISH))(
    'explains a %s site from the bundled list in plain words',
    async (category, text) => {
      const host = LISTED[category as keyof typeof LISTED];
      await visit(page, site.url(host, '/login'), WARNING_PAGE);
      await expect(page.getByTestId('blocked-host').textContent()).resolves.toBe(host);
      await expect(page.getByTestId('category').textContent()).resolves.toBe(text.name);
      expect(await page.getByTestId('why').textContent()).toMatch(text.why);
      expect(await page.getByTestId('remember').textContent()).toMatch(text.remember);
      await expect(page.locator('h1').textContent()).resolves.toContain('This website is a scam');
      // No hotline is configured, and English has no default one.
      await expect(page.getByTestId('hotline').count()).resolves.toBe(0);
      if (category === 'phishing') {
        await page.screenshot({ path: screenshotPath('warning-category-en.png'), fullPage: true });
      }
    },
  );

  it('does nothing inside a frame', async () => {
    await visit(page, site.url('news.example'));
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, browser.extensionUrl('extension/warning/index.html'));
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    const text = framed
      ? await framed
          .locator('body')
          .textContent()
          .catch(() => '')
      : '';
    expect(text).not.toMatch(/Go back to safety|Stop!/);
  });

  it('shows nothing when opened without a block from the background', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(browser.extensionUrl('extension/warning/index.html'));
    await fresh.getByText('There is nothing to warn about here').waitFor();
    await expect(fresh.getByRole('button', { name: 'Go back to safety' }).count()).resolves.toBe(0);
    await fresh.close();
  });
});

describe('"Go back to safety" in a tab opened straight onto a scam', () => {
  it('leaves the warning for the new-tab page, not an error page', async () => {
    const fresh = await browser.context.newPage();
    await visit(fresh, site.url(LISTED.malware, '/from-a-text-message'), WARNING_PAGE);
    await fresh.getByRole('button', { name: 'Go back to safety' }).click();
    await fresh.waitForURL('chrome://new-tab-page/', { timeout: 10_000 });
    await fresh.close();
  });
});

describe('"Open anyway"', () => {
  const host = LISTED.scam;

  it('is two deliberate steps, and opens the site in this tab only', async () => {
    await visit(page, site.url(host, '/shop'), WARNING_PAGE);
    const confirm = page.getByRole('button', { name: 'Open this website anyway' });
    await expect(confirm.isVisible()).resolves.toBe(false);
    await page.getByText('I understand the risk').click();
    await confirm.click();
    await visit(page, site.url(host, '/shop'));
    await expect(page.locator('h1').textContent()).resolves.toBe(`Welcome to ${host}`);

    // Same tab, another page of the same site: still open.
    await visit(page, site.url(`www.${host}`, '/other'));

    // Another tab: blocked.
    const other = await browser.context.newPage();
    await visit(other, site.url(host, '/shop'), WARNING_PAGE);
    await other.close();
  });

  it('is listed in the popup and can be undone there', async () => {
    await page.bringToFront();
    const popup = await openPopupFor(browser, page);
    const line = popup.getByTestId('proceeded');
    await expect(line.textContent()).resolves.toContain(`You chose to open ${host} in this tab.`);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await line.waitFor({ state: 'detached' });
    await popup.close();
    // Undo reloads the tab, which is blocked again at once.
    await visit(page, page.url(), WARNING_PAGE);
    await visit(page, site.url(host, '/again'), WARNING_PAGE);
  });

  it('ends with the browser session', async () => {
    await visit(page, site.url(host, '/shop'), WARNING_PAGE);
    await page.getByText('I understand the risk').click();
    await page.getByRole('button', { name: 'Open this website anyway' }).click();
    await visit(page, site.url(host, '/shop'));

    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchExtension({ profileDir });
    await whenReady(browser);
    page = await browser.context.newPage();
    await visit(page, site.url(host, '/shop'), WARNING_PAGE);
  });
});

const CHINESE = {
  phishing: {
    name: '钓鱼网站（假冒银行、购物或登录页面）',
    remember: /不要在别人发来的链接里输入密码和验证码/,
  },
  scam: { name: '诈骗', remember: /请先停下来，问问您信任的家人/ },
  malware: { name: '有害软件', remember: /不要从这个网站下载或安装任何东西/ },
} as const;

describe('the warning page in a Chinese browser', () => {
  let zh: ExtensionBrowser;
  let tab: Page;
  beforeAll(async () => {
    zh = await launchExtension({ lang: 'zh-CN' });
    await whenReady(zh);
    tab = await zh.context.newPage();
  });
  afterAll(() => zh?.close());

  it.each(Object.entries(CHINESE))('explains a %s site in Chinese', async (category, text) => {
    const host = LISTED[category as keyof typeof LISTED];
    await visit(tab, site.url(host), WARNING_PAGE);
    await expect(tab.locator('h1').textContent()).resolves.toBe('请停下！这是一个诈骗网站。');
    await expect(tab.getByTestId('category').textContent()).resolves.toBe(text.name);
    expect(await tab.getByTestId('remember').textContent()).toMatch(text.remember);
    await expect(tab.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    // Chinese warnings name the national anti-fraud hotline by default.
    await expect(tab.getByTestId('hotline').getAttribute('href')).resolves.toBe('tel:96110');
    if (category === 'phishing') {
      await tab.screenshot({ path: screenshotPath('warning-zh_CN.png'), fullPage: true });
    }
  });
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, WELCOME_PATH, type ExtensionBrowser } from './browser';

// The first run of a fresh install: the welcome page the background opens by itself. Chromium's
// permission prompt cannot be answered by an automated browser, so what is checked of "Allow"
// is that its click asks the browser for exactly the page origins and that nothing is granted
// until the user answers; the granted side is in content-check.e2e.ts (a test build).
let browser: ExtensionBrowser;
let welcome: Page;

const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];
const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );

beforeAll(async () => {
  browser = await launchExtension({ keepWelcome: true });
  welcome = browser.welcome!;
});

afterAll(() => browser?.close());

describe('the welcome page on a fresh install', () => {
  it('opens by itself, saying in plain words what Scam Guard does', async () => {
    expect(welcome.url()).toBe(browser.extensionUrl(WELCOME_PATH));
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Scam Guard' }).waitFor();
    await welcome.getByText(/checks every website you open against a list of scam sites/).waitFor();
    await expect(welcome.title()).resolves.toBe('Welcome to Scam Guard');
    await expect(seriousViolations(welcome)).resolves.toEqual([]);
    // 200% zoom on a 1280px window is a 640px-wide page: everything must wrap, not overflow.
    await welcome.setViewportSize({ width: 640, height: 600 });
    const overflow = await welcome.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('explains page checking, off until the user asks for it', async () => {
    await welcome.getByText(/reads each page you open .* Nothing is sent anywhere/).waitFor();
    await welcome
      .getByRole('status')
      .filter({ hasText: 'Page checking is off. Only the list and look-alike checks run.' })
      .waitFor();
    const granted = await welcome.evaluate(
      (origins) => chrome.permissions.contains({ origins }),
      PAGE_ORIGINS,
    );
    expect(granted).toBe(false);
  });

  it('"Allow" asks the browser for page access, and nothing is granted until the user answers', async () => {
    // Passes the call on to the real API and records it: the browser then shows its prompt.
    await welcome.evaluate(() => {
      const real = chrome.permissions.request.bind(chrome.permissions);
      const asked: unknown[] = [];
      Reflect.set(window, 'asked', asked);
      chrome.permissions.request = ((request: chrome.permissions.Permissions, ...rest: never[]) => {
        asked.push(request);
        return real(request, ...rest);
      }) as typeof chrome.permissions.request;
    });
    await welcome.getByRole('button', { name: 'Allow Scam Guard to read pages' }).click();
    await expect(welcome.evaluate(() => Reflect.get(window, 'asked'))).resolves.toEqual([
      { origins: PAGE_ORIGINS },
    ]);
    const sw = await browser.worker();
    await expect(
      sw.evaluate((origins) => chrome.permissions.contains({ origins }), PAGE_ORIGINS),
    ).resolves.toBe(false);
    await expect(
      sw.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
    ).resolves.toEqual([]);
  });

  it('links to the family mode setup', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(WELCOME_PATH));
    await page.getByRole('link', { name: 'Set up family mode' }).click();
    await page.waitForURL(browser.extensionUrl('extension/options/index.html'));
    await page.getByRole('button', { name: 'Set up family mode' }).waitFor();
    await page.close();
  });

  it('"Not now" closes its tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(WELCOME_PATH));
    const closed = page.waitForEvent('close');
    await page.getByRole('button', { name: 'Not now' }).click();
    await closed;
    expect(page.isClosed()).toBe(true);
  });
});

describe('in Chinese', () => {
  it('speaks the browser language, axe-clean', async () => {
    const zh = await launchExtension({ lang: 'zh-CN', keepWelcome: true });
    try {
      const page = zh.welcome!;
      await page.getByRole('heading', { level: 1, name: '欢迎使用反诈卫士' }).waitFor();
      await page.getByRole('button', { name: '允许反诈卫士读取网页' }).waitFor();
      await page.getByRole('button', { name: '以后再说' }).waitFor();
      await page.getByRole('link', { name: '设置家人守护模式' }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
      await expect(seriousViolations(page)).resolves.toEqual([]);
    } finally {
      await zh.close();
    }
  });
});

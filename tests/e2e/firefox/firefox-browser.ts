import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../extension/platform/firefox-manifest';

// SCAM_GUARD_FIREFOX_DIST: test another Firefox build (e.g. a release candidate).
export const FIREFOX_DIST = resolve(process.env.SCAM_GUARD_FIREFOX_DIST ?? 'dist-firefox');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// Firefox gives each install a random moz-extension:// host; this pref fixes it, so tests
// can name the extension's pages.
const EXTENSION_HOST = '5c1b2b3a-5ca1-4a2d-9b1e-0f1ea5e5afe1';

export interface FirefoxExtension {
  browser: Browser;
  /** The welcome page the install opened, when the launch was asked to keep it. */
  welcome: Page | null;
  extensionUrl(path: string): string;
  newTab(): Promise<Page>;
  /** Id of the tab a page runs in, as the extension sees it. */
  tabId(page: Page): Promise<number>;
  /** Ids of the open tabs, as the extension sees them. */
  tabIds(): Promise<number[]>;
  /** The popup as a page of its own about `tab`, as if its toolbar button were clicked there. */
  openPopup(tab?: Page): Promise<Page>;
  /** Presses "Update now" in the real popup; the update error it then shows, or null. */
  updateNow(): Promise<string | null>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /**
   * The install opens the welcome page in a tab of its own; the launch waits for it and
   * closes it, so that tests start from the same tabs as before, unless asked to keep it.
   */
  keepWelcome?: boolean;
  /**
   * Grant what the extension asks for with `permissions.request` without Firefox's prompt,
   * which WebDriver cannot answer. The request still needs a click on the extension's page.
   */
  grantOptionalPermissions?: boolean;
}

const WELCOME_PATH = 'extension/welcome/index.html';

/**
 * The welcome page the extension opened at install: it must open, and does so at once.
 * WebDriver reports a tab the extension opened as about:blank, so each tab is asked itself.
 */
async function welcomePage(browser: Browser, url: string): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const pages = await browser.pages();
    const locations = await Promise.all(pages.map(locationOf));
    const found = pages[locations.indexOf(url)];
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`the install did not open ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Debian's Firefox ESR over WebDriver BiDi with the built extension installed, every
 * http:// host name sent to the local site server as a proxy (so `news.example:PORT`
 * reaches it), and loopback left direct for the list and report service.
 */
export async function launchFirefox(
  sitePort: number,
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    dumpio: Boolean(process.env.SG_DUMPIO),
    userDataDir: mkdtempSync(join(tmpdir(), 'scam-guard-firefox-')),
    // Lets the test open the extension's own pages; WebDriver refuses moz-extension:// otherwise.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      // The background's console goes to Firefox's stderr, which dumpio shows.
      'devtools.console.stdout.chrome': Boolean(process.env.SG_DUMPIO),
      'devtools.console.stdout.content': Boolean(process.env.SG_DUMPIO),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': sitePort,
      'network.proxy.no_proxies_on': '127.0.0.1, localhost',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_HOST }),
      ...(options.grantOptionalPermissions
        ? { 'extensions.webextOptionalPermissionPrompts': false }
        : {}),
    },
  });
  const installed = await browser.installExtension(FIREFOX_DIST);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);

  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_HOST}/${path}`;
  let welcome: Page | null = await welcomePage(browser, extensionUrl(WELCOME_PATH));
  if (!options.keepWelcome) {
    await welcome.close();
    welcome = null;
  }
  // One extension page kept open in the background asks the extension APIs about tabs.
  // (Opening a page for each question races WebDriver's bookkeeping of closed tabs.)
  const probe = await browser.newPage();
  await go(probe, extensionUrl('extension/options/index.html'));
  // The background reads its lists before it answers anything: one answered message
  // means the first checked navigation is not timed against that read.
  await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'personal/list', payload: {} }));

  const harness: FirefoxExtension = {
    browser,
    welcome,
    extensionUrl,
    newTab: () => browser.newPage(),
    async tabId(page) {
      // Tab titles and URLs need the "tabs" permission, which the extension does without:
      // the page is brought to the front and the active tab asked for.
      await page.bringToFront();
      const id = await probe.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
      if (id === null) throw new Error('no active tab');
      return id;
    },
    tabIds: () =>
      probe.evaluate(async () =>
        (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
      ),
    async openPopup(tab) {
      const query = tab ? `?tab=${await harness.tabId(tab)}` : '';
      const popup = await browser.newPage();
      await setViewport(popup, { width: 480, height: 640 });
      await go(popup, extensionUrl(`extension/popup/index.html${query}`));
      await popup.waitForSelector(`[data-testid="${tab ? 'verdict' : 'protection'}"]`);
      return popup;
    },
    async updateNow() {
      const popup = await harness.openPopup();
      await clickOn(popup, '[data-testid="update-now"]');
      // Polled from here: waitForFunction builds its predicate with Function(), which the
      // extension page's CSP refuses in Firefox ESR 140.
      const deadline = Date.now() + 30_000;
      while (
        !(await popup.evaluate(
          () => document.querySelector('[data-testid="update-finished"]')?.textContent,
        ))
      ) {
        if (Date.now() > deadline) throw new Error('the update did not finish in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const error = await popup.$('[data-testid="update-error"]');
      const text = error ? await error.evaluate((node) => node.textContent) : null;
      await popup.close();
      return text;
    },
    close: () => browser.close(),
  };
  return harness;
}

/** Where the tab is now, read from the page itself (WebDriver misses extension redirects). */
/**
 * `page.setViewport` as Firefox ESR 140 allows it. Puppeteer sends the size
 * (`browsingContext.setViewport`) and a screen-orientation override together, and that ESR
 * has no `emulation.setScreenOrientationOverride`: the size is set, the orientation command
 * fails. Only that failure is let through.
 */
export async function setViewport(page: Page, size: { width: number; height: number }) {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
  }
}

/**
 * Clicks the element `selector` finds once it is there. Puppeteer's locators wait for a
 * stable, visible box with calls Firefox ESR 140 never answers, so their clicks time out
 * there; an element handle's click does not wait on them.
 */
export async function clickOn(page: Page, selector: string): Promise<void> {
  const element = await page.waitForSelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  await element.click();
}

/** Types `text` into the field `selector` finds, emptied first (as a locator's fill does). */
export async function fillIn(page: Page, selector: string, text: string): Promise<void> {
  const element = await page.waitForSelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  await element.evaluate((field) => {
    (field as HTMLInputElement).value = '';
  });
  await element.type(text);
}

export async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/**
 * Navigates and waits until the document in the tab is at a URL matching `expected` and
 * has parsed. The redirect to the warning page is the extension's, so the navigation
 * WebDriver started is expected to be aborted.
 */
export async function go(
  page: Page,
  url: string,
  expected: RegExp | string | ((url: string) => boolean) = url,
  timeout = 15_000,
): Promise<string> {
  const matches = (u: string) =>
    typeof expected === 'string'
      ? u === expected
      : typeof expected === 'function'
        ? expected(u)
        : expected.test(u);
  // The document now in the tab is marked, so that only a new one can count as arrived.
  await page.evaluate((key) => Reflect.set(window, key, true), STALE).catch(() => undefined);
  page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => undefined);
  return waitForLocation(page, matches, timeout);
}

/** Waits until the page's document is at a URL `matches` accepts and has parsed. */
export async function waitForLocation(
  page: Page,
  matches: (url: string) => boolean,
  timeout = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await page
      .evaluate(
        (key) => ({
          url: location.href,
          ready: document.readyState !== 'loading' && !Reflect.has(window, key),
        }),
        STALE,
      )
      .catch(() => null);
    if (state?.ready && matches(state.url)) return state.url;
    if (Date.now() > deadline) throw new Error(`still at ${state?.url ?? '?'} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const STALE = '__scamGuardTestStale';

export const WARNING_PAGE = /^moz-extension:\/\/[^/]+\/extension\/warning\/index\.html/;

/**
 * Whether visiting `url` ends on the warning page: the site's own page may commit before
 * the background's list read ends, so a page that loaded gets 4 s for the redirect.
 */
export async function endsBlocked(page: Page, url: string): Promise<boolean> {
  const host = new URL(url).host;
  const arrived = await go(page, url, (u) => WARNING_PAGE.test(u) || new URL(u).host === host);
  if (WARNING_PAGE.test(arrived)) return true;
  return waitForLocation(page, (u) => WARNING_PAGE.test(u), 4000).then(
    () => true,
    () => false,
  );
}

/** The text of the first element with `data-testid`, once it is there. */
export async function testIdText(page: Page, id: string): Promise<string> {
  const element = await page.waitForSelector(`[data-testid="${id}"]`, { timeout: 10_000 });
  return (await element!.evaluate((node) => node.textContent)) ?? '';
}

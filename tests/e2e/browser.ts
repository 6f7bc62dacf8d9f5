import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from '../../scripts/lib/chromium-path';
import { startSiteServer, type SiteServer } from './site-server';

// SCAM_GUARD_DIST: test another build of the extension (e.g. a release candidate).
export const DIST = resolve(process.env.SCAM_GUARD_DIST ?? 'dist');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's service worker, started again if Chrome stopped it. */
  worker(): Promise<Worker>;
  /** Id of the tab a page runs in, as the extension sees it. */
  tabId(page: Page): Promise<number>;
  extensionUrl(path: string): string;
  /**
   * The popup as a page of its own, about `tab` (as if its toolbar button were clicked
   * there); without a tab, about whichever tab is active.
   */
  openPopup(tab?: Page, size?: { width: number; height: number }): Promise<Page>;
  /** Presses "Update now" in the real popup; the update error it then shows, or null. */
  updateNow(): Promise<string | null>;
  /** Stops the service worker the way Chrome does after 30 s idle. */
  stopWorker(): Promise<void>;
  /** The welcome page a fresh install opened, when the launch was asked to keep it. */
  welcome: Page | null;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile to test what survives a browser restart. */
  profileDir?: string;
  /** Browser UI language, e.g. 'zh-CN'. */
  lang?: string;
  /** Another build of the extension than DIST. */
  dist?: string;
  /**
   * A fresh install opens the welcome page in a tab of its own; the launch waits for it and
   * closes it, so that tests start from the same tabs as before, unless asked to keep it.
   */
  keepWelcome?: boolean;
}

export const WELCOME_PATH = 'extension/welcome/index.html';

/** The welcome page the extension opened at install: it must open, and does so at once. */
async function welcomePage(context: BrowserContext, url: string): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = context.pages().find((p) => p.url() === url);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`the install did not open ${url}`);
    // A new tab can report its address a moment after it appears: look again soon.
    await context.waitForEvent('page', { timeout: 250 }).catch(() => undefined);
  }
}

/** Debian Chromium with the built extension loaded, every host name resolved to loopback. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'scam-guard-profile-'));
  const lang = options.lang ?? 'en-US';
  const dist = options.dist ?? DIST;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: false,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
      // The site server's HTTPS side has a self-signed certificate (see site-server.ts).
      '--ignore-certificate-errors',
    ],
  });

  const worker = async () =>
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // The service worker's warnings and errors go to the test output: when a browser test
  // fails in CI, they are the only account of what the background did.
  const forwardConsole = (sw: Worker) =>
    sw.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        process.stderr.write(`[service worker ${message.type()}] ${message.text()}\n`);
      }
    });
  context.on('serviceworker', forwardConsole);
  const first = await worker();
  forwardConsole(first);
  const extensionId = new URL(first.url()).host;
  // One round trip so the worker has run its first turn before the first navigation.
  await first.evaluate(() => 1);
  // Only a profile made here is a fresh install; a reused one was installed before.
  const fresh = options.profileDir === undefined;
  let welcome: Page | null = null;
  if (fresh) {
    welcome = await welcomePage(context, `chrome-extension://${extensionId}/${WELCOME_PATH}`);
    if (!options.keepWelcome) {
      await welcome.close();
      welcome = null;
    }
  }

  const harness: ExtensionBrowser = {
    context,
    extensionId,
    profileDir,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async tabId(page) {
      await page.bringToFront();
      const sw = await worker();
      return sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async openPopup(tab, size = { width: 400, height: 640 }) {
      const query = tab ? `?tab=${await harness.tabId(tab)}` : '';
      const popup = await context.newPage();
      await popup.setViewportSize(size);
      await popup.goto(`chrome-extension://${extensionId}/extension/popup/index.html${query}`);
      await popup.getByTestId(tab ? 'verdict' : 'protection').waitFor();
      return popup;
    },
    async updateNow() {
      const popup = await harness.openPopup();
      await popup.getByTestId('update-now').click();
      await popup
        .getByTestId('update-finished')
        .filter({ hasText: /./ })
        .waitFor({ state: 'attached' });
      const error = popup.getByTestId('update-error');
      const text = (await error.count()) > 0 ? await error.textContent() : null;
      await popup.close();
      return text;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    welcome,
    close: () => context.close(),
  };
  return harness;
}

/**
 * Navigates and waits until the tab commits a URL matching `expected`. A navigation the
 * extension refuses or redirects rejects `page.goto` with ERR_BLOCKED_BY_CLIENT or
 * ERR_ABORTED, so those errors are expected here.
 * The wait is armed before navigating, so a tab already showing a matching page (say, the
 * previous warning) does not count.
 */
export async function visit(
  page: Page,
  url: string,
  expected: RegExp | string = url,
): Promise<string> {
  const matches = (u: string) => (typeof expected === 'string' ? u === expected : expected.test(u));
  const arrived = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame() && matches(frame.url()),
    timeout: 15_000,
  });
  await page.goto(url).catch((error: Error) => {
    if (
      !/ERR_ABORTED|ERR_BLOCKED_BY_CLIENT|frame was detached|interrupted by another navigation/i.test(
        error.message,
      )
    ) {
      throw error;
    }
  });
  await arrived;
  await page.waitForLoadState('domcontentloaded');
  return page.url();
}

export const WARNING_PAGE = /\/extension\/warning\/index\.html/;

const SCREENSHOTS = 'docs/screenshots';

/** Where a browser test saves one of the README's pictures (docs/screenshots/<name>). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/**
 * Whether visiting `url` ends on the warning page. A filter hit is confirmed by reading a
 * page of the list from IndexedDB, and a local test site can commit before that read ends,
 * so a page that loaded gets 4 s for the redirect before it counts as not blocked.
 */
export async function endsBlocked(page: Page, url: string): Promise<boolean> {
  const host = new URL(url).host.replace(/\./g, '\\.');
  const settled = new RegExp(`warning/index\\.html|//${host}/`);
  if (WARNING_PAGE.test(await visit(page, url, settled))) return true;
  // Waiting for a commit, not a load, and again when a wait ends early: a wait that ends
  // because a navigation was interrupted says nothing about where the tab ends up.
  const deadline = Date.now() + 4000;
  while (!WARNING_PAGE.test(page.url()) && Date.now() < deadline) {
    await page
      .waitForURL(WARNING_PAGE, { timeout: deadline - Date.now(), waitUntil: 'commit' })
      .catch(() => page.waitForTimeout(50));
  }
  return WARNING_PAGE.test(page.url());
}

/** What most browser-test files start with: the local site server, Chromium with the extension, a tab. */
export interface Session {
  site: SiteServer;
  browser: ExtensionBrowser;
  page: Page;
}

export async function startSession(): Promise<Session> {
  const site = await startSiteServer();
  const browser = await launchExtension();
  return { site, browser, page: await browser.context.newPage() };
}

/** Closes what startSession opened; pass the browser as it is now, since a test may restart it. */
export async function closeSession(session: { site?: SiteServer; browser?: ExtensionBrowser }) {
  await session.browser?.close();
  await session.site?.close();
}

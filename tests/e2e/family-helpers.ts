import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Hosts in the bundled starter list, one per category it holds (see `npm run lookup`). */
export const LISTED = {
  phishing: '7pickstreet.ga',
  scam: 'devifoodgrains.com',
  malware: '4kqd3hmqgptupi3p.csv7o6.bid',
} as const;

/** The popup as a page of its own, about `tab`. */
export function openPopupFor(browser: ExtensionBrowser, tab: Page): Promise<Page> {
  return browser.openPopup(tab, { width: 480, height: 600 });
}

export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('extension/options/index.html'));
  await options.locator('h1').waitFor();
  return options;
}

/** Sends a protocol message from an extension page, as the page itself would. */
export function sendFrom(page: Page, type: string, payload: object): Promise<unknown> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
}

/**
 * Waits until the background has loaded its lists (every handler waits for that), so the
 * first checked navigation of a fresh profile is not timed against loading the starter list.
 */
export async function whenReady(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/options/index.html'));
  await sendFrom(page, 'personal/list', {});
  await page.close();
}

/**
 * What waiting out a PIN lockout does to the stored attempts (its end moves to now),
 * without waiting the minutes or hours it lasts.
 */
export async function letPinLockoutPass(browser: ExtensionBrowser): Promise<void> {
  const sw = await browser.worker();
  await sw.evaluate(async () => {
    const { pinAttempts } = await chrome.storage.local.get('pinAttempts');
    await chrome.storage.local.set({
      pinAttempts: { ...(pinAttempts as object), lockedUntil: Date.now() },
    });
  });
}

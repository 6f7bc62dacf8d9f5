import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSession,
  launchExtension,
  startSession,
  visit,
  WARNING_PAGE,
  type ExtensionBrowser,
} from './browser';
import { LISTED, openPopupFor, sendFrom, whenReady } from './family-helpers';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
  await whenReady(browser);
});

afterAll(() => closeSession({ browser, site }));

/** Damages the extension's IndexedDB the way a crash or a full disk could, from its worker. */
async function damageStore(what: 'lists' | 'list-pages') {
  const worker = await browser.worker();
  await worker.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('scam-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, what);
}

async function popupText(tab: Page, testId: string) {
  const popup = await openPopupFor(browser, tab);
  const text = await popup.getByTestId(testId).textContent();
  await popup.close();
  return text;
}

describe('fail closed: no list is never "nothing listed"', () => {
  for (const damage of ['lists', 'list-pages'] as const) {
    it(`replaces a stored list whose ${damage} are gone with the bundled one, across a restart`, async () => {
      await damageStore(damage);
      const { profileDir } = browser;
      await browser.close();
      browser = await launchExtension({ profileDir });
      page = await browser.context.newPage();
      const host = `after-${damage}.${LISTED.scam}`;
      await visit(page, site.url(host), WARNING_PAGE);
      await page.getByTestId('blocked-host').waitFor();
      expect(site.requestsTo(host)).toEqual([]);
      // The bundled list is in force again, not an empty one: the popup says protected.
      await expect(popupText(page, 'protection')).resolves.toMatch(/protected/i);
    });
  }

  it('says "could not check" when a lookup fails, and does not call the page safe', async () => {
    // Pages gone under a running worker (a start would notice and reinstall the bundled
    // list): a lookup that needs a page it has not cached yet fails.
    await damageStore('list-pages');
    await visit(page, site.url('www.icbc.com.cn', '/unchecked'));
    await expect.poll(() => popupText(page, 'verdict')).toMatch(/could not check/i);
    const tabId = await browser.tabId(page);
    const badge = await (
      await browser.worker()
    ).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe('…');
  });
});

describe('privileged messages', () => {
  it('refuses a message from a page its rule does not name', async () => {
    const popup = await openPopupFor(browser, page);
    await expect(sendFrom(popup, 'settings/reset', {})).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/may not be sent from the popup/),
    });
    await popup.close();
  });
});

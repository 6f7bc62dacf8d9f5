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
import {
  LISTED,
  letPinLockoutPass,
  openOptions,
  openPopupFor,
  sendFrom,
  whenReady,
} from './family-helpers';
import { horizontalOverflow, seriousViolations } from './serious-violations';
import type { SiteServer } from './site-server';

/**
 * A PIN that holds against someone dictating clicks over the phone: attempts cannot be
 * raced, lockouts grow and survive a restart, and the popup's unblock and undo ask for it.
 */

const PIN = '2468';
const MINUTE = 60_000;

let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;

beforeAll(async () => {
  ({ site, browser, page: tab } = await startSession());
  await whenReady(browser);
  const options = await openOptions(browser);
  await expect(sendFrom(options, 'settings/set-pin', { pin: PIN })).resolves.toMatchObject({
    ok: true,
  });
  await options.close();
});

afterAll(() => closeSession({ browser, site }));

type Reply = { ok: boolean; value?: { unlocked: boolean; lockedUntil: number | null } };
type Attempts = { failures: number; lockedUntil: number; lockouts: number };

async function storedAttempts(): Promise<Attempts> {
  const sw = await browser.worker();
  const stored = await sw.evaluate(() => chrome.storage.local.get('pinAttempts'));
  return stored.pinAttempts as Attempts;
}

describe('PIN attempts', () => {
  it('counts 20 wrong PINs sent at once one by one: five are checked, then the lock holds', async () => {
    const options = await openOptions(browser);
    const replies = (await options.evaluate(() =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          chrome.runtime.sendMessage({ type: 'settings/unlock', payload: { pin: '0000' } }),
        ),
      ),
    )) as Reply[];
    expect(replies.every((r) => r.ok && r.value?.unlocked === false)).toBe(true);
    expect(replies.filter((r) => r.value?.lockedUntil)).toHaveLength(16);
    expect(await storedAttempts()).toMatchObject({ failures: 5, lockouts: 1 });
    // Even the right PIN is refused now.
    const right = (await sendFrom(options, 'settings/unlock', { pin: PIN })) as Reply;
    expect(right.value?.unlocked).toBe(false);
    await options.close();
  });

  it('keeps the lockout across a browser restart, and the next one is longer', async () => {
    const before = await storedAttempts();
    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchExtension({ profileDir });
    await whenReady(browser);
    tab = await browser.context.newPage();

    const options = await openOptions(browser);
    await options.getByText(/Too many wrong PINs\. Try again after/).waitFor();
    expect(await storedAttempts()).toEqual(before);

    // Once it has passed, one wrong PIN locks again, for 15 minutes this time.
    await letPinLockoutPass(browser);
    const started = Date.now();
    const reply = (await sendFrom(options, 'settings/unlock', { pin: '1357' })) as Reply;
    const length = (reply.value?.lockedUntil ?? 0) - started;
    expect(length).toBeGreaterThan(14 * MINUTE);
    expect(length).toBeLessThanOrEqual(15 * MINUTE + 5000);

    // And after that one, the right PIN opens the settings and clears the count.
    await letPinLockoutPass(browser);
    await options.reload();
    await options.getByLabel('PIN', { exact: true }).fill(PIN);
    await options.getByRole('button', { name: 'Unlock' }).click();
    await options.getByLabel('Your phone number').waitFor();
    expect(await storedAttempts()).toMatchObject({ failures: 0, lockouts: 0 });
    await options.close();
  });
});

describe('family-mode changes need the PIN', () => {
  it('refuses unblock and undo "open anyway" without the PIN session, in the background', async () => {
    const options = await openOptions(browser);
    const unblock = await sendFrom(options, 'personal/unblock', { domain: 'example.top' });
    expect(unblock).toMatchObject({ ok: false, error: expect.stringMatching(/PIN/) });
    const popup = await openPopupFor(browser, tab);
    const tabId = await browser.tabId(tab);
    const undo = await sendFrom(popup, 'proceed/undo', { tabId, domain: LISTED.scam });
    expect(undo).toMatchObject({ ok: false, error: expect.stringMatching(/PIN/) });
    await popup.close();
    await options.close();
  });

  it('asks for the PIN in the popup before lifting a block, and only the right one lifts it', async () => {
    const host = 'shady-shop.top';
    await visit(tab, site.url(host, '/'));
    const popup = await openPopupFor(browser, tab);
    await popup.getByRole('button', { name: 'Block this site' }).click();
    await popup.getByRole('button', { name: 'Undo' }).click();

    await popup.getByRole('heading', { name: 'Enter the family PIN' }).waitFor();
    await popup.getByText(/If someone on the phone is asking you to do this, hang up/).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    // The popup is 360 px wide; the prompt must fit it, as it must at 200% zoom (below).
    expect(await horizontalOverflow(popup)).toBeLessThanOrEqual(0);
    await popup.getByLabel('PIN', { exact: true }).fill('0000');
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.getByText('Wrong PIN. 4 tries left.').waitFor();
    await expect(popup.getByText(`You blocked ${host}.`).count()).resolves.toBe(1);
    await visit(tab, site.url(host, '/still-blocked'), WARNING_PAGE);

    await popup.getByLabel('PIN', { exact: true }).fill(PIN);
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.getByText(`You blocked ${host}.`).waitFor({ state: 'detached' });
    await popup.getByRole('button', { name: 'Block this site' }).waitFor();
    await popup.close();
  });

  it('fits the PIN prompt in the popup at 200% zoom', async () => {
    await visit(tab, site.url('zoomed-shop.top', '/'));
    const popup = await openPopupFor(browser, tab);
    await popup.getByRole('button', { name: 'Block this site' }).click();
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByRole('heading', { name: 'Enter the family PIN' }).waitFor();
    // Twice the text in the same window is what 200% zoom does to the layout.
    await popup.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await horizontalOverflow(popup)).toBeLessThanOrEqual(0);
    await expect(popup.getByRole('button', { name: 'Continue' }).isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('lists blocks in the settings without an unblock button until the PIN is entered', async () => {
    const host = 'shady-bank.top';
    await visit(tab, site.url(host, '/'));
    const popup = await openPopupFor(browser, tab);
    await popup.getByRole('button', { name: 'Block this site' }).click();
    await popup.getByText(`You blocked ${host}.`, { exact: false }).waitFor();
    await popup.close();

    const options = await openOptions(browser);
    await options.getByText('Enter the PIN above to unblock a website.').waitFor();
    await expect(options.getByRole('button', { name: /Unblock/ }).count()).resolves.toBe(0);
    await options.getByLabel('PIN', { exact: true }).fill(PIN);
    await options.getByRole('button', { name: 'Unlock' }).click();
    await options.getByRole('button', { name: `Unblock ${host}` }).click();
    await options.getByRole('button', { name: `Unblock ${host}` }).waitFor({ state: 'detached' });
    await options.close();
    await visit(tab, site.url(host, '/open-again'));
    await expect(tab.locator('h1').textContent()).resolves.toBe(`Welcome to ${host}`);
  });
});

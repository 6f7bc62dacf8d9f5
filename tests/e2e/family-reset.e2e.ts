import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, visit, WARNING_PAGE, type ExtensionBrowser } from './browser';
import { LISTED, openOptions, openPopupFor, sendFrom, whenReady } from './family-helpers';
import { horizontalOverflow, seriousViolations } from './serious-violations';
import { startSiteServer, type SiteServer } from './site-server';

/**
 * "Forgot the PIN?" cannot be rushed: it starts a waiting period (shortened here by a real
 * policy file to a few seconds) during which everything the family set stays in force.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/scam-guard-reset-test.json`;
const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';
const WAIT_HOURS = 0.004; // 14.4 s
const PIN = '8642';

let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;

beforeAll(async () => {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': { extensions: { [EXTENSION_ID]: { resetWaitHours: WAIT_HOURS } } },
    }),
  );
  site = await startSiteServer();
  browser = await launchExtension();
  await whenReady(browser);
  tab = await browser.context.newPage();
  // The family's setup, as the options page sends it.
  const options = await openOptions(browser);
  const { value } = (await sendFrom(options, 'settings/set-pin', { pin: PIN })) as {
    value: { token: string };
  };
  const changes = { strictMode: true, familyContactName: 'Xiao Ming', familyContactPhone: '123' };
  await sendFrom(options, 'settings/save', { changes, token: value.token });
  await options.close();
});

// Removed even when a test fails: the policy would otherwise apply to every Chromium here.
afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
  await site?.close();
});

async function askForReset(options: Page): Promise<void> {
  await options.getByText('Forgot the PIN?').click();
  await options.getByText(/If someone on the phone is asking you to do this, hang up/).waitFor();
  await options.getByRole('button', { name: 'Ask to clear all family settings' }).click();
  await options.getByTestId('reset-countdown').waitFor();
}

async function storedReset(): Promise<{ endsAt: number } | undefined> {
  const sw = await browser.worker();
  const stored = await sw.evaluate(() => chrome.storage.local.get('familyReset'));
  return stored.familyReset as { endsAt: number } | undefined;
}

describe('"Forgot the PIN?"', () => {
  it('is stopped by the PIN', async () => {
    const options = await openOptions(browser);
    await askForReset(options);
    await options.getByLabel('PIN', { exact: true }).fill(PIN);
    await options.getByRole('button', { name: 'Unlock' }).click();
    await options.getByLabel('Your phone number').waitFor();
    await expect(storedReset()).resolves.toBeUndefined();
    await options.close();
  });

  it('keeps strict mode and the contact until the period is over, across a restart, then clears them', async () => {
    let options = await openOptions(browser);
    await askForReset(options);
    const reset = await storedReset();
    expect(reset).toBeDefined();
    expect(await seriousViolations(options)).toEqual([]);
    await options.setViewportSize({ width: 640, height: 600 }); // 200% zoom of a 1280 px window
    expect(await horizontalOverflow(options)).toBeLessThanOrEqual(0);
    await options.close();

    // The popup shows it too, in the same plain words.
    const popup = await openPopupFor(browser, tab);
    await popup.getByTestId('reset-countdown').waitFor();
    await popup.getByText(/If someone on the phone is asking you to do this, hang up/).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    // A restart neither shortens nor restarts the period.
    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchExtension({ profileDir });
    await whenReady(browser);
    tab = await browser.context.newPage();
    await expect(storedReset()).resolves.toEqual(reset);

    await visit(tab, site.url(LISTED.scam, '/during'), WARNING_PAGE);
    await tab.getByText('Call Xiao Ming before you do anything:').waitFor();
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(0);
    options = await openOptions(browser);
    await options.getByTestId('reset-countdown').waitFor();
    // All of the above happened inside the period, so it shows the period, not a late clear.
    expect(Date.now()).toBeLessThan(reset!.endsAt);

    // The options page asks again when its countdown runs out; the settings are gone then.
    await options.getByRole('button', { name: 'Set up family mode' }).waitFor();
    expect(Date.now()).toBeGreaterThanOrEqual(reset!.endsAt);
    await expect(storedReset()).resolves.toBeUndefined();
    await options.close();
    await visit(tab, site.url(LISTED.scam, '/after'), WARNING_PAGE);
    await tab.getByText('I understand the risk').waitFor();
    await expect(tab.getByTestId('family-phone').count()).resolves.toBe(0);
  });
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  visit,
  closeSession,
  startSession,
  type ExtensionBrowser,
  WARNING_PAGE,
  screenshotPath,
} from './browser';
import {
  LISTED,
  letPinLockoutPass,
  openOptions,
  openPopupFor,
  sendFrom,
  whenReady,
} from './family-helpers';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;

beforeAll(async () => {
  ({ site, browser, page: tab } = await startSession());
  await whenReady(browser);
});

afterAll(() => closeSession({ browser, site }));

async function unlock(options: Page, pin: string): Promise<void> {
  await options.getByLabel('PIN', { exact: true }).fill(pin);
  await options.getByRole('button', { name: 'Unlock' }).click();
}

describe('family setup', () => {
  it('walks through contact, strict mode, PIN, alerts, display and page checking in six steps', async () => {
    const options = await openOptions(browser);
    await options.getByRole('button', { name: 'Set up family mode' }).click();
    await options.getByText('Step 1 of 6').waitFor();
    await options.getByLabel(/Your name, as they call you/).fill('Xiao Ming');
    await options.getByLabel('Your phone number').fill('+86 138 0000 0000');
    await options.screenshot({ path: screenshotPath('family-setup-en.png'), fullPage: true });
    await options.getByRole('button', { name: 'Next' }).click();

    await options.getByText('Step 2 of 6').waitFor();
    await expect(
      options.getByLabel(/Never let them open a blocked website/).isChecked(),
    ).resolves.toBe(false);
    await options.getByRole('button', { name: 'Next' }).click();

    await options.getByText('Step 3 of 6').waitFor();
    await options.getByLabel('New PIN').fill('2468');
    await options.getByLabel('The same PIN again').fill('2469');
    await options.getByRole('button', { name: 'Next' }).click();
    await options.getByText('The two PINs are not the same.').waitFor();
    await options.getByLabel('The same PIN again').fill('2468');
    await options.getByRole('button', { name: 'Next' }).click();

    // Alerts to a relative are offered, and can wait (family-alerts.e2e.ts pairs them).
    await options.getByText('Step 4 of 6').waitFor();
    await options.getByLabel("Code from your relative's Scam Guard (8 digits)").waitFor();
    await options.getByRole('button', { name: 'Next' }).click();

    await options.getByText('Step 5 of 6').waitFor();
    await options.getByRole('button', { name: 'Next' }).click();

    // Page checking is offered, explained, and left to the family to switch on.
    await options.getByText('Step 6 of 6').waitFor();
    await options.getByRole('heading', { name: 'Check pages for scams' }).waitFor();
    await options
      .getByTestId('page-access-offer')
      .getByText(/Nothing is sent anywhere/)
      .waitFor();
    await options.getByRole('button', { name: 'Allow Scam Guard to read pages' }).waitFor();
    const { violations } = await new AxeBuilder({ page: options }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await options.getByRole('button', { name: 'Next' }).click();
    await options.getByText('Family mode is set up.').waitFor();
    await options.close();

    // Only a salted hash is stored, never the PIN.
    const stored = await (await browser.worker()).evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain('2468');
    expect(stored).toMatchObject({ settings: { familyContactName: 'Xiao Ming' } });
  });

  it('puts the family contact on the warning as a phone link', async () => {
    await visit(tab, site.url(LISTED.phishing), WARNING_PAGE);
    await tab.getByText('Call Xiao Ming before you do anything:').waitFor();
    const phone = tab.getByTestId('family-phone');
    await expect(phone.textContent()).resolves.toBe('+86 138 0000 0000');
    await expect(phone.getAttribute('href')).resolves.toBe('tel:+8613800000000');
    // Without strict mode, "open anyway" is still offered.
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(1);
  });

  it('tells the popup it was set up by the family', async () => {
    const popup = await openPopupFor(browser, tab);
    await expect(popup.getByTestId('family-note').textContent()).resolves.toBe(
      'Set up by your family',
    );
    await popup.close();
  });
});

describe('the PIN', () => {
  it('hides the settings until the PIN is entered', async () => {
    const options = await openOptions(browser);
    await options.getByRole('heading', { name: 'These settings are locked' }).waitFor();
    await expect(options.getByLabel('Your phone number').count()).resolves.toBe(0);
    await unlock(options, '2468');
    await options.getByLabel(/Never let them open a blocked website/).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();
  });

  it('in strict mode, the warning has no way to proceed at all', async () => {
    await visit(tab, site.url(LISTED.scam), WARNING_PAGE);
    await tab.getByRole('button', { name: 'Go back to safety' }).waitFor();
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(0);
    await expect(tab.getByRole('button', { name: /anyway/ }).count()).resolves.toBe(0);
  });

  it('refuses a save without the PIN, in the background, not just on the page', async () => {
    const options = await openOptions(browser);
    const reply = await sendFrom(options, 'settings/save', { changes: { strictMode: false } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/locked/) });
    await options.close();
  });

  it('locks out after five wrong PINs, even the right one', async () => {
    const options = await openOptions(browser);
    for (let left = 4; left >= 1; left--) {
      await unlock(options, '0000');
      await options.getByText(`Wrong PIN. ${left} tries left.`).waitFor();
    }
    await unlock(options, '0000');
    await options.getByText(/Too many wrong PINs\. Try again after/).waitFor();
    await unlock(options, '2468');
    await options.getByText(/Too many wrong PINs/).waitFor();
    await expect(options.getByLabel('Your phone number').count()).resolves.toBe(0);

    // A reload does not reset the count: the background keeps it.
    await options.reload();
    await options.getByText(/Too many wrong PINs/).waitFor();
    await options.close();
  });

  it('"Forgot the PIN?" clears nothing at once, and the PIN stops the reset', async () => {
    const options = await openOptions(browser);
    await options.getByText('Forgot the PIN?').click();
    await options.getByText(/Resetting clears all family settings/).waitFor();
    await options
      .getByText(/Nothing is cleared at once: the settings stay for 24 h 0 min/)
      .waitFor();
    await options.getByRole('button', { name: 'Ask to clear all family settings' }).click();
    await options.getByTestId('reset-countdown').waitFor();
    await expect(options.getByLabel('Your phone number').count()).resolves.toBe(0);

    // Strict mode and the contact are still in force.
    await visit(tab, site.url(LISTED.scam, '/after-reset'), WARNING_PAGE);
    await tab.getByText('Call Xiao Ming before you do anything:').waitFor();
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(0);

    // Once the lockout the test before started is over, the PIN works again.
    await letPinLockoutPass(browser);
    await unlock(options, '2468');
    await options.getByLabel('Your phone number').waitFor();
    await expect(options.getByTestId('reset-pending').count()).resolves.toBe(0);

    // The family clears it themselves, with the PIN, for the next test.
    await options.getByRole('button', { name: 'Remove the PIN' }).click();
    await options.getByLabel(/Your name, as they call you/).fill('');
    await options.getByLabel('Your phone number').fill('');
    await options.getByLabel(/Never let them open a blocked website/).uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('button', { name: 'Set up family mode' }).waitFor();
    await options.close();
  });
});

describe('language and large text', () => {
  it('switches every page to Chinese and large text from the settings', async () => {
    const options = await openOptions(browser);
    await options.getByLabel('Language').selectOption('zh_CN');
    await options.getByLabel('Large text').check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('heading', { name: '反诈卫士设置' }).waitFor();
    await expect(options.locator('html').getAttribute('class')).resolves.toContain('large-text');

    await options.getByRole('button', { name: '设置家人守护模式' }).click();
    await options.getByLabel('您的称呼（例如“小明”或“女儿小丽”）').fill('女儿小丽');
    await options.getByLabel('您的电话号码').fill('138 0000 0000');
    await options.screenshot({ path: screenshotPath('family-setup-zh_CN.png'), fullPage: true });
    await options.getByRole('button', { name: '下一步' }).click();
    await options.close();

    await visit(tab, site.url(LISTED.malware), WARNING_PAGE);
    await tab.getByText('做任何事之前，请先给女儿小丽打电话：').waitFor();
    await expect(tab.getByTestId('hotline').textContent()).resolves.toBe('96110');
    const size = await tab.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(size).toBe('20px');
  });
});

import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, visit, type ExtensionBrowser, WARNING_PAGE } from './browser';
import { LISTED, openOptions, sendFrom, whenReady } from './family-helpers';
import { buildWithPageAccess } from './page-access-build';
import { startSiteServer, type SiteServer } from './site-server';

/**
 * A real Chromium policy file, as an administrator (or a family member with admin rights)
 * would install it; the extension id is fixed by the manifest's `key`.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/scam-guard-test.json`;
const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';

let site: SiteServer;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [EXTENSION_ID]: {
            strictMode: true,
            familyContactName: 'Admin Wang',
            familyContactPhone: '010 1234 5678',
            requirePageAccess: true,
          },
        },
      },
    }),
  );
  site = await startSiteServer();
  browser = await launchExtension();
  await whenReady(browser);
});

// Removed even when a test fails: the policy would otherwise apply to every Chromium here.
afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
  await site?.close();
});

describe('managed policy', () => {
  it('forces strict mode and the contact on the warning page', async () => {
    expect(browser?.extensionId).toBe(EXTENSION_ID);
    const tab = await browser!.context.newPage();
    await visit(tab, site.url(LISTED.phishing), WARNING_PAGE);
    await tab.getByText('Call Admin Wang before you do anything:').waitFor();
    await expect(tab.getByTestId('family-phone').getAttribute('href')).resolves.toBe(
      'tel:01012345678',
    );
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(0);
    await tab.close();
  });

  it('shows forced settings read-only, marked as set by the administrator', async () => {
    const options = await openOptions(browser!);
    const name = options.getByLabel(/Your name, as they call you/);
    await expect(name.inputValue()).resolves.toBe('Admin Wang');
    await expect(name.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(
      options.getByLabel('Your phone number').getAttribute('readonly'),
    ).resolves.not.toBeNull();
    await expect(
      options.getByLabel(/Never let them open a blocked website/).isDisabled(),
    ).resolves.toBe(true);
    await expect(options.getByText('Set by your administrator').count()).resolves.toBe(3);
    // Settings the policy leaves alone stay editable.
    await expect(options.getByLabel('Large text').isDisabled()).resolves.toBe(false);
    await options.close();
  });

  it('refuses to change a forced setting through the background', async () => {
    const options = await openOptions(browser!);
    const reply = await sendFrom(options, 'settings/save', { changes: { strictMode: false } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/administrator/) });
    await options.close();
  });
});

const badgeText = async (on: ExtensionBrowser) =>
  (await on.worker()).evaluate(() => chrome.action.getBadgeText({}));
const ALLOW = 'Allow Scam Guard to read pages';

// Only the user can grant host permissions (no Chrome or Firefox policy grants an optional
// one), so "required" means: asked for first, shown as incomplete until granted, and no
// "turn off" on offer.
describe('managed policy: requirePageAccess', () => {
  it('marks protection incomplete on the toolbar badge from the start', async () => {
    await expect(badgeText(browser!)).resolves.toBe('ON?');
  });

  it('asks in the popup, page checks being off, with the button that asks the browser', async () => {
    const popup = await browser!.openPopup();
    const request = popup.getByTestId('page-access-request');
    await request.getByText('Protection is incomplete: page checks are off.').waitFor();
    await request
      .getByText('Your family or administrator asks you to switch on page checks.')
      .waitFor();
    await request.getByRole('button', { name: ALLOW }).waitFor();
    const { violations } = await new AxeBuilder({ page: popup }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await popup.close();
  });

  it('puts page checking first in the settings, asked for', async () => {
    const options = await openOptions(browser!);
    await expect(options.locator('h2').first().textContent()).resolves.toBe(
      'Check pages for scams',
    );
    await options.getByTestId('page-access-required').waitFor();
    await options.getByRole('button', { name: ALLOW }).waitFor();
    await options.close();
  });

  it('once granted: nothing asked, the badge clear, and no way to turn it off', async () => {
    const granted = await launchExtension({ dist: buildWithPageAccess() });
    try {
      await whenReady(granted);
      const popup = await granted.openPopup();
      await expect(popup.getByTestId('page-access-request').count()).resolves.toBe(0);
      await popup.close();
      await expect(badgeText(granted)).resolves.toBe('');
      const options = await openOptions(granted);
      await options.getByTestId('page-access').getByText('Page checking is on.').waitFor();
      await expect(options.getByTestId('page-access-required').count()).resolves.toBe(0);
      await expect(
        options.getByRole('button', { name: 'Turn page checking off' }).count(),
      ).resolves.toBe(0);
      await expect(options.locator('h2').first().textContent()).resolves.not.toBe(
        'Check pages for scams',
      );
    } finally {
      await granted.close();
    }
  });
});

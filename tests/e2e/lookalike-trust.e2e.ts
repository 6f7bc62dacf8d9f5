import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  visit,
  closeSession,
  launchExtension,
  startSession,
  type ExtensionBrowser,
  WARNING_PAGE,
} from './browser';
import { openOptions, sendFrom, whenReady } from './family-helpers';
import type { SiteServer } from './site-server';

// A look-alike of ICBC that no list knows: the detector alone warns about it.
const HOST = 'icbc-kefu.top';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
  await whenReady(browser);
});

afterAll(() => closeSession({ browser, site }));

const welcome = (host: string) => `Welcome to ${host}`;

describe('"I know this site — it is fine" on a look-alike warning', () => {
  it('is a deliberate second step on the suspicious warning, and opens the site', async () => {
    await visit(page, site.url(HOST, '/pay'), WARNING_PAGE);
    await page.getByText('Careful! This website may be a fake.').waitFor();
    const confirm = page.getByRole('button', { name: 'This site is fine — open it' });
    await expect(confirm.isVisible()).resolves.toBe(false);
    await page.getByText('I know this site — it is fine').click();
    await expect(
      page.getByText(/will not warn you again that this site looks like another one/).isVisible(),
    ).resolves.toBe(true);
    const arrived = page.waitForURL(site.url(HOST, '/pay'));
    await confirm.click();
    await arrived;
    await expect(page.locator('h1').textContent()).resolves.toBe(welcome(HOST));
  });

  it('holds in other tabs and for subdomains', async () => {
    const other = await browser.context.newPage();
    await visit(other, site.url(`www.${HOST}`, '/other'));
    await expect(other.locator('h1').textContent()).resolves.toBe(welcome(`www.${HOST}`));
    await other.close();
  });

  it('is not offered for a list block', async () => {
    await visit(page, site.url('devifoodgrains.com'), WARNING_PAGE);
    await page.getByRole('button', { name: 'Go back to safety' }).waitFor();
    await expect(page.getByTestId('trust-control').count()).resolves.toBe(0);
  });

  it('survives a browser restart with the same profile', async () => {
    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchExtension({ profileDir });
    await whenReady(browser);
    page = await browser.context.newPage();
    await visit(page, site.url(HOST, '/again'));
    await expect(page.locator('h1').textContent()).resolves.toBe(welcome(HOST));
  });

  it('is listed in the settings, and "Undo" there brings the warning back', async () => {
    const options = await openOptions(browser);
    const list = options.getByTestId('trusted-list');
    await expect(list.textContent()).resolves.toContain(HOST);
    await options.getByRole('button', { name: `Undo: warn again about ${HOST}` }).click();
    await options.getByText(/^None\. Sites you mark as fine/).waitFor();
    await options.close();
    await visit(page, site.url(HOST, '/after-undo'), WARNING_PAGE);
    await page.getByText('Careful! This website may be a fake.').waitFor();
  });

  it('cannot be undone from the settings without the PIN once one is set', async () => {
    await visit(page, site.url(HOST), WARNING_PAGE);
    await page.getByText('I know this site — it is fine').click();
    await page.getByRole('button', { name: 'This site is fine — open it' }).click();
    await page.waitForURL(site.url(HOST));

    const options = await openOptions(browser);
    await expect(sendFrom(options, 'settings/set-pin', { pin: '2468' })).resolves.toMatchObject({
      ok: true,
    });
    await options.reload();
    await options.getByTestId('trusted-list').waitFor();
    await expect(options.getByRole('button', { name: /^Undo: warn again/ }).count()).resolves.toBe(
      0,
    );
    const reply = await sendFrom(options, 'trust/remove', { domain: HOST });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/locked/) });
    // Undone with the PIN session, for the strict-mode test below.
    const unlocked = (await sendFrom(options, 'settings/unlock', { pin: '2468' })) as {
      value: { token: string };
    };
    const token = unlocked.value.token;
    await expect(sendFrom(options, 'trust/remove', { domain: HOST, token })).resolves.toMatchObject(
      { ok: true, value: { removed: true } },
    );
    await expect(
      sendFrom(options, 'settings/save', { changes: { strictMode: true }, token }),
    ).resolves.toMatchObject({ ok: true });
    await options.close();
  });

  it('does not exist in strict mode, and the background refuses it too', async () => {
    await visit(page, site.url(HOST, '/strict'), WARNING_PAGE);
    await page.getByText('Careful! This website may be a fake.').waitFor();
    await expect(page.getByTestId('trust-control').count()).resolves.toBe(0);
    await expect(page.getByText('I know this site — it is fine').count()).resolves.toBe(0);
    const reply = await sendFrom(page, 'trust/allow', {});
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/turned off/) });
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse as parsePlist } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, visit, type ExtensionBrowser, WARNING_PAGE } from './browser';
import { LISTED, openOptions, whenReady } from './family-helpers';
import { horizontalOverflow, seriousViolations } from './serious-violations';
import { startSiteServer, type SiteServer } from './site-server';

const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';
// Quotes, markup and Chinese: what each format must escape in its own way.
const CONTACT = 'Xiao "Ming" </string> & 小明';
// Where the steps for Chromium on Linux put the file (the folder Debian's chromium reads).
const POLICY_FILE = '/etc/chromium/policies/managed/scam-guard.json';

let site: SiteServer;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
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

async function download(options: Page, target: string): Promise<Buffer> {
  await options.getByLabel('Browser and computer').selectOption(target);
  const [file] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download the policy file' }).click(),
  ]);
  return readFileSync((await file.path())!);
}

describe('make it stick', () => {
  let linuxPolicy: Buffer;

  it('downloads a policy file with the saved contact for each browser', async () => {
    const options = await openOptions(browser!);
    await expect(options.getByRole('heading', { name: 'Make it stick' }).count()).resolves.toBe(0);
    await options.getByLabel(/Your name, as they call you/).fill(CONTACT);
    await options.getByLabel('Your phone number').fill('+86 138 0000 0000');
    await options.getByLabel(/Never let them open a blocked website/).check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.getByRole('heading', { name: 'Make it stick' }).waitFor();
    // Debian's Chromium on Linux is what this browser is.
    await expect(options.getByLabel('Browser and computer').inputValue()).resolves.toBe(
      'chromium-linux',
    );

    linuxPolicy = await download(options, 'chromium-linux');
    expect(JSON.parse(linuxPolicy.toString('utf8'))).toEqual({
      ExtensionInstallForcelist: [
        `${EXTENSION_ID};https://clients2.google.com/service/update2/crx`,
      ],
      '3rdparty': {
        extensions: {
          [EXTENSION_ID]: expect.objectContaining({
            familyContactName: CONTACT,
            familyContactPhone: '+86 138 0000 0000',
            strictMode: true,
          }),
        },
      },
    });
    await options.getByText('Downloaded scam-guard-chromium.json.').waitFor();
    await options
      .getByText(`sudo install -D -m 644 scam-guard-chromium.json ${POLICY_FILE}`)
      .waitFor();

    // Registry Editor reads Chinese only from UTF-16 with a byte-order mark.
    const reg = await download(options, 'chrome-windows');
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const regText = new TextDecoder('utf-16le').decode(reg.subarray(2));
    expect(regText).toContain(`\\3rdparty\\extensions\\${EXTENSION_ID}\\policy]\r\n`);
    expect(regText).toContain(`"familyContactName"="Xiao \\"Ming\\" </string> & 小明"\r\n`);

    const profile = parsePlist((await download(options, 'edge-macos')).toString('utf8')) as {
      PayloadContent: Record<string, unknown>[];
    };
    expect(profile.PayloadContent[1]).toMatchObject({
      PayloadType: `com.microsoft.Edge.extensions.${EXTENSION_ID}`,
      familyContactName: CONTACT,
      strictMode: true,
    });

    const firefox = JSON.parse((await download(options, 'firefox-windows')).toString('utf8'));
    expect(Object.values(firefox.policies['3rdparty'].Extensions)).toEqual([
      expect.objectContaining({ familyContactName: CONTACT }),
    ]);
    await options.close();
  });

  it('is axe-clean and fits the window at 200% zoom', async () => {
    const options = await openOptions(browser!);
    await options.getByRole('heading', { name: 'Make it stick' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    // 200% zoom on a 1280px window is a 640px-wide page; the commands must wrap.
    await options.setViewportSize({ width: 640, height: 600 });
    await options.getByLabel('Browser and computer').selectOption('edge-windows');
    expect(await horizontalOverflow(options)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('is gone while a PIN locks the settings', async () => {
    const options = await openOptions(browser!);
    await options.getByRole('button', { name: 'Set a new PIN' }).click();
    await options.getByLabel('New PIN').fill('2468');
    await options.getByLabel('The same PIN again').fill('2468');
    await options.getByRole('button', { name: 'Save' }).last().click();
    await options.getByText('Saved.').waitFor();
    await options.reload();
    await options.getByLabel('PIN', { exact: true }).waitFor();
    await expect(options.getByRole('heading', { name: 'Make it stick' }).count()).resolves.toBe(0);
    await options.close();
  });

  it('put where its steps say, forces its settings in a fresh profile', async () => {
    await browser!.close();
    browser = undefined;
    // The file as downloaded, less its force-install: that names the store's copy, which this
    // machine cannot reach, and Chromium then no longer runs the unpacked build from dist/.
    const { ExtensionInstallForcelist: _forced, ...settingsPolicy } = JSON.parse(
      linuxPolicy.toString('utf8'),
    );
    mkdirSync('/etc/chromium/policies/managed', { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify(settingsPolicy));
    browser = await launchExtension();
    await whenReady(browser);

    const tab = await browser.context.newPage();
    await visit(tab, site.url(LISTED.phishing), WARNING_PAGE);
    await tab.getByText(`Call ${CONTACT} before you do anything:`).waitFor();
    await expect(tab.getByText('I understand the risk').count()).resolves.toBe(0);

    const options = await openOptions(browser);
    await expect(options.getByLabel(/Your name, as they call you/).inputValue()).resolves.toBe(
      CONTACT,
    );
    // Name, phone, strict mode, hotline, language and large text: every field the file forces.
    await expect(options.getByText('Set by your administrator').count()).resolves.toBe(6);
  });
});

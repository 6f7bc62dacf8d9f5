import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import {
  launchExtension,
  screenshotPath,
  visit,
  WARNING_PAGE,
  type ExtensionBrowser,
} from './browser';
import { LISTED, openOptions, whenReady } from './family-helpers';
import { startSiteServer, type SiteServer } from './site-server';

/**
 * Family alerts between two real Chromium profiles at once: the relative's browser watches
 * over Mum's, through the real service (relay on a SQLite file) over real HTTP. The builds
 * talk to http://127.0.0.1:8787 (the default SCAM_GUARD_RELAY_URL). A machine-wide policy
 * shortens the relative's poll period to 2 s, as an administrator could.
 */
const PORT = 8787;
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/scam-guard-alerts-test.json`;
const EXTENSION_ID = 'nficakcfecjbfmpiaemceabnbnomlkoc';
const POLL_SECONDS = 2;
const MUM = { name: 'Mum Zhang', phone: '+86 138 1234 5678' };
const PIN = '4826';

const work = mkdtempSync(join(tmpdir(), 'scam-guard-alerts-'));
const database = join(work, 'service.db');
let server: RunningServer | undefined;
let site: SiteServer;
let relative: ExtensionBrowser;
let mum: ExtensionBrowser;
let watcherPage: Page;
let mumOptions: Page;
let pairingCode = '';
const delays: number[] = [];

/** What the relative's worker stored as received, newest first (read-only inspection). */
async function inbox(): Promise<{ alert: { id: string; kind: string; host?: string } }[]> {
  const worker = await relative.worker();
  return worker.evaluate(async () => {
    const { familyWatch } = (await chrome.storage.local.get('familyWatch')) as {
      familyWatch?: { inbox: { alert: { id: string; kind: string; host?: string } }[] };
    };
    return familyWatch?.inbox ?? [];
  });
}

async function notificationIds(): Promise<string[]> {
  const worker = await relative.worker();
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

/** Waits for the relative's notification of an alert of `kind`; what was stored, and when. */
async function notified(kind: string, since: number, host?: string) {
  const deadline = since + 5 * POLL_SECONDS * 1000 + 20_000;
  for (;;) {
    const [received, shown] = await Promise.all([inbox(), notificationIds()]);
    const found = received.find(
      (r) =>
        r.alert.kind === kind &&
        (host === undefined || r.alert.host === host) &&
        shown.includes(r.alert.id),
    );
    if (found) return { ...found.alert, after: Date.now() - since };
    if (Date.now() > deadline) throw new Error(`no ${kind} notification arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every byte the service keeps: its SQLite file and the write-ahead log beside it. */
function serviceBytes(): Buffer {
  return Buffer.concat(
    [database, `${database}-wal`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  );
}

/** "Watch over someone" in the relative's settings: the 8-digit code it shows. */
async function newPairingCode(phone?: string): Promise<string> {
  await watcherPage.getByLabel('Their name, as you call them (e.g. Mum)').fill(MUM.name);
  if (phone) await watcherPage.getByLabel('Their phone number, for the call button').fill(phone);
  await watcherPage.getByRole('button', { name: 'Get a pairing code' }).click();
  const shown = await watcherPage.getByTestId('watch-code').textContent();
  return /([0-9]{4}) ([0-9]{4})/
    .exec(shown ?? '')!
    .slice(1)
    .join('');
}

/** Types `code` into "Alerts to the family" in Mum's settings and presses Pair. */
async function typeCode(code: string): Promise<void> {
  await mumOptions.getByLabel("Code from your relative's Scam Guard (8 digits)").fill(code);
  await mumOptions.getByRole('button', { name: 'Pair', exact: true }).click();
}

async function unlockMum(): Promise<void> {
  await mumOptions.locator('#pin-unlock').fill(PIN);
  await mumOptions.getByRole('button', { name: 'Unlock' }).click();
}

beforeAll(async () => {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': { extensions: { [EXTENSION_ID]: { alertPollSeconds: POLL_SECONDS } } },
    }),
  );
  server = await startServer({ port: PORT, listDir: work, databasePath: database });
  site = await startSiteServer();
  [relative, mum] = await Promise.all([launchExtension(), launchExtension()]);
  await Promise.all([whenReady(relative), whenReady(mum)]);
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await relative?.close();
  await mum?.close();
  await site?.close();
  await server?.close();
});

describe('family alerts between two browsers', () => {
  it('pairs with the one-time code, and both screens show the same check code', async () => {
    watcherPage = await openOptions(relative);
    pairingCode = await newPairingCode(MUM.phone);
    mumOptions = await openOptions(mum);
    await typeCode(pairingCode);
    const mumCheck = await mumOptions.getByTestId('alerts-check-code').textContent();
    expect(mumCheck).toMatch(/Check code: [0-9]{3} [0-9]{3}/);

    const paired = watcherPage.getByTestId('watch-paired');
    await paired.waitFor();
    await expect(paired.textContent()).resolves.toContain(mumCheck!.replace('Check code: ', ''));
    await expect(paired.textContent()).resolves.toContain(`Paired with ${MUM.name}.`);

    for (const page of [watcherPage, mumOptions]) {
      const axe = await new AxeBuilder({ page }).include('main').analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      // 200% zoom on a 1280px window: the codes and the lists wrap rather than overflow.
      const size = page.viewportSize();
      await page.setViewportSize({ width: 640, height: 600 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      if (size) await page.setViewportSize(size);
    }
  });

  it("a warning in Mum's browser becomes a notification naming the host and category", async () => {
    const tab = await mum.context.newPage();
    const since = Date.now();
    await visit(tab, site.url(LISTED.phishing, '/login?account=42'), WARNING_PAGE);
    const alert = await notified('warning', since);
    delays.push(alert.after);
    expect(alert.host).toBe(LISTED.phishing);
    // The relative's own list of alerts says what happened, with the call button.
    await watcherPage.reload();
    const list = watcherPage.getByTestId('watch-alerts');
    await expect(list.textContent()).resolves.toContain(`A warning stopped ${LISTED.phishing}.`);
    await expect(list.textContent()).resolves.toContain(
      'Kind of scam: Phishing (fake bank, shop or login page).',
    );
    await expect(
      list
        .getByRole('link', { name: `Call ${MUM.name}` })
        .first()
        .getAttribute('href'),
    ).resolves.toBe('tel:+8613812345678');
    await watcherPage
      .getByTestId('watch-over')
      .screenshot({ path: screenshotPath('family-alerts-en.png') });
    await tab.close();
  });

  it('an alert raised while the relay is down arrives after a browser restart, once', async () => {
    await server!.close();
    const tab = await mum.context.newPage();
    await visit(tab, site.url(LISTED.malware), WARNING_PAGE);
    // Queued in the protected browser's IndexedDB, and the browser is closed with it there.
    const worker = await mum.worker();
    const queued = await worker.evaluate(async () => {
      const request = indexedDB.open('scam-guard');
      const db = await new Promise<IDBDatabase>(
        (resolve) => (request.onsuccess = () => resolve(request.result)),
      );
      const count = db.transaction('alerts').objectStore('alerts').count();
      return new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)));
    });
    expect(queued).toBe(1);
    await mum.close();
    server = await startServer({ port: PORT, listDir: work, databasePath: database });
    const since = Date.now();
    mum = await launchExtension({ profileDir: mum.profileDir });
    const alert = await notified('warning', since, LISTED.malware);
    expect(alert.host).toBe(LISTED.malware);
    mumOptions = await openOptions(mum);
    // Two more polls: a second copy would have arrived by then.
    await new Promise((resolve) => setTimeout(resolve, 2 * POLL_SECONDS * 1000));
    expect((await inbox()).filter((r) => r.alert.host === LISTED.malware)).toHaveLength(1);
  });

  it('"Forgot the PIN?" tells the relative at once', async () => {
    // The family set a PIN; someone on the phone now talks Mum into "Forgot the PIN?".
    await mumOptions.evaluate(
      (pin) => chrome.runtime.sendMessage({ type: 'settings/set-pin', payload: { pin } }),
      PIN,
    );
    await mumOptions.reload();
    await mumOptions.getByText('Forgot the PIN?').click();
    const since = Date.now();
    await mumOptions.getByRole('button', { name: 'Ask to clear all family settings' }).click();
    const alert = await notified('reset', since);
    delays.push(alert.after);
  });

  it('the service stores no host, category or name in any form', async () => {
    const bytes = serviceBytes();
    expect(bytes.length).toBeGreaterThan(0);
    // Long enough that random key and box bytes cannot spell one by chance.
    for (const secret of [LISTED.phishing, LISTED.malware, 'phishing', MUM.name, '13812345678']) {
      for (const form of [
        Buffer.from(secret, 'utf8'),
        Buffer.from(secret, 'utf16le'),
        Buffer.from(Buffer.from(secret).toString('base64').replace(/=+$/, '')),
        Buffer.from(Buffer.from(secret).toString('base64url').replace(/=+$/, '')),
        Buffer.from(Buffer.from(secret).toString('hex')),
      ]) {
        expect(bytes.includes(form), `${secret} as ${form.toString()}`).toBe(false);
      }
    }
  });

  it('unpairing stops alerts, and the used code cannot pair again', async () => {
    await unlockMum();
    await mumOptions.getByRole('button', { name: 'Unpair' }).click();
    await mumOptions.getByLabel("Code from your relative's Scam Guard (8 digits)").waitFor();
    await watcherPage.getByText('Alerts stopped: their browser was unpaired.').waitFor({
      timeout: 5 * POLL_SECONDS * 1000 + 10_000,
    });
    const before = (await inbox()).length;
    const tab = await mum.context.newPage();
    await visit(tab, site.url(LISTED.scam), WARNING_PAGE);
    // The relay has no channel left to carry anything, and nothing new reached the relative.
    const db = new Database(database, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM relay_channels').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM relay_messages').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect((await inbox()).length).toBe(before);

    await typeCode(pairingCode);
    await mumOptions.getByText('This code does not work.', { exact: false }).waitFor();
    await tab.close();
  });

  it('refuses an expired code with the same words', async () => {
    const code = await newPairingCode();
    // The code's ten minutes pass (the service's clock is real, so its slot is aged instead).
    const db = new Database(database);
    try {
      db.prepare('UPDATE relay_pairings SET expires_at = ? WHERE code = ?').run(
        Date.now() - 1,
        code,
      );
    } finally {
      db.close();
    }
    await mumOptions.reload();
    await unlockMum();
    await typeCode(code);
    await mumOptions.getByText('This code does not work.', { exact: false }).waitFor();
  });

  it('removing Scam Guard tells the relative, through the uninstall page', async () => {
    const code = await newPairingCode();
    await typeCode(code);
    await mumOptions.getByTestId('alerts-check-code').waitFor();

    // As "Remove from Chrome" does; Chrome then opens the uninstall page in a new tab.
    const farewell = mum.context.waitForEvent('page');
    const since = Date.now();
    const worker = await mum.worker();
    await worker.evaluate(() => void chrome.management.uninstallSelf());
    const page = await farewell;
    await page.getByText('Your family has been told.', { exact: false }).waitFor();
    const alert = await notified('removed', since);
    delays.push(alert.after);
    console.log(JSON.stringify({ alertDelayMs: delays, pollSeconds: POLL_SECONDS }));
  });
});

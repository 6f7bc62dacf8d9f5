import { hexToBytes } from '@noble/hashes/utils.js';
import { platform } from '#platform';
import browser from 'webextension-polyfill';
import { buildConfig } from '../build-config';
import { createListHolder } from './active-list';
import { registerProtectionBadge, showProtectionBadge } from './badge';
import { bundledStarter } from './bundled-starter';
import { openDatabase } from './db';
import { createContentCheck } from './content-check';
import { createFamilyAlerts, registerFamilyAlertAlarms } from './family-alerts';
import { alertDetails } from './family-link';
import { contentCheckDeps } from './content-handlers';
import { createListStore } from './list-store';
import { createLookalikeCheck } from './lookalike-check';
import { createListSync } from './list-sync';
import { registerMessageHandlers, type Services } from './message-handlers';
import { registerNavigationGuard } from './navigation-guard';
import { createNetworkRules } from './network-rules';
import { registerPageAccess } from './page-access';
import { createPersonalBlocklist } from './personal-blocklist';
import { createProtection } from './protection';
import { registerReportAlarm, scheduleReportRetry } from './report-alarm';
import { registerResetAlarm } from './reset-alarm';
import { createReportQueue } from './report-queue';
import { getEffectiveSettings, onSettingsChanged, registerSettingsListener } from './settings';
import { registerSyncAlarm, scheduleSync } from './sync-alarm';
import { tabState } from './tab-state';
import { createTrustedSites } from './trusted-sites';
import { registerWelcome } from './welcome';

/**
 * Wiring only. Every listener is registered here, synchronously, in the worker's first
 * turn; each waits on the data it needs. Navigation checks wait only for the lists
 * (`protected_`), not for settings, sync or the report queue, so a navigation that wakes
 * the worker is judged as soon as the stored list is loaded — and never before.
 */
async function startProtection() {
  const db = await openDatabase();
  // The user's blocks reach the network rules through the list holder, which owns them.
  const personal = await createPersonalBlocklist(db, () => lists.personalChanged());
  const trusted = await createTrustedSites(db);
  const store = createListStore(db);
  const lists = createListHolder({
    store,
    rules: createNetworkRules(platform.networkRulesApi(browser.declarativeNetRequest)),
    starter: bundledStarter,
    personalKeys: () => personal.entries().map((entry) => entry.domain),
  });
  // Not even the bundled list: every page is then "unchecked", never "safe", and the
  // static ruleset still refuses the bundled list's sites by itself.
  await lists.load().catch((error: unknown) => console.error('no list could be loaded', error));
  const protection = createProtection({
    personal,
    trusted,
    list: lists.current,
    lookalike: createLookalikeCheck(lists),
  });
  return { db, personal, trusted, store, lists, protection };
}

async function startServices(core: Awaited<ReturnType<typeof startProtection>>): Promise<Services> {
  const { db, personal, trusted, store, lists, protection } = core;
  const sync = createListSync({
    fetch: (input, init) => fetch(input, init),
    lists,
    store,
    publicKey: hexToBytes(buildConfig.listPublicKey),
    manifestUrl: async () => (await getEffectiveSettings()).settings.listUrl,
  });
  const { settings } = await getEffectiveSettings();
  void scheduleSync(settings.syncIntervalMinutes);
  onSettingsChanged(({ settings: changed }) => void scheduleSync(changed.syncIntervalMinutes));
  void showProtectionBadge(protection.status(await sync.state()));
  const queue = createReportQueue({
    db,
    fetch: (input, init) => fetch(input, init),
    reportUrl: async () => (await getEffectiveSettings()).settings.reportUrl,
    schedule: scheduleReportRetry,
  });
  // Whatever waited while the worker or the browser was stopped goes out now, if it is due.
  void queue.flush();
  const reports = { queue, listVersion: () => lists.current()?.version ?? 0 };
  const contentCheck = createContentCheck({ list: lists.current, trusted, ...contentCheckDeps });
  return { protection, personal, trusted, sync, reports, contentCheck, alerts: await alerts };
}

const protected_ = startProtection();
// Apart from the other services: a warning shown while they start is still told to the family.
const alerts = protected_.then((core) => createFamilyAlerts(core.db));
const ready = protected_.then(startServices);
ready.catch((error: unknown) => {
  console.error('Scam Guard failed to start', error);
  // Say so on the toolbar rather than look like a quiet, protected browser.
  void showProtectionBadge({
    state: 'unprotected',
    listVersion: null,
    listBuiltAt: null,
    entryCount: 0,
    lastCheckedAt: null,
    updateError: null,
  });
});

registerNavigationGuard(protected_.then((core) => core.protection));
registerMessageHandlers(ready);
registerSyncAlarm(ready.then((s) => s.sync));
registerReportAlarm(ready.then((s) => s.reports.queue));
registerSettingsListener();
registerResetAlarm();
registerFamilyAlertAlarms(alerts);
tabState.onBlock((verdict) => {
  void alerts.then((family) => family.link.notify('warning', alertDetails(verdict)));
});
registerPageAccess();
registerProtectionBadge(() =>
  ready.then(async ({ protection, sync }) => protection.status(await sync.state())),
);
registerWelcome();

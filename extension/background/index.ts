import { hexToBytes } from '@noble/hashes/utils.js';
import { buildConfig } from '../build-config';
import { createListHolder } from './active-list';
import { showProtectionBadge } from './badge';
import { openDatabase } from './db';
import { createListStore } from './list-store';
import { createLookalikeCheck } from './lookalike-check';
import { createListSync } from './list-sync';
import { registerMessageHandlers, type Services } from './message-handlers';
import { registerNavigationGuard } from './navigation-guard';
import { createPersonalBlocklist } from './personal-blocklist';
import { createProtection } from './protection';
import { registerReportAlarm, scheduleReportRetry } from './report-alarm';
import { createReportQueue } from './report-queue';
import { getEffectiveSettings, onSettingsChanged, registerSettingsListener } from './settings';
import { registerSyncAlarm, scheduleSync } from './sync-alarm';

/**
 * Wiring only. Every listener is registered here, synchronously, in the worker's first
 * turn; each waits on `ready`, which resolves once the stored data is loaded.
 */
async function start(): Promise<Services> {
  const db = await openDatabase();
  const personal = await createPersonalBlocklist(db);
  const store = createListStore(db);
  const lists = createListHolder(store);
  await lists.load().catch((error: unknown) => console.error('no list could be loaded', error));
  const protection = createProtection({
    personal,
    list: lists.current,
    lookalike: createLookalikeCheck(lists),
  });
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
  return { protection, personal, sync, reports };
}

const ready = start();
ready.catch((error: unknown) => console.error('Scam Guard failed to start', error));

registerNavigationGuard(ready.then((s) => s.protection));
registerMessageHandlers(ready);
registerSyncAlarm(ready.then((s) => s.sync));
registerReportAlarm(ready.then((s) => s.reports.queue));
registerSettingsListener();

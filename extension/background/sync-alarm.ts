import browser from 'webextension-polyfill';
import type { ListSync } from './list-sync';

export const SYNC_ALARM = 'list-sync';

/**
 * Drives list sync with `alarms`, which survive the worker being stopped. The first run
 * comes a random 0–60 s after the browser starts (so a fleet of browsers does not hit the
 * server at once), then every `intervalMinutes` (30 by default, shorter by policy; Chrome
 * will not fire alarms more often than every 30 s).
 */
export function registerSyncAlarm(ready: Promise<ListSync>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void ready.then((sync) => sync.run('alarm'));
  });
}

/** Creates the alarm, or re-creates it when the interval changed (e.g. by policy). */
export async function scheduleSync(intervalMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  const period = Math.max(0.5, intervalMinutes);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(SYNC_ALARM, {
    when: Date.now() + Math.random() * 60_000,
    periodInMinutes: period,
  });
}

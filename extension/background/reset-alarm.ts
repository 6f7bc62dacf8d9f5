import browser from 'webextension-polyfill';
import { createResetWait } from './reset-wait';
import { clearFamilySettings, getEffectiveSettings, resetStore } from './settings';
import { lockedUntil } from './settings-lock';

export const RESET_ALARM = 'family-reset';

/** The worker's one reset waiting period, on `storage.local`, woken by an alarm at its end. */
export const familyReset = createResetWait({
  store: resetStore,
  clear: clearFamilySettings,
  waitHours: async () => (await getEffectiveSettings()).settings.resetWaitHours,
  pinLockedUntil: lockedUntil,
  schedule: (at) => {
    if (at === null) void browser.alarms.clear(RESET_ALARM);
    // Chrome fires alarms no sooner than 30 s from now; `settle` also runs whenever a page asks.
    else void browser.alarms.create(RESET_ALARM, { when: Math.max(at, Date.now() + 30_000) });
  },
});

/** Registered at the worker's top level; also settles a period that ended while it was stopped. */
export function registerResetAlarm(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESET_ALARM) void familyReset.settle();
  });
  void familyReset.settle();
}

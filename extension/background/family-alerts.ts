import browser from 'webextension-polyfill';
import { CHECK_IN_HOURS } from '../../shared/family-alerts';
import { alertText } from '../ui/alert-text';
import { setLanguage, t, uiLanguage } from '../ui/i18n';
import type { Database } from './db';
import { createFamilyLink, type FamilyLink } from './family-link';
import { createFamilyWatch, type FamilyWatch, type WatchNotice } from './family-watch';
import { createRelayClient } from './relay-client';
import { getEffectiveSettings, linkStore, onSettingsChanged, watchStore } from './settings';

/**
 * Family alerts wired to the browser: the relay over `fetch`, the alarms that retry the
 * outbox, send check-ins and poll for a relative's alerts, the uninstall page, and the
 * notifications a relative sees.
 */

export const ALERT_RETRY_ALARM = 'family-alerts-retry';
export const CHECK_IN_ALARM = 'family-check-in';
export const POLL_ALARM = 'family-poll';

export interface FamilyAlerts {
  link: FamilyLink;
  watch: FamilyWatch;
}

function noticeText(notice: WatchNotice): string {
  if (notice.kind === 'quiet') return t('alertQuiet', notice.hours);
  if (notice.kind === 'ended') return t('alertEnded');
  const time = new Date(notice.alert.at).toLocaleTimeString(uiLanguage(), {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${alertText(notice.alert)} ${t('alertAt', time)}`;
}

async function show(id: string, notice: WatchNotice): Promise<void> {
  setLanguage((await getEffectiveSettings()).settings.language);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('extension/icons/icon-128.png'),
    title: t('alertTitle', notice.watch.name),
    message: noticeText(notice),
  });
}

/** Check-ins run while this browser is paired; `pair` and `unpair` call this too. */
export function scheduleCheckIn(paired: boolean): void {
  if (!paired) {
    void browser.alarms.clear(CHECK_IN_ALARM);
    return;
  }
  void browser.alarms.get(CHECK_IN_ALARM).then((existing) => {
    if (!existing) {
      void browser.alarms.create(CHECK_IN_ALARM, { periodInMinutes: CHECK_IN_HOURS * 60 });
    }
  });
}

function schedulePoll(active: boolean, seconds: number): void {
  if (!active) {
    void browser.alarms.clear(POLL_ALARM);
    return;
  }
  void browser.alarms.get(POLL_ALARM).then((existing) => {
    const period = seconds / 60;
    if (existing?.periodInMinutes === period) return;
    void browser.alarms.create(POLL_ALARM, { when: Date.now() + 1000, periodInMinutes: period });
  });
}

export function createFamilyAlerts(db: Database): FamilyAlerts {
  const settings = async () => (await getEffectiveSettings()).settings;
  const relay = createRelayClient({
    fetch: (input, init) => fetch(input, init),
    relayUrl: async () => (await settings()).relayUrl,
  });
  const link = createFamilyLink({
    db,
    relay,
    store: linkStore,
    policy: async () => {
      const { familyChannel, familyAlertsRequired } = await settings();
      return { channel: familyChannel, required: familyAlertsRequired };
    },
    relayUrl: async () => (await settings()).relayUrl,
    setUninstallUrl: (url) => browser.runtime.setUninstallURL(url),
    schedule: (at) => {
      if (at === null) void browser.alarms.clear(ALERT_RETRY_ALARM);
      // Chrome fires alarms no sooner than 30 s from now, whatever `when` says.
      else
        void browser.alarms.create(ALERT_RETRY_ALARM, { when: Math.max(at, Date.now() + 30_000) });
    },
  });
  let watching = false;
  const watch = createFamilyWatch({
    relay,
    store: watchStore,
    notify: show,
    polling: (active) => {
      watching = active;
      void settings().then((s) => schedulePoll(active, s.alertPollSeconds));
    },
  });

  // Start-up reads the pairing once. Most browsers are paired with nobody and stop there;
  // a paired one sends what waited in the outbox and keeps its check-ins and uninstall page.
  void link
    .status()
    .then(async (status) => {
      const active = status.paired && !status.ended;
      scheduleCheckIn(active);
      if (!active) return;
      if (status.pending > 0) await link.flush();
      await link.refreshFarewell();
    })
    .catch((error: unknown) => console.error('family alerts', error));
  void watchStore.get().then((state) => {
    watching = state.pending !== null || state.watches.some((w) => !w.ended);
    void settings().then((s) => schedulePoll(watching, s.alertPollSeconds));
  });
  onSettingsChanged((changed) => schedulePoll(watching, changed.settings.alertPollSeconds));
  return { link, watch };
}

/** Registered at the worker's top level, so each alarm wakes the worker. */
export function registerFamilyAlertAlarms(ready: Promise<FamilyAlerts>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_RETRY_ALARM) void ready.then((alerts) => alerts.link.flush());
    if (alarm.name === CHECK_IN_ALARM) void ready.then((alerts) => alerts.link.notify('check-in'));
    if (alarm.name === POLL_ALARM) void ready.then((alerts) => alerts.watch.poll());
  });
  // A click on a relative's notification opens the list of alerts, with its call buttons.
  browser.notifications.onClicked.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('extension/options/index.html#watch') });
  });
  // Back online: what waited goes out now rather than at the next retry.
  self.addEventListener('online', () => void ready.then((alerts) => alerts.link.flush()));
}

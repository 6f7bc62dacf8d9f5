import browser from 'webextension-polyfill';
import type { ReportQueue } from './report-queue';

export const REPORT_ALARM = 'report-retry';

/** Retries queued reports from an alarm, which outlives the stopped worker and the browser. */
export function registerReportAlarm(ready: Promise<ReportQueue>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REPORT_ALARM) return;
    void ready.then((queue) => queue.flush());
  });
}

/** Wakes the queue at `at`, or clears the alarm when nothing is waiting (null). */
export function scheduleReportRetry(at: number | null): void {
  if (at === null) void browser.alarms.clear(REPORT_ALARM);
  // Chrome fires alarms no sooner than 30 s from now, whatever `when` says.
  else void browser.alarms.create(REPORT_ALARM, { when: Math.max(at, Date.now() + 30_000) });
}

import type { Category } from './categories';
import type { SenderTable } from './message-senders';

/**
 * The reporting part of the message protocol (merged into `Protocol` in messages.ts):
 * "Report this page" in the popup, "report a mistake" on the warning page, and a way to send
 * what is queued now.
 */

/** Everything a report of the page would carry, shown to the user before the first one. */
export interface ReportPreview {
  url: string;
  extensionVersion: string;
  listVersion: number;
  installId: string;
  /** The user has seen a preview before: later reports go in one click. */
  previewSeen: boolean;
}

export interface ReportProtocol {
  /** Popup only: what a report of the tab's page would send. */
  'report/preview': { request: { tabId: number }; response: ReportPreview };
  /**
   * Popup only: blocks the page's registrable domain for this user and queues a scam report.
   * `blockedDomain` is null when the user had blocked it already (undo then keeps the block).
   */
  'report/submit': {
    request: { tabId: number; category?: Category; note?: string };
    response: { reportId: string; blockedDomain: string | null; duplicate: boolean };
  };
  /**
   * Popup only: undoes `report/submit`; `withdrawn` is false when it was already sent.
   * Lifting the block needs `token` from `settings/unlock` once a PIN is set.
   */
  'report/undo': {
    request: { reportId: string; blockedDomain: string | null; token?: string };
    response: { unblocked: boolean; withdrawn: boolean };
  };
  /** Sent by the warning page about its own tab: "this site is safe". Unblocks nothing. */
  'report/false-positive': { request: Record<string, never>; response: { reportId: string } };
  /** Sends the queued reports now, back-off or not (never against a Retry-After). */
  'report/flush': {
    request: Record<string, never>;
    response: { delivered: number; refused: number; pending: number };
  };
}

export const REPORT_MESSAGE_SENDERS: SenderTable<keyof ReportProtocol> = {
  'report/preview': ['popup'],
  'report/submit': ['popup'],
  'report/undo': ['popup'],
  'report/false-positive': ['warning'],
  'report/flush': ['popup'],
};

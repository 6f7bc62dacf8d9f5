import type { FamilyAlert } from './family-alerts';
import type { SenderTable } from './message-senders';

/**
 * Family alerts in the message protocol (merged into `Protocol` in messages.ts). Two sides,
 * often in two browsers of one family: the protected browser sends (`alerts/*`), the
 * relative's browser watches over it (`watch/*`).
 */

/** The protected browser's side of the pairing. */
export interface AlertLinkView {
  paired: boolean;
  /** The six digits both screens show; the family compares them once. */
  checkCode: string | null;
  pairedAt: number | null;
  /** The relative removed this browser: nothing is sent any more. */
  ended: boolean;
  /** Paired by policy, or alerts required by policy: it cannot be unpaired here. */
  forced: boolean;
  /** Alerts queued and not yet delivered (offline, or the relay is down). */
  pending: number;
  lastSentAt: number | null;
}

/** A browser this one watches over, as the relative's options page shows it. */
export interface WatchView {
  channelId: string;
  name: string;
  phone: string;
  checkCode: string;
  pairedAt: number;
  /** Last time anything arrived from it, check-ins included. */
  lastHeardAt: number | null;
  /** It was unpaired on the other side (or the relay forgot the channel). */
  ended: boolean;
}

export interface ReceivedAlert {
  channelId: string;
  alert: FamilyAlert;
  receivedAt: number;
}

export interface PendingWatch {
  code: string;
  expiresAt: number;
  name: string;
}

export interface AlertProtocol {
  'alerts/status': { request: Record<string, never>; response: AlertLinkView };
  /** Uses the relative's 8-digit code; `token` from `settings/unlock` once a PIN is set. */
  'alerts/pair': { request: { code: string; token?: string }; response: AlertLinkView };
  /** Stops alerts: needs the PIN session, and is refused when policy requires alerts. */
  'alerts/unpair': { request: { token?: string }; response: AlertLinkView };
  /** "Watch over someone": asks the relay for a one-time code for the person's browser. */
  'watch/start': { request: { name: string; phone: string }; response: PendingWatch };
  /** While the code waits to be used: asks the relay once whether it was. */
  'watch/pending': {
    request: Record<string, never>;
    response: { pending: PendingWatch | null; paired: WatchView | null };
  };
  'watch/cancel': { request: Record<string, never>; response: { done: true } };
  'watch/list': {
    request: Record<string, never>;
    response: { watches: WatchView[]; alerts: ReceivedAlert[] };
  };
  'watch/remove': {
    request: { channelId: string };
    response: { watches: WatchView[]; alerts: ReceivedAlert[] };
  };
}

export const ALERT_MESSAGE_SENDERS: SenderTable<keyof AlertProtocol> = {
  'alerts/status': ['options'],
  'alerts/pair': ['options'],
  'alerts/unpair': ['options'],
  'watch/start': ['options'],
  'watch/pending': ['options'],
  'watch/cancel': ['options'],
  'watch/list': ['options'],
  'watch/remove': ['options'],
};

import { ALERT_MESSAGE_SENDERS, type AlertProtocol } from './alert-messages';
import { CONTENT_MESSAGE_SENDERS, type ContentProtocol } from './content-messages';
import { FAMILY_MESSAGE_SENDERS, type FamilyProtocol } from './family-messages';
import type { SenderKind, SenderTable } from './message-senders';
import { REPORT_MESSAGE_SENDERS, type ReportProtocol } from './report-messages';
import { TRUST_MESSAGE_SENDERS, type TrustProtocol } from './trust-messages';
import type { Verdict } from './verdict';

/**
 * The one message protocol between the extension's pages (popup, warning, options) and the
 * background. Each message name maps to its request and response; the background's
 * handlers are typed against this map and the pages' client is too, so a change here is
 * checked on both sides by the compiler.
 */

/** How well the user is protected right now, in the popup's plain words. */
export interface ProtectionStatus {
  state: 'protected' | 'stale' | 'unprotected';
  listVersion: number | null;
  /** When the active list was built (ms since epoch). */
  listBuiltAt: number | null;
  entryCount: number;
  /** When the list was last checked for updates successfully. */
  lastCheckedAt: number | null;
  /** Why the last update failed (a `SyncErrorKind`), or null. */
  updateError: string | null;
}

export interface PersonalEntry {
  domain: string;
  addedAt: number;
}

export interface TabStatus {
  tabId: number;
  /** The page's URL as the background last saw it; null for tabs it has not seen. */
  url: string | null;
  verdict: Verdict | null;
  /** The registrable domain "Block this site" would add, if the page is a web page. */
  blockableDomain: string | null;
  /** Set when the user's own blocklist covers this page. */
  personalBlock: string | null;
}

/** What the warning page shows; only ever produced for a tab the background redirected. */
export interface BlockedPage {
  verdict: Verdict;
  blockedAt: number;
}

export interface Protocol
  extends FamilyProtocol, ReportProtocol, TrustProtocol, ContentProtocol, AlertProtocol {
  'tab/status': {
    request: { tabId: number };
    response: { tab: TabStatus; protection: ProtectionStatus };
  };
  'list/update-now': { request: Record<string, never>; response: ProtectionStatus };
  'personal/block': { request: { tabId: number }; response: { domain: string } };
  /** `token` from `settings/unlock`: required once a PIN is set (family mode). */
  'personal/unblock': {
    request: { domain: string; token?: string };
    response: { removed: boolean };
  };
  'personal/list': { request: Record<string, never>; response: { entries: PersonalEntry[] } };
  /** Sent by the warning page about its own tab (the sender's tab, never a tab id it names). */
  'warning/get': { request: Record<string, never>; response: BlockedPage | null };
  'warning/leave': { request: Record<string, never>; response: { done: true } };
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Protocol[K]['request'];
export type ResponseOf<K extends MessageName> = Protocol[K]['response'];

export interface Message<K extends MessageName = MessageName> {
  type: K;
  payload: RequestOf<K>;
}

/** Handler errors travel back as values, so the caller sees the message, not "undefined". */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Who may send each message. A record, not a list, so the compiler insists every message
 * has its rule: a new message without one does not build, and the router refuses any
 * sender its rule does not name.
 */
const SENDERS: SenderTable<MessageName> = {
  ...FAMILY_MESSAGE_SENDERS,
  ...REPORT_MESSAGE_SENDERS,
  ...TRUST_MESSAGE_SENDERS,
  ...CONTENT_MESSAGE_SENDERS,
  ...ALERT_MESSAGE_SENDERS,
  'tab/status': ['popup'],
  'list/update-now': ['popup'],
  'personal/block': ['popup'],
  'personal/unblock': ['popup', 'options'],
  'personal/list': ['options'],
  'warning/get': ['warning'],
  'warning/leave': ['warning'],
};

/** Whether `sender` may send a message of this type (false for unknown types). */
export function maySend(type: string, sender: SenderKind): boolean {
  return Object.hasOwn(SENDERS, type) && SENDERS[type as MessageName].includes(sender);
}

/** Narrows an untrusted runtime message to a known message shape (payload checked per handler). */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return (
    typeof type === 'string' &&
    Object.hasOwn(SENDERS, type) &&
    typeof payload === 'object' &&
    payload !== null
  );
}

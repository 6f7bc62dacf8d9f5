import { isCategory, type Category } from './categories';

/**
 * What a protected browser tells the relative who watches over it, sealed end to end (see
 * family-crypto.ts). Only these fields exist: the warned host, never a path or a query, a
 * category, a time. Never history, never a name: the relative's browser already knows who
 * it watches.
 */
export const ALERT_KINDS = [
  /** A warning page was shown. */
  'warning',
  /** "Open anyway" was used on a warning. */
  'proceed',
  /** A suspicious page was reported. */
  'report',
  /** "Forgot the PIN?" started the waiting period. */
  'reset',
  /** Nothing happened: the browser is still there and protected. Shown to nobody. */
  'check-in',
  /** Sent by the service when the browser opened the uninstall page (setUninstallURL). */
  'removed',
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface FamilyAlert {
  v: 1;
  /** Random, fixed when the alert is queued: a retry after a lost answer is a duplicate. */
  id: string;
  kind: AlertKind;
  /** When it happened on the protected browser (ms since epoch). */
  at: number;
  host?: string;
  category?: Category;
}

/** How often a protected browser says it is still there. */
export const CHECK_IN_HOURS = 6;
/** After this long without a word, the relative is told the browser went quiet. */
export const SILENCE_HOURS = 48;
/** How long the relay keeps an alert nobody fetched: a relative away for a week still sees it. */
export const ALERT_TTL_SECONDS = 7 * 24 * 3600;
/** One warning alert per host in this time: reloading a warned page is not news. */
export const REPEAT_WINDOW_MS = 10 * 60_000;

const HOST = /^[a-z0-9.-]{1,253}$/;
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * An opened box, checked field by field: it came through a server and, for all the code
 * knows, from a browser that was tampered with. Anything malformed is dropped, not shown.
 */
export function parseAlert(value: unknown): FamilyAlert | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, id, kind, at, host, category } = value as Record<string, unknown>;
  if (v !== 1 || typeof id !== 'string' || !ID.test(id)) return null;
  if (typeof kind !== 'string' || !(ALERT_KINDS as readonly string[]).includes(kind)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  if (host !== undefined && (typeof host !== 'string' || !HOST.test(host))) return null;
  if (category !== undefined && !isCategory(category)) return null;
  return {
    v: 1,
    id,
    kind: kind as AlertKind,
    at,
    ...(host !== undefined ? { host } : {}),
    ...(category !== undefined ? { category } : {}),
  };
}

/** Only the host of a page address, lower-case: all an alert may say about a page. */
export function alertHost(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    const host = hostname.replace(/\.$/, '').toLowerCase();
    return HOST.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** Alerts a relative is shown; check-ins only keep the browser from looking quiet. */
export function isShown(kind: AlertKind): boolean {
  return kind !== 'check-in';
}

/**
 * Family and policy settings: their shape, their defaults and how the three layers combine
 * (defaults < what the family chose < what an administrator forces). Pure: the background's
 * `settings.ts` does the storage, this file decides what the stored values mean.
 */

import { listUrlProblem } from './sync/list-url';

export type LanguageSetting = 'auto' | 'en' | 'zh_CN';

/** What the family (or the user) can change in the options page. */
export interface UserSettings {
  familyContactName: string;
  familyContactPhone: string;
  /** No "proceed anyway" on the warning page. */
  strictMode: boolean;
  /** Anti-fraud hotline; empty means the language's default (96110 in Chinese, none in English). */
  hotline: string;
  language: LanguageSetting;
  largeText: boolean;
}

/** Everything, including what only an administrator can set (see managed-schema.json). */
export interface Settings extends UserSettings {
  disableProceed: boolean;
  listUrl: string;
  reportUrl: string;
  syncIntervalMinutes: number;
  /** How long "Forgot the PIN?" waits before the family settings are cleared. */
  resetWaitHours: number;
  /** The family-alert relay, ending in `/v1/relay` (see server/relay). */
  relayUrl: string;
  /** Policy: alerts to the family cannot be switched off on this browser. */
  familyAlertsRequired: boolean;
  /** Policy: the channel this browser sends its alerts on, paired beforehand. */
  familyChannel: FamilyChannel | null;
  /** How often a relative's browser asks the relay for new alerts. */
  alertPollSeconds: number;
  /**
   * The family or administrator wants page checking on. Host permissions can only be granted
   * by the user, so this cannot switch it on: it makes the popup and the options page ask
   * for it first, marks protection incomplete until it is granted, and hides "turn off".
   */
  requirePageAccess: boolean;
}

/** A paired alert channel, as a policy file carries it (written by the family setup). */
export interface FamilyChannel {
  channelId: string;
  /** The agreed AES-256 key, base64url. */
  key: string;
  checkCode: string;
}

export type SettingKey = keyof Settings;

export interface EffectiveSettings {
  settings: Settings;
  /** Keys an administrator set by policy: shown read-only, refused on save. */
  forced: SettingKey[];
}

export const USER_KEYS = [
  'familyContactName',
  'familyContactPhone',
  'strictMode',
  'hotline',
  'language',
  'largeText',
] as const satisfies readonly (keyof UserSettings)[];

/** China's national anti-fraud hotline, shown on Chinese warnings unless another is set. */
export const CHINA_ANTI_FRAUD_HOTLINE = '96110';

export const DEFAULT_SYNC_MINUTES = 4;

export const DEFAULT_ALERT_POLL_SECONDS = 60;

export function defaultSettings(build: {
  listUrl: string;
  reportUrl: string;
  relayUrl: string;
}): Settings {
  return {
    familyContactName: '',
    familyContactPhone: '',
    strictMode: false,
    hotline: '',
    language: 'auto',
    largeText: false,
    disableProceed: false,
    listUrl: build.listUrl,
    reportUrl: build.reportUrl,
    // With the manifest's 30 s in a CDN (server/list-hosting.ts), a list published now
    // protects an online client within 4.5 minutes; the README gives the cost.
    syncIntervalMinutes: DEFAULT_SYNC_MINUTES,
    resetWaitHours: 24,
    relayUrl: build.relayUrl,
    familyAlertsRequired: false,
    familyChannel: null,
    // A relative hears of a warning within a minute or two (1,440 small requests a day).
    alertPollSeconds: DEFAULT_ALERT_POLL_SECONDS,
    requirePageAccess: false,
  };
}

type Parser<T> = (value: unknown) => T | undefined;

const bool: Parser<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const text =
  (max: number): Parser<string> =>
  (v) =>
    typeof v === 'string' && v.trim().length <= max ? v.trim() : undefined;
// Digits, spaces and the usual separators: enough for any phone number, nothing that could
// turn a `tel:` link into something else.
const phone: Parser<string> = (v) =>
  typeof v === 'string' && /^[0-9+\-() ]{0,24}$/.test(v.trim()) ? v.trim() : undefined;
const language: Parser<LanguageSetting> = (v) =>
  v === 'auto' || v === 'en' || v === 'zh_CN' ? v : undefined;
const webUrl: Parser<string> = (v) => {
  if (typeof v !== 'string') return undefined;
  try {
    const { protocol } = new URL(v);
    return protocol === 'https:' || protocol === 'http:' ? v : undefined;
  } catch {
    return undefined;
  }
};
// Lists are fetched only over https, except from this machine (see list-url.ts).
const listUrl: Parser<string> = (v) =>
  webUrl(v) !== undefined && listUrlProblem(v as string) === null ? (v as string) : undefined;
// Chrome alarms fire at most every 30 s; more often than every 5 minutes only loads the server.
const minutes: Parser<number> = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7 * 24 * 60 ? v : undefined;

// Up to 30 days; fractions allowed, so an administrator (or a test) can shorten it to seconds.
const hours: Parser<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 30 * 24 ? v : undefined;

// Packed Chrome extensions are woken no more often than every 30 s whatever is asked; an
// unpacked one (and Firefox) follows a shorter period, which is what tests use.
const pollSeconds: Parser<number> = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 3600 ? v : undefined;

const channel: Parser<FamilyChannel | null> = (v) => {
  if (typeof v !== 'object' || v === null) return undefined;
  const { channelId, key, checkCode } = v as Record<string, unknown>;
  const valid =
    typeof channelId === 'string' &&
    /^[A-Za-z0-9_-]{22}$/.test(channelId) &&
    typeof key === 'string' &&
    /^[A-Za-z0-9_-]{43}$/.test(key) &&
    typeof checkCode === 'string' &&
    /^[0-9]{3} [0-9]{3}$/.test(checkCode);
  return valid ? { channelId, key, checkCode } : undefined;
};

const PARSERS: { [K in SettingKey]: Parser<Settings[K]> } = {
  familyContactName: text(60),
  familyContactPhone: phone,
  strictMode: bool,
  hotline: phone,
  language,
  largeText: bool,
  disableProceed: bool,
  listUrl,
  reportUrl: webUrl,
  syncIntervalMinutes: minutes,
  resetWaitHours: hours,
  relayUrl: webUrl,
  familyAlertsRequired: bool,
  familyChannel: channel,
  alertPollSeconds: pollSeconds,
  requirePageAccess: bool,
};

export const SETTING_KEYS = Object.keys(PARSERS) as SettingKey[];

/** The valid values of `source` for `keys`; anything malformed or unknown is dropped. */
function validValues(source: unknown, keys: readonly SettingKey[]): Partial<Settings> {
  const out: Partial<Record<SettingKey, unknown>> = {};
  if (typeof source !== 'object' || source === null) return {};
  for (const key of keys) {
    const value = PARSERS[key]((source as Record<string, unknown>)[key]);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<Settings>;
}

/**
 * Defaults < user < policy. Stored user values only ever cover the user keys; a policy value
 * that does not validate is ignored (and not marked forced) rather than breaking the product.
 */
export function mergeSettings(
  defaults: Settings,
  user: unknown,
  policy: unknown,
): EffectiveSettings {
  const forcedValues = validValues(policy, SETTING_KEYS);
  return {
    settings: { ...defaults, ...validValues(user, USER_KEYS), ...forcedValues },
    forced: Object.keys(forcedValues) as SettingKey[],
  };
}

/** Checks a save request from a page: every key must be a user key with a valid value. */
export function parseUserChanges(changes: unknown): Partial<UserSettings> {
  if (typeof changes !== 'object' || changes === null) throw new Error('changes must be an object');
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, raw] of Object.entries(changes)) {
    if (!(USER_KEYS as readonly string[]).includes(key))
      throw new Error(`${key} cannot be changed`);
    const value = PARSERS[key as SettingKey](raw);
    if (value === undefined) throw new Error(`${key} is not valid`);
    out[key as SettingKey] = value;
  }
  return out as Partial<UserSettings>;
}

export function proceedAllowed(settings: Settings): boolean {
  return !settings.strictMode && !settings.disableProceed;
}

/** "Set up by your family": anything a family would configure, as opposed to defaults. */
export function familyConfigured(settings: Settings, pinSet: boolean): boolean {
  return (
    pinSet ||
    settings.strictMode ||
    settings.disableProceed ||
    settings.familyContactName !== '' ||
    settings.familyContactPhone !== ''
  );
}

/** The hotline to show for a page language, or '' for none. */
export function hotlineFor(settings: Settings, language: 'en' | 'zh_CN'): string {
  if (settings.hotline) return settings.hotline;
  return language === 'zh_CN' ? CHINA_ANTI_FRAUD_HOTLINE : '';
}

/** A `tel:` link for a validated phone number: digits and a leading plus only. */
export function telHref(phoneNumber: string): string {
  const trimmed = phoneNumber.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/[^0-9]/g, '')}`;
}

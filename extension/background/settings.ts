import browser from 'webextension-polyfill';
import type { ResetRequest } from '../../shared/family-reset';
import type { LinkRecord } from './family-link';
import { EMPTY_WATCH_STATE, type WatchState } from './family-watch';
import type { PinAttempts, PinRecord } from '../../shared/settings-pin';
import { NO_ATTEMPTS } from '../../shared/settings-pin';
import {
  defaultSettings,
  mergeSettings,
  type EffectiveSettings,
  type UserSettings,
} from '../../shared/settings';
import { buildConfig } from '../build-config';

/**
 * The only module that touches `storage.local` (the family's settings, the PIN hash, the
 * attempt counter and the family-alert pairings) and `storage.managed` (administrator policy). Everything else asks
 * `getEffectiveSettings()` or subscribes with `onSettingsChanged`.
 *
 * Policy reaches `storage.managed` from:
 * - Chrome/Edge: the `3rdparty.extensions.<extension id>` policy, validated against
 *   extension/managed-schema.json, e.g. /etc/chromium/policies/managed/scam-guard.json:
 *   `{"3rdparty":{"extensions":{"nficakcfecjbfmpiaemceabnbnomlkoc":{"strictMode":true}}}}`
 *   (Windows: the registry under Software\Policies\Google\Chrome\3rdparty\extensions\<id>\policy;
 *   macOS: the preference domain com.google.Chrome.extensions.<id>). The options page writes
 *   these files for a family: shared/policy-files/.
 * - Firefox: the `3rdparty` section of policies.json (distribution/ folder or the
 *   Enterprise policy template), keyed by the add-on id, with the same keys:
 *   `{"policies":{"3rdparty":{"Extensions":{"{c519285a-b1f4-455b-b107-91a01bb890f6}":{"strictMode":true}}}}}`.
 *   Firefox does not read the schema file; mergeSettings validates every value anyway.
 */

const SETTINGS_KEY = 'settings';
const PIN_KEY = 'pin';
const ATTEMPTS_KEY = 'pinAttempts';
const RESET_KEY = 'familyReset';
const LINK_KEY = 'familyLink';
const WATCH_KEY = 'familyWatch';

const DEFAULTS = defaultSettings(buildConfig);

async function readLocal<T>(key: string): Promise<T | null> {
  const found = await browser.storage.local.get(key);
  return (found[key] as T | undefined) ?? null;
}

async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policy, or a browser without managed storage: nothing is forced.
    return {};
  }
}

/** Defaults < what the family chose < what an administrator forces. */
export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([readLocal<unknown>(SETTINGS_KEY), readPolicy()]);
  return mergeSettings(DEFAULTS, user, policy);
}

export async function saveUserSettings(changes: Partial<UserSettings>): Promise<void> {
  const current = (await readLocal<Partial<UserSettings>>(SETTINGS_KEY)) ?? {};
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...current, ...changes } });
}

export const pinStore = {
  record: () => readLocal<PinRecord>(PIN_KEY),
  setRecord: (record: PinRecord | null) =>
    record
      ? browser.storage.local.set({ [PIN_KEY]: record })
      : browser.storage.local.remove(PIN_KEY),
  attempts: async () => (await readLocal<PinAttempts>(ATTEMPTS_KEY)) ?? NO_ATTEMPTS,
  setAttempts: (attempts: PinAttempts) => browser.storage.local.set({ [ATTEMPTS_KEY]: attempts }),
};

/** A running "Forgot the PIN?" waiting period, kept across restarts. */
export const resetStore = {
  get: () => readLocal<ResetRequest>(RESET_KEY),
  set: (request: ResetRequest | null) =>
    request
      ? browser.storage.local.set({ [RESET_KEY]: request })
      : browser.storage.local.remove(RESET_KEY),
};

/** This browser's pairing with the relative who watches over it (family-link.ts). */
export const linkStore = {
  get: () => readLocal<LinkRecord>(LINK_KEY),
  set: (record: LinkRecord | null) =>
    record
      ? browser.storage.local.set({ [LINK_KEY]: record })
      : browser.storage.local.remove(LINK_KEY),
};

/** The browsers this one watches over, and what they sent (family-watch.ts). */
export const watchStore = {
  get: async (): Promise<WatchState> => ({
    ...EMPTY_WATCH_STATE,
    ...(await readLocal<Partial<WatchState>>(WATCH_KEY)),
  }),
  set: (state: WatchState) => browser.storage.local.set({ [WATCH_KEY]: state }),
};

/** Clears every family setting, the PIN and its counter; the personal blocklist is kept. */
export async function clearFamilySettings(): Promise<void> {
  await browser.storage.local.remove([SETTINGS_KEY, PIN_KEY, ATTEMPTS_KEY, RESET_KEY]);
}

type Listener = (settings: EffectiveSettings) => void;
const listeners = new Set<Listener>();

/** Called with the new effective settings whenever the family's choice or the policy changes. */
export function onSettingsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registered at the worker's top level, so a policy change wakes it. */
export function registerSettingsListener(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'managed' && !(area === 'local' && SETTINGS_KEY in changes)) return;
    if (listeners.size === 0) return;
    void getEffectiveSettings().then((settings) => {
      for (const listener of listeners) listener(settings);
    });
  });
}

const UNLOCK_KEY = 'settingsUnlock';

/**
 * The PIN session: a random token the options page holds in memory, kept in
 * `storage.session` because the worker's memory does not outlive 30 s of idleness, and
 * ending with the browser session at the latest.
 */
export const unlockStore = {
  get: async () => {
    const found = await browser.storage.session.get(UNLOCK_KEY);
    return (found[UNLOCK_KEY] as { token: string; expiresAt: number } | undefined) ?? null;
  },
  set: (value: { token: string; expiresAt: number } | null) =>
    value
      ? browser.storage.session.set({ [UNLOCK_KEY]: value })
      : browser.storage.session.remove(UNLOCK_KEY),
};

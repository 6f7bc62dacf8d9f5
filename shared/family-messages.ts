import type { SenderTable } from './message-senders';
import type { SettingKey, Settings, UserSettings } from './settings';

/**
 * The family-mode part of the message protocol (merged into `Protocol` in messages.ts):
 * settings, the PIN that guards them, and "proceed anyway".
 */

/** What every page needs to know about the settings (language, text size, family, PIN). */
export interface SettingsView {
  settings: Settings;
  /** Set by an administrator's policy: read-only in the options page. */
  forced: SettingKey[];
  pinSet: boolean;
  /** While the PIN is locked out after too many wrong attempts (ms since epoch). */
  lockedUntil: number | null;
  /** Contact, strict mode or PIN configured: the popup says "Set up by your family". */
  familyConfigured: boolean;
  /** Whether the warning page may offer "proceed anyway". */
  proceedAllowed: boolean;
  /** While "Forgot the PIN?" is waiting: when the family settings will be cleared. */
  resetEndsAt: number | null;
}

export type UnlockResult =
  | { unlocked: true; token: string }
  | { unlocked: false; attemptsLeft: number; lockedUntil: number | null };

/** A "proceed anyway" the user chose for one tab, for this browser session. */
export interface ProceedGrant {
  tabId: number;
  domain: string;
  grantedAt: number;
}

export interface FamilyProtocol {
  'settings/get': { request: Record<string, never>; response: SettingsView };
  /** `token` from `settings/unlock`; required once a PIN is set. Options page only. */
  'settings/save': {
    request: { changes: Partial<UserSettings>; token?: string };
    response: SettingsView;
  };
  'settings/unlock': { request: { pin: string }; response: UnlockResult };
  /** Sets, changes (`pin`) or removes (`null`) the PIN; answers with a fresh unlock token. */
  'settings/set-pin': {
    request: { pin: string | null; token?: string };
    response: { token: string | null };
  };
  /**
   * "Forgot the PIN": starts the waiting period after which every family setting and the
   * PIN are cleared (at once when no PIN is set); the right PIN cancels it. Options page only.
   */
  'settings/reset': { request: Record<string, never>; response: SettingsView };
  /** Sent by the warning page about its own tab, after the user confirmed twice. */
  'proceed/allow': { request: Record<string, never>; response: { url: string } };
  'proceed/list': { request: { tabId: number }; response: { grants: ProceedGrant[] } };
  /** `token` from `settings/unlock`: required once a PIN is set (family mode). */
  'proceed/undo': {
    request: { tabId: number; domain: string; token?: string };
    response: { removed: boolean };
  };
}

export const FAMILY_MESSAGE_SENDERS: SenderTable<keyof FamilyProtocol> = {
  // The welcome page only for the language and text size an administrator may have set.
  'settings/get': ['popup', 'options', 'warning', 'welcome'],
  'settings/save': ['options'],
  // The popup asks for the PIN itself before an unblock or an undo in family mode.
  'settings/unlock': ['options', 'popup'],
  'settings/set-pin': ['options'],
  'settings/reset': ['options'],
  'proceed/allow': ['warning'],
  'proceed/list': ['popup'],
  'proceed/undo': ['popup'],
};

import type { SettingsView, UnlockResult } from '../../shared/family-messages';
import type { UserSettings } from '../../shared/settings';

/** What the family-mode components may do; main.tsx implements it with messages. */
export interface FamilyActions {
  save(changes: Partial<UserSettings>): Promise<void>;
  unlock(pin: string): Promise<UnlockResult>;
  setPin(pin: string | null): Promise<void>;
  reset(): Promise<void>;
}

export interface FamilyState {
  view: SettingsView;
  /** False while a PIN is set and not yet entered in this page. */
  unlocked: boolean;
}

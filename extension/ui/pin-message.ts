import type { UnlockResult } from '../../shared/family-messages';
import { t, uiLanguage } from './i18n';

/** "Try again after …", with the date too when a lockout runs past today. */
export function lockedMessage(until: number, now = Date.now()): string {
  const sameDay = new Date(until).toDateString() === new Date(now).toDateString();
  const time = new Date(until).toLocaleString(uiLanguage(), {
    ...(!sameDay && { dateStyle: 'medium' }),
    timeStyle: 'short',
  });
  return t('familyPinLockedOut', time);
}

/** What to tell the person after a refused PIN; null once it was accepted. */
export function pinMessage(result: UnlockResult): string | null {
  if (result.unlocked) return null;
  return result.lockedUntil
    ? lockedMessage(result.lockedUntil)
    : t('familyPinWrong', result.attemptsLeft);
}

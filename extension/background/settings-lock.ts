import { createPinLock } from './pin-lock';
import { pinStore, unlockStore } from './settings';

/** The worker's one PIN lock, on `storage.local` (attempts) and `storage.session` (session). */
export const settingsLock = createPinLock(pinStore, unlockStore);

export const { pinIsSet, lockedUntil, unlock, requireUnlocked, changePin, endPinSession } =
  settingsLock;

import type { UnlockResult } from '../../shared/family-messages';
import {
  afterFailure,
  attemptsLeft,
  hashPin,
  isLockedOut,
  NO_ATTEMPTS,
  verifyPin,
} from '../../shared/settings-pin';
import { pinStore, unlockStore } from './settings';

/**
 * The PIN check, enforced here rather than in the options page so that a page (or a person
 * with the developer tools open) cannot skip it: wrong attempts are counted in storage,
 * survive restarts, and lock every attempt out for five minutes once the limit is reached.
 */

/** An unlocked PIN session lasts this long after its last use. */
const UNLOCK_IDLE_MS = 15 * 60 * 1000;

async function issueToken(now: number): Promise<string> {
  const token = crypto.randomUUID();
  await unlockStore.set({ token, expiresAt: now + UNLOCK_IDLE_MS });
  return token;
}

export async function pinIsSet(): Promise<boolean> {
  return (await pinStore.record()) !== null;
}

export async function lockedUntil(now = Date.now()): Promise<number | null> {
  const attempts = await pinStore.attempts();
  return isLockedOut(attempts, now) ? attempts.lockedUntil : null;
}

export async function unlock(pin: string, now = Date.now()): Promise<UnlockResult> {
  const record = await pinStore.record();
  if (!record) return { unlocked: true, token: await issueToken(now) };
  const attempts = await pinStore.attempts();
  if (isLockedOut(attempts, now)) {
    return { unlocked: false, attemptsLeft: 0, lockedUntil: attempts.lockedUntil };
  }
  if (await verifyPin(pin, record)) {
    await pinStore.setAttempts(NO_ATTEMPTS);
    return { unlocked: true, token: await issueToken(now) };
  }
  const next = afterFailure(attempts, now);
  await pinStore.setAttempts(next);
  return isLockedOut(next, now)
    ? { unlocked: false, attemptsLeft: 0, lockedUntil: next.lockedUntil }
    : { unlocked: false, attemptsLeft: attemptsLeft(next), lockedUntil: null };
}

/** Throws unless no PIN is set or `token` is the live unlock token; a valid use extends it. */
export async function requireUnlocked(token: unknown, now = Date.now()): Promise<void> {
  if (!(await pinIsSet())) return;
  const session = await unlockStore.get();
  if (!session || typeof token !== 'string' || token !== session.token || now > session.expiresAt) {
    throw new Error('settings are locked: enter the PIN first');
  }
  await unlockStore.set({ token, expiresAt: now + UNLOCK_IDLE_MS });
}

/** Sets or removes the PIN (after `requireUnlocked`); a new PIN starts a fresh session. */
export async function changePin(pin: string | null, now = Date.now()): Promise<string | null> {
  await pinStore.setAttempts(NO_ATTEMPTS);
  if (pin === null) {
    await pinStore.setRecord(null);
    await unlockStore.set(null);
    return null;
  }
  await pinStore.setRecord(await hashPin(pin));
  return issueToken(now);
}

export async function endPinSession(): Promise<void> {
  await unlockStore.set(null);
}

import type { UnlockResult } from '../../shared/family-messages';
import {
  afterFailure,
  attemptsLeft,
  hashPin,
  isLockedOut,
  NO_ATTEMPTS,
  verifyPin,
  type PinAttempts,
  type PinRecord,
} from '../../shared/settings-pin';

/**
 * The PIN check, enforced here rather than in the options page so that a page (or a person
 * with the developer tools open) cannot skip it. Wrong attempts are counted in storage,
 * survive restarts, and lock every attempt out for longer each time (see `afterFailure`).
 *
 * Every attempt runs on one promise chain, and is counted as a failure *before* the slow
 * hash runs: twenty attempts sent at once are twenty attempts, one after another, and a
 * worker stopped in the middle of a hash has still charged the attempt.
 */

/** An unlocked PIN session lasts this long after its last use. */
const UNLOCK_IDLE_MS = 15 * 60 * 1000;

export interface PinStorage {
  record(): Promise<PinRecord | null>;
  setRecord(record: PinRecord | null): Promise<void>;
  attempts(): Promise<PinAttempts>;
  setAttempts(attempts: PinAttempts): Promise<void>;
}

type Session = { token: string; expiresAt: number };

export interface SessionStorage {
  get(): Promise<Session | null>;
  set(value: Session | null): Promise<void>;
}

export function createPinLock(
  pins: PinStorage,
  sessions: SessionStorage,
  hash: (pin: string) => Promise<PinRecord> = hashPin,
) {
  let chain: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every task queued before it, whatever they ended in. */
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  async function issueToken(now: number): Promise<string> {
    const token = crypto.randomUUID();
    await sessions.set({ token, expiresAt: now + UNLOCK_IDLE_MS });
    return token;
  }

  const pinIsSet = async () => (await pins.record()) !== null;

  async function attempt(pin: string, now: number): Promise<UnlockResult> {
    const record = await pins.record();
    if (!record) return { unlocked: true, token: await issueToken(now) };
    const attempts = await pins.attempts();
    if (isLockedOut(attempts, now)) {
      return { unlocked: false, attemptsLeft: 0, lockedUntil: attempts.lockedUntil };
    }
    const charged = afterFailure(attempts, now);
    await pins.setAttempts(charged);
    if (await verifyPin(pin, record)) {
      await pins.setAttempts(NO_ATTEMPTS);
      return { unlocked: true, token: await issueToken(now) };
    }
    return isLockedOut(charged, now)
      ? { unlocked: false, attemptsLeft: 0, lockedUntil: charged.lockedUntil }
      : { unlocked: false, attemptsLeft: attemptsLeft(charged), lockedUntil: null };
  }

  return {
    pinIsSet,

    async lockedUntil(now = Date.now()): Promise<number | null> {
      const attempts = await pins.attempts();
      return isLockedOut(attempts, now) ? attempts.lockedUntil : null;
    },

    unlock: (pin: string, now?: number): Promise<UnlockResult> =>
      serially(() => attempt(pin, now ?? Date.now())),

    /** Throws unless no PIN is set or `token` is the live unlock token; a valid use extends it. */
    async requireUnlocked(token: unknown, now = Date.now()): Promise<void> {
      if (!(await pinIsSet())) return;
      const session = await sessions.get();
      if (
        !session ||
        typeof token !== 'string' ||
        token !== session.token ||
        now > session.expiresAt
      ) {
        throw new Error('settings are locked: enter the PIN first');
      }
      await sessions.set({ token, expiresAt: now + UNLOCK_IDLE_MS });
    },

    /** Sets or removes the PIN (after `requireUnlocked`); a new PIN starts a fresh session. */
    changePin: (pin: string | null, now = Date.now()): Promise<string | null> =>
      serially(async () => {
        await pins.setAttempts(NO_ATTEMPTS);
        if (pin === null) {
          await pins.setRecord(null);
          await sessions.set(null);
          return null;
        }
        await pins.setRecord(await hash(pin));
        return issueToken(now);
      }),

    endPinSession: () => sessions.set(null),
  };
}

export type PinLock = ReturnType<typeof createPinLock>;

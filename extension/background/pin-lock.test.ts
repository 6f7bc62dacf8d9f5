import { describe, expect, it } from 'vitest';
import {
  hashPin,
  MAX_PIN_ATTEMPTS,
  NO_ATTEMPTS,
  PIN_LOCKOUTS_MS,
  type PinAttempts,
  type PinRecord,
} from '../../shared/settings-pin';
import { createPinLock, type PinStorage, type SessionStorage } from './pin-lock';

// Fewer iterations keep the tests fast; the algorithm is the same.
const FAST = 1000;
const PIN = '2468';

/** Storage that answers a little later, as `storage.local` does, so that races can happen. */
function fakeStorage() {
  const data: { record: PinRecord | null; attempts: PinAttempts } = {
    record: null,
    attempts: NO_ATTEMPTS,
  };
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));
  const pins: PinStorage = {
    record: () => later(data.record),
    setRecord: async (record) => void (await later((data.record = record))),
    attempts: () => later(data.attempts),
    setAttempts: async (attempts) => void (await later((data.attempts = attempts))),
  };
  let session: { token: string; expiresAt: number } | null = null;
  const sessions: SessionStorage = {
    get: () => later(session),
    set: async (value) => void (await later((session = value))),
  };
  return { data, pins, sessions };
}

async function lockWithPin() {
  const storage = fakeStorage();
  const lock = createPinLock(storage.pins, storage.sessions, (pin) => hashPin(pin, FAST));
  await lock.changePin(PIN, 0);
  return { lock, storage };
}

describe('PIN lock', () => {
  it('counts 20 wrong PINs sent at once as 20 failures', async () => {
    const { lock, storage } = await lockWithPin();
    const results = await Promise.all(Array.from({ length: 20 }, () => lock.unlock('0000', 1000)));
    // Five are checked, the rest meet the lockout the fifth one started.
    expect(results.filter((r) => r.unlocked)).toHaveLength(0);
    expect(results.map((r) => (r.unlocked ? 'open' : r.attemptsLeft))).toEqual([
      4,
      3,
      2,
      1,
      0,
      ...Array<number>(15).fill(0),
    ]);
    expect(storage.data.attempts).toMatchObject({ failures: MAX_PIN_ATTEMPTS, lockouts: 1 });
  });

  it('refuses even the right PIN during a lockout, and every later wrong one locks for longer', async () => {
    const { lock, storage } = await lockWithPin();
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) await lock.unlock('0000', 0);
    const first = storage.data.attempts.lockedUntil;
    expect(await lock.unlock(PIN, first - 1)).toMatchObject({
      unlocked: false,
      lockedUntil: first,
    });
    expect(await lock.unlock('1111', first)).toMatchObject({
      unlocked: false,
      lockedUntil: first + PIN_LOCKOUTS_MS[1]!,
    });
  });

  it('keeps the count in storage, so a new worker (a restart) carries on from it', async () => {
    const { lock, storage } = await lockWithPin();
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) await lock.unlock('0000', 0);
    const restarted = createPinLock(storage.pins, storage.sessions);
    const until = storage.data.attempts.lockedUntil;
    expect(await restarted.lockedUntil(until - 1)).toBe(until);
    const again = await restarted.unlock('0000', until);
    expect(again).toMatchObject({ unlocked: false, lockedUntil: until + PIN_LOCKOUTS_MS[1]! });
  });

  it('opens a session with the right PIN and clears the count', async () => {
    const { lock, storage } = await lockWithPin();
    await lock.unlock('0000', 0);
    const result = await lock.unlock(PIN, 0);
    expect(result.unlocked).toBe(true);
    expect(storage.data.attempts).toEqual(NO_ATTEMPTS);
    await expect(lock.requireUnlocked(result.unlocked && result.token, 1)).resolves.toBeUndefined();
  });

  it.each([
    ['no token', undefined, 1],
    ['a made-up token', 'not-the-token', 1],
    ['an expired session', 'TOKEN', 16 * 60 * 1000],
  ])('refuses a change with %s', async (_name, token, now) => {
    const { lock } = await lockWithPin();
    const result = await lock.unlock(PIN, 0);
    const real = result.unlocked ? result.token : '';
    await expect(lock.requireUnlocked(token === 'TOKEN' ? real : token, now)).rejects.toThrow(
      /locked/,
    );
  });
});

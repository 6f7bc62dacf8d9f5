import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  attemptsLeft,
  hashPin,
  isLockedOut,
  isValidPin,
  MAX_PIN_ATTEMPTS,
  NO_ATTEMPTS,
  PIN_LOCKOUT_MS,
  PIN_LOCKOUTS_MS,
  verifyPin,
} from './settings-pin';

// Fewer iterations keep the tests fast; the algorithm is the same.
const FAST = 1000;

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const record = await hashPin('2468', FAST);
    await expect(verifyPin('2468', record)).resolves.toBe(true);
    await expect(verifyPin('2469', record)).resolves.toBe(false);
    await expect(verifyPin('', record)).resolves.toBe(false);
  });

  it('never stores the PIN, and salts every hash', async () => {
    const a = await hashPin('123456', FAST);
    const b = await hashPin('123456', FAST);
    expect(JSON.stringify(a)).not.toContain('123456');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses the default iteration count when none is given', async () => {
    expect((await hashPin('1234')).iterations).toBeGreaterThanOrEqual(600_000);
  });

  it.each(['123', '123456789', '12a4', ' 1234', 1234])('refuses %j as a PIN', async (pin) => {
    expect(isValidPin(pin)).toBe(false);
    if (typeof pin === 'string') await expect(hashPin(pin, FAST)).rejects.toThrow();
  });
});

describe('PIN attempt limit', () => {
  it(`locks out for five minutes after ${MAX_PIN_ATTEMPTS} wrong PINs`, () => {
    let attempts = NO_ATTEMPTS;
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) {
      attempts = afterFailure(attempts, 1000);
      expect(isLockedOut(attempts, 1000)).toBe(false);
      expect(attemptsLeft(attempts)).toBe(MAX_PIN_ATTEMPTS - i);
    }
    attempts = afterFailure(attempts, 1000);
    expect(isLockedOut(attempts, 1000)).toBe(true);
    expect(isLockedOut(attempts, 1000 + PIN_LOCKOUT_MS - 1)).toBe(true);
    expect(isLockedOut(attempts, 1000 + PIN_LOCKOUT_MS)).toBe(false);
  });

  it('never gives a full set of attempts again after a lockout: one try, then a longer lock', () => {
    let attempts = NO_ATTEMPTS;
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) attempts = afterFailure(attempts, 0);
    let now = attempts.lockedUntil;
    expect(attemptsLeft(attempts)).toBe(1);
    const lengths = [PIN_LOCKOUT_MS];
    for (let i = 0; i < PIN_LOCKOUTS_MS.length + 1; i++) {
      attempts = afterFailure(attempts, now);
      expect(isLockedOut(attempts, now)).toBe(true);
      lengths.push(attempts.lockedUntil - now);
      now = attempts.lockedUntil;
    }
    const minutes = lengths.map((ms) => ms / 60_000);
    expect(minutes).toEqual([5, 15, 60, 240, 720, 1440, 1440, 1440]);
  });

  it('reads an attempt record from before lockouts were counted as no lockout yet', () => {
    const old = { failures: 4, lockedUntil: 0 };
    expect(afterFailure(old, 0)).toEqual({ failures: 5, lockedUntil: PIN_LOCKOUT_MS, lockouts: 1 });
  });
});

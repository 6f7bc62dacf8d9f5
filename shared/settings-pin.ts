/**
 * The PIN that protects family settings. Only a salted PBKDF2 hash is stored, never the PIN.
 * A 4–8 digit PIN cannot resist an offline search however slow the hash is, so the real
 * protection is the attempt limit, which the background enforces (see `afterFailure`).
 * WebCrypto is a global in browsers, workers and Node, so this stays pure.
 */

export interface PinRecord {
  /** Hex-encoded random salt. */
  salt: string;
  /** Hex-encoded PBKDF2-SHA-256 output. */
  hash: string;
  iterations: number;
}

export interface PinAttempts {
  /** Wrong PINs since the last right one; only the right PIN (or a reset) clears it. */
  failures: number;
  /** While `now < lockedUntil`, no PIN is even checked. */
  lockedUntil: number;
  /** Lockouts so far, which picks the length of the next one. Absent in older records. */
  lockouts?: number;
}

export const MAX_PIN_ATTEMPTS = 5;
const MINUTE = 60 * 1000;
/**
 * Each lockout is longer than the one before, and after the first one every wrong PIN locks
 * again: a caller dictating guesses gets 5 tries, then one more after 5 minutes, 15 minutes,
 * an hour… — about a dozen a day at most, against 10,000 four-digit PINs.
 */
export const PIN_LOCKOUTS_MS = [5, 15, 60, 4 * 60, 12 * 60, 24 * 60].map((m) => m * MINUTE);
export const PIN_LOCKOUT_MS = PIN_LOCKOUTS_MS[0]!;
// OWASP's 2023 figure for PBKDF2-SHA-256; about a quarter of a second on an old laptop.
export const PIN_ITERATIONS = 600_000;
export const NO_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: 0, lockouts: 0 };

export function isValidPin(pin: unknown): pin is string {
  return typeof pin === 'string' && /^[0-9]{4,8}$/.test(pin);
}

const toHex = (bytes: Uint8Array) =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new Error('the PIN must be 4 to 8 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toHex(salt), hash: toHex(await derive(pin, salt, iterations)), iterations };
}

export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const actual = await derive(pin, fromHex(record.salt), record.iterations);
  const expected = fromHex(record.hash);
  // Compare every byte, so the time taken says nothing about where a guess went wrong.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ (expected[i] ?? 0);
  return difference === 0;
}

export function isLockedOut(attempts: PinAttempts, now: number): boolean {
  return now < attempts.lockedUntil;
}

/** After a wrong PIN: count it, and lock out, for longer each time, once the limit is reached. */
export function afterFailure(attempts: PinAttempts, now: number): PinAttempts {
  const failures = attempts.failures + 1;
  const lockouts = attempts.lockouts ?? 0;
  if (failures < MAX_PIN_ATTEMPTS) return { failures, lockedUntil: 0, lockouts };
  const length = PIN_LOCKOUTS_MS[Math.min(lockouts, PIN_LOCKOUTS_MS.length - 1)]!;
  return { failures, lockedUntil: now + length, lockouts: lockouts + 1 };
}

/** Wrong PINs allowed before the next lockout: one at a time once the first lockout is over. */
export function attemptsLeft(attempts: PinAttempts): number {
  return Math.max(1, MAX_PIN_ATTEMPTS - attempts.failures);
}

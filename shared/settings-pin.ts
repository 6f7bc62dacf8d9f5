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
  failures: number;
  /** While `now < lockedUntil`, no PIN is even checked. */
  lockedUntil: number;
}

export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCKOUT_MS = 5 * 60 * 1000;
// OWASP's 2023 figure for PBKDF2-SHA-256; about a quarter of a second on an old laptop.
export const PIN_ITERATIONS = 600_000;
export const NO_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: 0 };

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

/** After a wrong PIN: count it, and lock out for a while once the limit is reached. */
export function afterFailure(attempts: PinAttempts, now: number): PinAttempts {
  const failures = attempts.failures + 1;
  if (failures >= MAX_PIN_ATTEMPTS) return { failures: 0, lockedUntil: now + PIN_LOCKOUT_MS };
  return { failures, lockedUntil: 0 };
}

export function attemptsLeft(attempts: PinAttempts): number {
  return MAX_PIN_ATTEMPTS - attempts.failures;
}

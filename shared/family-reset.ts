/**
 * "Forgot the PIN?" without a PIN: the request only starts a waiting period. Until it ends,
 * protection, strict mode and the contact stay as the family set them, the family can stop
 * it with the PIN, and a caller who talked someone into clicking it gains nothing today.
 */

export interface ResetRequest {
  requestedAt: number;
  /** When the family settings are cleared, unless the PIN cancels the request first. */
  endsAt: number;
}

const HOUR = 60 * 60 * 1000;

/** A second click neither restarts nor shortens a waiting period already running. */
export function requestReset(
  existing: ResetRequest | null,
  now: number,
  waitHours: number,
): ResetRequest {
  return existing ?? { requestedAt: now, endsAt: now + Math.round(waitHours * HOUR) };
}

export function resetDue(request: ResetRequest | null, now: number): boolean {
  return request !== null && now >= request.endsAt;
}

/** Whole hours and minutes left, rounded up, so "0 min" is never shown while time is left. */
export function timeLeft(ms: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

import { requestReset, resetDue, type ResetRequest } from '../../shared/family-reset';

export interface ResetWaitDeps {
  store: {
    get(): Promise<ResetRequest | null>;
    set(request: ResetRequest | null): Promise<void>;
  };
  /** Clears every family setting and the PIN: what the reset does once the wait is over. */
  clear(): Promise<void>;
  waitHours(): Promise<number>;
  /** The end of a PIN lockout in force at `now`, or null. */
  pinLockedUntil(now: number): Promise<number | null>;
  /** Wakes the worker at the end of the waiting period (null: nothing is waiting). */
  schedule(at: number | null): void;
}

/**
 * The waiting period of "Forgot the PIN?" (see shared/family-reset.ts). It is kept in
 * storage, so neither a restart nor a stopped worker shortens or loses it, and it is settled
 * whenever someone looks (`settle`), so an alarm that fires late changes nothing.
 */
export function createResetWait(deps: ResetWaitDeps) {
  const { store, clear, waitHours, schedule } = deps;
  return {
    async request(now = Date.now()): Promise<ResetRequest> {
      const existing = await store.get();
      const request = requestReset(existing, now, await waitHours());
      if (request !== existing) await store.set(request);
      schedule(request.endsAt);
      return request;
    },

    /** The PIN was entered: the family is here, nothing is cleared. */
    async cancel(): Promise<void> {
      if (!(await store.get())) return;
      await store.set(null);
      schedule(null);
    },

    /**
     * Clears the family settings if the wait is over; the request still running, or null.
     * Never during a PIN lockout: a caller who has the person type wrong PINs to keep the
     * family out until the wait is over only makes the wait longer.
     */
    async settle(now = Date.now()): Promise<ResetRequest | null> {
      const request = await store.get();
      if (!resetDue(request, now)) return request;
      const lockedUntil = await deps.pinLockedUntil(now);
      if (lockedUntil !== null) {
        schedule(lockedUntil);
        return request;
      }
      await clear();
      await store.set(null);
      schedule(null);
      return null;
    },
  };
}

export type ResetWait = ReturnType<typeof createResetWait>;

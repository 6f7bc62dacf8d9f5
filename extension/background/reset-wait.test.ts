import { describe, expect, it } from 'vitest';
import type { ResetRequest } from '../../shared/family-reset';
import { createResetWait } from './reset-wait';

const HOUR = 3_600_000;

function fakes(waitHours = 24) {
  const state = {
    request: null as ResetRequest | null,
    familySettings: true,
    alarm: null as number | null,
    pinLockedUntil: null as number | null,
  };
  const wait = createResetWait({
    store: {
      get: async () => state.request,
      set: async (request) => void (state.request = request),
    },
    clear: async () => void (state.familySettings = false),
    waitHours: async () => waitHours,
    schedule: (at) => void (state.alarm = at),
    pinLockedUntil: async (now) =>
      state.pinLockedUntil !== null && now < state.pinLockedUntil ? state.pinLockedUntil : null,
  });
  return { state, wait };
}

describe('reset waiting period', () => {
  it('keeps the family settings until the period is over, then clears them', async () => {
    const { state, wait } = fakes();
    await wait.request(0);
    expect(state.alarm).toBe(24 * HOUR);
    await expect(wait.settle(24 * HOUR - 1)).resolves.toEqual({
      requestedAt: 0,
      endsAt: 24 * HOUR,
    });
    expect(state.familySettings).toBe(true);
    await expect(wait.settle(24 * HOUR)).resolves.toBeNull();
    expect(state.familySettings).toBe(false);
    expect(state.request).toBeNull();
    expect(state.alarm).toBeNull();
  });

  it('does not restart or shorten the period when asked again', async () => {
    const { state, wait } = fakes();
    await wait.request(0);
    await wait.request(20 * HOUR);
    expect(state.request).toEqual({ requestedAt: 0, endsAt: 24 * HOUR });
  });

  it('is cancelled by the PIN, and nothing is cleared afterwards', async () => {
    const { state, wait } = fakes();
    await wait.request(0);
    await wait.cancel();
    await expect(wait.settle(48 * HOUR)).resolves.toBeNull();
    expect(state.familySettings).toBe(true);
    expect(state.alarm).toBeNull();
  });

  it('does not clear during a PIN lockout, so wrong PINs cannot keep the family out', async () => {
    const { state, wait } = fakes();
    await wait.request(0);
    state.pinLockedUntil = 30 * HOUR;
    await expect(wait.settle(24 * HOUR)).resolves.not.toBeNull();
    expect(state.familySettings).toBe(true);
    expect(state.alarm).toBe(30 * HOUR);
    await wait.settle(30 * HOUR);
    expect(state.familySettings).toBe(false);
  });

  it('follows a policy-shortened period', async () => {
    const { state, wait } = fakes(0.001);
    const request = await wait.request(1000);
    expect(request.endsAt).toBe(1000 + 3600);
    await wait.settle(1000 + 3600);
    expect(state.familySettings).toBe(false);
  });
});

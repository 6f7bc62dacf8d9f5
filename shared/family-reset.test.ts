import { describe, expect, it } from 'vitest';
import { requestReset, resetDue, timeLeft } from './family-reset';

const HOUR = 3_600_000;

describe('family reset waiting period', () => {
  it('ends the waiting period after the given hours, not before', () => {
    const request = requestReset(null, 1000, 24);
    expect(request).toEqual({ requestedAt: 1000, endsAt: 1000 + 24 * HOUR });
    expect(resetDue(request, 1000 + 24 * HOUR - 1)).toBe(false);
    expect(resetDue(request, 1000 + 24 * HOUR)).toBe(true);
    expect(resetDue(null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('keeps the first request when it is asked again, however often', () => {
    const first = requestReset(null, 0, 24);
    expect(requestReset(first, 23 * HOUR, 0.001)).toBe(first);
  });

  it.each([
    [24 * HOUR, { hours: 24, minutes: 0 }],
    [23 * HOUR + 59 * 60_000 + 1, { hours: 24, minutes: 0 }],
    [90 * 60_000, { hours: 1, minutes: 30 }],
    [1, { hours: 0, minutes: 1 }],
    [0, { hours: 0, minutes: 0 }],
    [-5, { hours: 0, minutes: 0 }],
  ])('shows %d ms as %j', (ms, parts) => {
    expect(timeLeft(ms)).toEqual(parts);
  });
});

import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  it('allows a burst of max, then refuses with the wait until the next token', () => {
    let t = 0;
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 }, () => t);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    t += 19_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    t += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1_000 }, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('refills to max and no further after a long pause', () => {
    let t = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1_000 }, () => t);
    limiter.take('a');
    t += 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RateLimiterFactory } from './rate-limiter';

/**
 * What every rate limiter does, whether it counts in memory or in PostgreSQL:
 * rate-limiter.test.ts and postgres-store.test.ts each run it. `factory` must start empty.
 */
export function rateLimiterContract(name: string, factory: () => Promise<RateLimiterFactory>) {
  describe(`rate limiter contract: ${name}`, () => {
    it('allows a burst of max, then refuses with the wait until the next token', async () => {
      let t = 0;
      const limiter = (await factory())('a', { max: 3, windowMs: 60_000 }, () => t);
      const burst = [];
      for (let i = 0; i < 3; i++) burst.push((await limiter.take('a')).allowed);
      expect(burst).toEqual([true, true, true]);
      expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
      t += 19_000;
      expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
      t += 1_000;
      expect((await limiter.take('a')).allowed).toBe(true);
    });

    it('keeps keys and limiters apart', async () => {
      const make = await factory();
      const one = make('one', { max: 1, windowMs: 1_000 }, () => 0);
      const two = make('two', { max: 1, windowMs: 1_000 }, () => 0);
      expect((await one.take('a')).allowed).toBe(true);
      expect((await one.take('b')).allowed).toBe(true);
      expect((await two.take('a')).allowed).toBe(true);
      expect((await one.take('a')).allowed).toBe(false);
    });

    it('refills to max and no further after a long pause', async () => {
      let t = 0;
      const limiter = (await factory())('a', { max: 2, windowMs: 1_000 }, () => t);
      await limiter.take('a');
      t += 3_600_000;
      const after = [];
      for (let i = 0; i < 3; i++) after.push((await limiter.take('a')).allowed);
      expect(after).toEqual([true, true, false]);
    });

    it('lets exactly max of a concurrent burst through', async () => {
      const limiter = (await factory())('a', { max: 10, windowMs: 3_600_000 }, () => 0);
      const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.take('k')));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    });
  });
}

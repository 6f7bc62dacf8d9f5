export interface RateLimit {
  /** Requests allowed in a burst, and per window on average. */
  max: number;
  windowMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request for `key` and says whether it may go ahead. */
  take(key: string): Promise<RateVerdict>;
}

/**
 * Makes the limiter for one limit (`name` keeps limits apart where they share a table).
 * Memory for one instance; `postgres-rate-limiter.ts` when instances must share counts.
 */
export type RateLimiterFactory = (name: string, limit: RateLimit, now: () => number) => RateLimiter;

/** How long a client should wait before a bucket of `tokens` has one token again. */
export function retryAfterSeconds(limit: RateLimit, tokens: number): number {
  const waitMs = (1 - tokens) / (limit.max / limit.windowMs);
  return Math.max(1, Math.ceil(waitMs / 1000));
}

interface Bucket {
  tokens: number;
  at: number;
}

// Idle keys are dropped once this many are held, so random installIds cannot grow memory
// without bound (the per-IP limit already bounds how fast they can be invented).
const SWEEP_ABOVE = 10_000;

/**
 * A token bucket per key, in this process's memory: `max` requests at once, refilled at `max` per `windowMs`. Written
 * here rather than taken from @fastify/rate-limit because the clock must be injectable
 * (tests use a fake one) and the per-install key exists only after the body is parsed.
 */
export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const perMs = limit.max / limit.windowMs;
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, t: number): number {
    return Math.min(limit.max, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
  }

  function sweep(t: number): void {
    for (const [key, bucket] of buckets) {
      if (refilled(bucket, t) >= limit.max) buckets.delete(key);
    }
  }

  return {
    async take(key) {
      const t = now();
      if (buckets.size > SWEEP_ABOVE) sweep(t);
      const bucket = buckets.get(key) ?? { tokens: limit.max, at: t };
      bucket.tokens = refilled(bucket, t);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(limit, bucket.tokens) };
    },
  };
}

export const memoryRateLimiters: RateLimiterFactory = (_name, limit, now) =>
  createRateLimiter(limit, now);

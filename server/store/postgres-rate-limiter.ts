import type pg from 'pg';
import { retryAfterSeconds, type RateLimiterFactory } from '../rate-limiter';

// Rows of buckets idle for a whole window are full again and carry no information; about
// one take in SWEEP_EVERY deletes them so that invented keys cannot grow the table for ever.
const SWEEP_EVERY = 1000;

/**
 * The same token bucket as rate-limiter.ts, held in PostgreSQL so that every instance draws
 * from one bucket. Refill, check and take are one UPSERT: the row lock it takes orders two
 * instances' requests for the same key, so N instances limit exactly as one does.
 */
export function postgresRateLimiters(pool: pg.Pool): RateLimiterFactory {
  return (name, limit, now) => {
    const perMs = limit.max / limit.windowMs;
    return {
      async take(key) {
        const t = now();
        if (Math.random() * SWEEP_EVERY < 1) {
          pool
            .query('DELETE FROM rate_limits WHERE at < $1', [t - limit.windowMs])
            .catch(() => undefined);
        }
        const { rows } = await pool.query<{ tokens: number; allowed: boolean }>(
          `WITH input AS (SELECT $2::float8 AS max, $3::float8 AS per_ms, $4::bigint AS t)
           INSERT INTO rate_limits AS b (key, tokens, at, allowed)
             SELECT $1, max - 1, t, max >= 1 FROM input
           ON CONFLICT (key) DO UPDATE SET
             tokens = (SELECT CASE WHEN r.v >= 1 THEN r.v - 1 ELSE r.v END FROM
               (SELECT LEAST(i.max, b.tokens + GREATEST(0, i.t - b.at) * i.per_ms) AS v
                FROM input i) r),
             allowed = (SELECT LEAST(i.max, b.tokens + GREATEST(0, i.t - b.at) * i.per_ms) >= 1
                FROM input i),
             at = GREATEST(b.at, (SELECT t FROM input))
           RETURNING tokens, allowed`,
          [`${name}:${key}`, limit.max, perMs, t],
        );
        const row = rows[0];
        if (!row) throw new Error('rate limit update returned no row');
        return row.allowed
          ? { allowed: true }
          : { allowed: false, retryAfterSeconds: retryAfterSeconds(limit, row.tokens) };
      },
    };
  };
}

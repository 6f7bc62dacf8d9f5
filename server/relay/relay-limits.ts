import type { FastifyReply } from 'fastify';
import type { RateLimit, RateLimiter } from '../rate-limiter';

/** Small on purpose: an alert is a sealed box of well under a kilobyte. */
export const RELAY_LIMITS = {
  bodyBytes: 4096,
  boxChars: 2048,
  keyChars: 200,
  pairingMs: 10 * 60_000,
  maxTtlSeconds: 7 * 24 * 3600,
  pageSize: 50,
  rates: {
    // Guessing an 8-digit code within its 10 minutes at this pace is hopeless.
    claimPerIp: { max: 10, windowMs: 60_000 },
    perIp: { max: 120, windowMs: 60_000 },
    perChannel: { max: 30, windowMs: 60_000 },
  } satisfies Record<string, RateLimit>,
} as const;

/** Channel ids are 16 random bytes in base64url. */
export const CHANNEL_ID = /^[A-Za-z0-9_-]{22}$/;
/** A sealed box: base64url, nothing the service could read or a page could run. */
export const BOX = new RegExp(`^[A-Za-z0-9_-]{16,${RELAY_LIMITS.boxChars}}$`);

/** Counts one request; the seconds to wait when it is over the limit, else null. */
export async function overLimit(limiter: RateLimiter, key: string): Promise<number | null> {
  const verdict = await limiter.take(key);
  return verdict.allowed ? null : verdict.retryAfterSeconds;
}

export function tooMany(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('Retry-After', String(retryAfterSeconds))
    .send({ error: 'rate-limited', reason: `retry after ${retryAfterSeconds} s` });
}

/**
 * When the next sync may run. Mirrors Safe Browsing's update back-off: after N consecutive
 * failures wait min(2^(N-1) · 15 min · (1 + r), 24 h) with r uniform in [0, 1); never sooner
 * than the server's minimum wait or its Retry-After (each capped); otherwise the regular
 * period.
 */
const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE;
/**
 * The longest the server may ask the client to stay away. The manifest is not signed, so a
 * hostile network could otherwise ask for a year and switch updates off; an hour lets a
 * loaded server shed clients and costs at most an hour of freshness.
 */
export const MAX_SERVER_WAIT_SECONDS = 60 * 60;

const serverWaitMs = (seconds: number | undefined) =>
  Math.min(Math.max(0, seconds ?? 0), MAX_SERVER_WAIT_SECONDS) * 1000;

export function backoffMs(failures: number, random: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1) * 15 * MINUTE * (1 + random), MAX_BACKOFF_MS);
}

export interface ScheduleInput {
  now: number;
  failures: number;
  random: number;
  /** The server's `minimumWaitSeconds` from the last manifest. */
  minimumWaitSeconds?: number;
  /** A `Retry-After` from the last failed response, in seconds. */
  retryAfterSeconds?: number;
}

/** The earliest time (ms since epoch) the next automatic sync may start. */
export function nextAllowedAt(input: ScheduleInput): number {
  const waits = [
    backoffMs(input.failures, input.random),
    serverWaitMs(input.minimumWaitSeconds),
    serverWaitMs(input.retryAfterSeconds),
  ];
  return input.now + Math.max(...waits);
}

/** Parses a Retry-After header (seconds or an HTTP date) into seconds from `now`. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, MAX_BACKOFF_MS / 1000);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.min((date - now) / 1000, MAX_BACKOFF_MS / 1000));
}

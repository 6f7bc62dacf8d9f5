import { describe, expect, it } from 'vitest';
import { parseListManifest } from './list-manifest';
import {
  backoffMs,
  MAX_BACKOFF_MS,
  MAX_SERVER_WAIT_SECONDS,
  nextAllowedAt,
  parseRetryAfter,
} from './sync-schedule';

const MIN = 60_000;

describe('sync schedule', () => {
  it.each([
    [1, 0, 15 * MIN],
    [1, 0.5, 22.5 * MIN],
    [2, 0, 30 * MIN],
    [3, 0.999, 60 * MIN * 1.999],
    [7, 0, 960 * MIN],
    [8, 0, MAX_BACKOFF_MS],
    [30, 0.9, MAX_BACKOFF_MS],
  ])('backs off after %i failures (random %f) by %f ms', (failures, random, expected) => {
    expect(backoffMs(failures, random)).toBeCloseTo(expected, 0);
  });

  it('does not wait after a success', () => {
    expect(backoffMs(0, 0.7)).toBe(0);
  });

  it("honours the server's minimum wait and Retry-After when they are longer", () => {
    const now = 1_000_000;
    expect(nextAllowedAt({ now, failures: 1, random: 0, retryAfterSeconds: 3600 })).toBe(
      now + 3600_000,
    );
    expect(nextAllowedAt({ now, failures: 0, random: 0, minimumWaitSeconds: 120 })).toBe(
      now + 120_000,
    );
    expect(nextAllowedAt({ now, failures: 2, random: 0, retryAfterSeconds: 5 })).toBe(
      now + 30 * MIN,
    );
  });

  it('waits at most the cap when a manifest asks it to wait a year', () => {
    const now = 1_000_000;
    const year = 365 * 24 * 3600;
    const manifest = parseListManifest(
      {
        version: 2,
        createdAt: 1,
        checksum: 'a'.repeat(64),
        snapshot: { url: 'snapshot-2.sgl', bytes: 10, sha256: 'b'.repeat(64) },
        deltas: [],
        minimumWaitSeconds: year,
      },
      'https://lists.example/manifest.json',
    );
    const at = nextAllowedAt({
      now,
      failures: 0,
      random: 0,
      minimumWaitSeconds: manifest.minimumWaitSeconds,
    });
    expect(at).toBe(now + MAX_SERVER_WAIT_SECONDS * 1000);
    expect(MAX_SERVER_WAIT_SECONDS).toBeLessThanOrEqual(3600);
    // Retry-After is a server-given wait too.
    expect(nextAllowedAt({ now, failures: 0, random: 0, retryAfterSeconds: year })).toBe(at);
  });

  it.each([
    ['120', 120],
    ['0', 0],
    ['Thu, 01 Jan 1970 00:01:40 GMT', 90],
    ['soon', undefined],
    [null, undefined],
    ['99999999', MAX_BACKOFF_MS / 1000],
  ])('reads Retry-After %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, 10_000)).toBe(seconds);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { createSqliteStore } from '../store/sqlite-store';
import type { ReportStore } from '../store/report-store';
import { RELAY_LIMITS } from './relay-limits';
import type { RelayStore } from './relay-store';
import { createSqliteRelayStore } from './sqlite-relay-store';

// The service with the relay on a real SQLite file, over real HTTP on a loopback port.
let dir: string;
let app: FastifyInstance;
let reports: ReportStore;
let relay: RelayStore;
let url: string;
const clock = { now: Date.parse('2025-06-01T12:00:00Z') };

const KEY_A = 'a'.repeat(43);
const KEY_B = 'b'.repeat(43);
const BOX = 'c'.repeat(200);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scam-guard-relay-'));
  reports = createSqliteStore(join(dir, 'reports.db'));
  relay = createSqliteRelayStore(join(dir, 'reports.db'));
  app = buildServer({ store: reports, relay, now: () => clock.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  url = `http://127.0.0.1:${address.port}`;
});

afterEach(async () => {
  await app.close();
  await relay.close();
  await reports.close();
  rmSync(dir, { recursive: true, force: true });
});

function send(method: string, path: string, body?: unknown) {
  return fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function pair(): Promise<{ channelId: string; pairingId: string; code: string }> {
  const offer = await send('POST', '/v1/relay/pairings', { publicKey: KEY_A });
  expect(offer.status).toBe(201);
  const { pairingId, code } = (await offer.json()) as { pairingId: string; code: string };
  const claim = await send('POST', '/v1/relay/pairings/claim', { code, publicKey: KEY_B });
  expect(claim.status).toBe(200);
  const { channelId, peerPublicKey } = (await claim.json()) as {
    channelId: string;
    peerPublicKey: string;
  };
  expect(peerPublicKey).toBe(KEY_A);
  return { channelId, pairingId, code };
}

describe('relay pairing', () => {
  it("pairs two browsers once: each gets the other one's key and the same channel", async () => {
    const { channelId, pairingId } = await pair();
    const polled = await send('GET', `/v1/relay/pairings/${pairingId}`);
    await expect(polled.json()).resolves.toEqual({
      state: 'paired',
      channelId,
      peerPublicKey: KEY_B,
    });
  });

  it('refuses a wrong, a used and an expired code with the same answer', async () => {
    const { code: used } = await pair();
    const offer = await send('POST', '/v1/relay/pairings', { publicKey: KEY_A });
    const { code: expiring } = (await offer.json()) as { code: string };
    clock.now += RELAY_LIMITS.pairingMs;
    const wrong = used === '12345678' ? '87654321' : '12345678';
    const answers = [];
    for (const code of [wrong, used, expiring]) {
      const reply = await send('POST', '/v1/relay/pairings/claim', { code, publicKey: KEY_B });
      answers.push({ status: reply.status, body: await reply.text() });
    }
    expect(answers[0]!.status).toBe(404);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers floods of code guesses with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < RELAY_LIMITS.rates.claimPerIp.max + 1; i++) {
      const code = String(i).padStart(8, '0');
      const reply = await send('POST', '/v1/relay/pairings/claim', { code, publicKey: KEY_B });
      statuses.push(reply.status);
      retryAfter = reply.headers.get('retry-after');
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe('relay messages', () => {
  it('delivers sealed boxes in order, from a cursor, and forgets them after their time', async () => {
    const { channelId } = await pair();
    const path = `/v1/relay/channels/${channelId}/messages`;
    expect((await send('POST', path, { box: BOX, ttlSeconds: 60 })).status).toBe(201);
    expect((await send('POST', path, { box: BOX + 'd', ttlSeconds: 3600 })).status).toBe(201);
    const all = (await (await send('GET', path)).json()) as {
      messages: { id: number; box: string }[];
      next: number;
    };
    expect(all.messages.map((m) => m.box)).toEqual([BOX, BOX + 'd']);
    const later = (await (await send('GET', `${path}?after=${all.messages[0]!.id}`)).json()) as {
      messages: unknown[];
    };
    expect(later.messages).toHaveLength(1);

    clock.now += 61_000;
    const afterTtl = (await (await send('GET', path)).json()) as { messages: { box: string }[] };
    expect(afterTtl.messages.map((m) => m.box)).toEqual([BOX + 'd']);
    // Purged from the file, not merely hidden.
    const db = new Database(join(dir, 'reports.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM relay_messages').get()).toEqual({ n: 1 });
    db.close();
  });

  it('answers 404 for a channel that does not exist, and after unpairing', async () => {
    const { channelId } = await pair();
    const unknown = await send('GET', `/v1/relay/channels/${'x'.repeat(22)}/messages`);
    expect(unknown.status).toBe(404);
    await expect(unknown.json()).resolves.toMatchObject({ error: 'unknown-channel' });
    expect((await send('DELETE', `/v1/relay/channels/${channelId}`)).status).toBe(204);
    const gone = await send('POST', `/v1/relay/channels/${channelId}/messages`, {
      box: BOX,
      ttlSeconds: 60,
    });
    expect(gone.status).toBe(404);
  });

  it.each([
    ['not JSON', '{"box":', 400, 'malformed-json'],
    ['an unknown field', { box: BOX, ttlSeconds: 60, host: 'x.top' }, 400, 'invalid-request'],
    [
      'a box that is not base64url',
      { box: '<script>' + BOX, ttlSeconds: 60 },
      400,
      'invalid-request',
    ],
    ['a time to live too long', { box: BOX, ttlSeconds: 10 ** 9 }, 400, 'invalid-request'],
    [
      'an oversized body',
      { box: 'c'.repeat(RELAY_LIMITS.bodyBytes), ttlSeconds: 60 },
      413,
      'body-too-large',
    ],
  ])('refuses %s with a clear 4xx', async (_name, body, status, error) => {
    const { channelId } = await pair();
    const reply = await send('POST', `/v1/relay/channels/${channelId}/messages`, body);
    expect(reply.status).toBe(status);
    await expect(reply.json()).resolves.toMatchObject({ error, reason: expect.any(String) });
  });

  it('answers a flood on one channel with 429 and Retry-After', async () => {
    const { channelId } = await pair();
    const path = `/v1/relay/channels/${channelId}/messages`;
    let last: Response | null = null;
    for (let i = 0; i <= RELAY_LIMITS.rates.perChannel.max; i++) {
      last = await send('POST', path, { box: BOX, ttlSeconds: 60 });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

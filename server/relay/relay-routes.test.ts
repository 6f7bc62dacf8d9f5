import { describe, expect, it } from 'vitest';
import type { TestServer } from '../test-server';
import { RELAY_LIMITS } from './relay-limits';
import { KEY_A, KEY_B, onBothBackends, pair, send } from './relay-test-servers';

// The service with the relay, over real HTTP on a loopback port, on each backend.
const BOX = 'c'.repeat(200);
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

async function json<T>(reply: Response): Promise<T> {
  return (await reply.json()) as T;
}

onBothBackends((start) => {
  describe('relay pairing', () => {
    it("pairs two browsers once: each gets the other one's key and the same channel", async () => {
      const server = await start();
      const offer = await send(server, 'POST', '/v1/relay/pairings', { publicKey: KEY_A });
      expect(offer.status).toBe(201);
      const slot = await json<{ pairingId: string; code: string; expiresAt: number }>(offer);
      expect(slot.code).toMatch(/^[0-9]{8}$/);
      expect(slot.expiresAt).toBe(server.clock.now + RELAY_LIMITS.pairingMs);
      const before = await send(server, 'GET', `/v1/relay/pairings/${slot.pairingId}`);
      await expect(before.json()).resolves.toEqual({ state: 'waiting' });

      const claim = await send(server, 'POST', '/v1/relay/pairings/claim', {
        code: slot.code,
        publicKey: KEY_B,
      });
      const { channelId, peerPublicKey } = await json<{
        channelId: string;
        peerPublicKey: string;
      }>(claim);
      expect(peerPublicKey).toBe(KEY_A);
      const polled = await send(server, 'GET', `/v1/relay/pairings/${slot.pairingId}`);
      await expect(polled.json()).resolves.toEqual({
        state: 'paired',
        channelId,
        peerPublicKey: KEY_B,
      });
    });

    it('refuses a wrong, a used and an expired code with the same answer', async () => {
      const server = await start();
      const { code: used } = await pair(server);
      const offer = await send(server, 'POST', '/v1/relay/pairings', { publicKey: KEY_A });
      const { code: expiring, pairingId } = await json<{ code: string; pairingId: string }>(offer);
      server.clock.advance(RELAY_LIMITS.pairingMs);
      const wrong = [used, expiring].includes('12345678') ? '87654321' : '12345678';
      const answers = [];
      for (const code of [wrong, used, expiring]) {
        const reply = await send(server, 'POST', '/v1/relay/pairings/claim', {
          code,
          publicKey: KEY_B,
        });
        answers.push({ status: reply.status, body: await reply.text() });
      }
      expect(answers[0]!.status).toBe(404);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      // The expired slot is gone for its owner too.
      expect((await send(server, 'GET', `/v1/relay/pairings/${pairingId}`)).status).toBe(404);
    });

    it('lets one of many browsers typing the same code at once have the channel', async () => {
      const server = await start();
      const offer = await send(server, 'POST', '/v1/relay/pairings', { publicKey: KEY_A });
      const { code } = await json<{ code: string }>(offer);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          send(server, 'POST', '/v1/relay/pairings/claim', {
            code,
            publicKey: String(i).padStart(43, 'k'),
          }),
        ),
      );
      expect(claims.map((c) => c.status).sort()).toEqual([200, ...Array(7).fill(404)]);
    });

    it('answers floods of code guesses with 429 and Retry-After', async () => {
      const server = await start();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < RELAY_LIMITS.rates.claimPerIp.max + 1; i++) {
        const code = String(i).padStart(8, '0');
        const reply = await send(server, 'POST', '/v1/relay/pairings/claim', {
          code,
          publicKey: KEY_B,
        });
        statuses.push(reply.status);
        retryAfter = reply.headers.get('retry-after');
      }
      expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    });

    it('refuses a claim of the wrong shape, naming what is wrong', async () => {
      const server = await start();
      const cases = [
        ['a code that is not 8 digits', { code: '1234', publicKey: KEY_B }, 'code'],
        ['a missing key', { code: '12345678' }, 'publicKey'],
        ['a key not base64url', { code: '12345678', publicKey: `${KEY_B}+/` }, 'publicKey'],
        ['an unknown field', { code: '12345678', publicKey: KEY_B, name: 'Mum' }, 'body'],
      ] as const;
      for (const [name, body, field] of cases) {
        const reply = await send(server, 'POST', '/v1/relay/pairings/claim', body);
        expect(reply.status, name).toBe(400);
        const answer = await json<{ error: string; reason: string }>(reply);
        expect(answer.error, name).toBe('invalid-request');
        expect(answer.reason, name).toMatch(new RegExp(`^${field} `));
      }
    });
  });

  describe('relay messages', () => {
    it('delivers sealed boxes in order, from a cursor, and purges them after their time', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const path = `/v1/relay/channels/${channelId}/messages`;
      expect((await send(server, 'POST', path, { box: BOX, ttlSeconds: 60 })).status).toBe(201);
      const second = await send(server, 'POST', path, { box: `${BOX}d`, ttlSeconds: 3600 });
      expect(second.status).toBe(201);
      const { id } = await json<{ id: number }>(second);
      const all = await json<{ messages: { id: number; box: string }[]; next: number }>(
        await send(server, 'GET', path),
      );
      expect(all.messages.map((m) => m.box)).toEqual([BOX, `${BOX}d`]);
      expect(all.next).toBe(id);
      const later = await json<{ messages: unknown[] }>(
        await send(server, 'GET', `${path}?after=${all.messages[0]!.id}`),
      );
      expect(later.messages).toHaveLength(1);

      server.clock.advance(60_000);
      const afterTtl = await json<{ messages: { box: string }[] }>(await send(server, 'GET', path));
      expect(afterTtl.messages.map((m) => m.box)).toEqual([`${BOX}d`]);
      // Purged from the database, not merely hidden: asked as of 1970, only one is left.
      expect((await server.relay.messages(channelId, 0, 0, 50)).map((m) => m.box)).toEqual([
        `${BOX}d`,
      ]);
    });

    it('pages a long queue 50 at a time, and an empty page keeps the cursor', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const path = `/v1/relay/channels/${channelId}/messages`;
      for (let i = 0; i < 55; i++) {
        // Stay under the per-channel limit: a fresh minute every 30 messages.
        if (i % RELAY_LIMITS.rates.perChannel.max === 0) server.clock.advance(60_000);
        const box = `box${String(i).padStart(13, '0')}`;
        expect((await send(server, 'POST', path, { box, ttlSeconds: 3600 })).status).toBe(201);
      }
      type Page = { messages: { id: number; box: string }[]; next: number };
      const first = await json<Page>(await send(server, 'GET', path));
      expect(first.messages).toHaveLength(RELAY_LIMITS.pageSize);
      const second = await json<Page>(await send(server, 'GET', `${path}?after=${first.next}`));
      const boxes = [...first.messages, ...second.messages].map((m) => m.box);
      expect(boxes).toEqual(
        Array.from({ length: 55 }, (_, i) => `box${String(i).padStart(13, '0')}`),
      );
      const empty = await json<Page>(await send(server, 'GET', `${path}?after=${second.next}`));
      expect(empty).toEqual({ messages: [], next: second.next });
    });

    it('answers 404 for a channel that does not exist, and after unpairing', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const nowhere = `/v1/relay/channels/${'x'.repeat(22)}`;
      for (const [method, path, body] of [
        ['GET', `${nowhere}/messages`, undefined],
        ['POST', `${nowhere}/messages`, { box: BOX, ttlSeconds: 60 }],
        ['DELETE', nowhere, undefined],
      ] as const) {
        const reply = await send(server, method, path, body);
        expect(reply.status).toBe(404);
        await expect(reply.json()).resolves.toMatchObject({ error: 'unknown-channel' });
      }
      await send(server, 'POST', `/v1/relay/channels/${channelId}/messages`, {
        box: BOX,
        ttlSeconds: 60,
      });
      expect((await send(server, 'DELETE', `/v1/relay/channels/${channelId}`)).status).toBe(204);
      const gone = await send(server, 'POST', `/v1/relay/channels/${channelId}/messages`, {
        box: BOX,
        ttlSeconds: 60,
      });
      expect(gone.status).toBe(404);
      expect(await server.relay.messages(channelId, 0, 0, 50)).toEqual([]);
    });

    it('refuses a message that is broken, of the wrong shape or too large, and stores nothing', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const cases: [string, unknown, number, string][] = [
        ['not JSON', '{"box":', 400, 'malformed-json'],
        ['an empty body', '', 400, 'malformed-json'],
        ['an unknown field', { box: BOX, ttlSeconds: 60, host: 'x.top' }, 400, 'invalid-request'],
        ['a box not base64url', { box: `<script>${BOX}`, ttlSeconds: 60 }, 400, 'invalid-request'],
        ['a box too short', { box: 'c'.repeat(15), ttlSeconds: 60 }, 400, 'invalid-request'],
        ['a time to live as a string', { box: BOX, ttlSeconds: '60' }, 400, 'invalid-request'],
        ['a time to live too long', { box: BOX, ttlSeconds: 10 ** 9 }, 400, 'invalid-request'],
        ['an array', [BOX], 400, 'invalid-request'],
        [
          'an oversized body',
          { box: 'c'.repeat(RELAY_LIMITS.bodyBytes), ttlSeconds: 60 },
          413,
          'body-too-large',
        ],
      ];
      for (const [name, body, status, error] of cases) {
        const reply = await send(server, 'POST', `/v1/relay/channels/${channelId}/messages`, body);
        expect(reply.status, name).toBe(status);
        expect(await reply.json(), name).toMatchObject({ error, reason: expect.any(String) });
      }
      expect(await server.relay.messages(channelId, 0, 0, 50)).toEqual([]);
    });

    it('refuses a read with a cursor that is not a whole number, or an unknown field', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      for (const query of ['?after=abc', '?after=-1', '?after=1.5', '?since=1']) {
        const reply = await send(server, 'GET', `/v1/relay/channels/${channelId}/messages${query}`);
        expect(reply.status, query).toBe(400);
        expect(await reply.json(), query).toMatchObject({ error: 'invalid-request' });
      }
    });

    it('refuses a channel id of the wrong shape with 400, before looking it up', async () => {
      const server = await start();
      const reply = await send(server, 'GET', '/v1/relay/channels/short/messages');
      expect(reply.status).toBe(400);
      await expect(reply.json()).resolves.toMatchObject({
        error: 'invalid-request',
        reason: expect.stringContaining('channelId'),
      });
    });

    it('refuses a pairing offer that is not JSON, too large, or not sent as JSON', async () => {
      const server = await start();
      const offer = (body: string, type = 'application/json') =>
        fetch(`${server.url}/v1/relay/pairings`, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
        });
      const broken = await offer('{"publicKey"');
      expect(broken.status).toBe(400);
      await expect(broken.json()).resolves.toMatchObject({ error: 'malformed-json' });
      const huge = await offer(JSON.stringify({ publicKey: 'a'.repeat(RELAY_LIMITS.bodyBytes) }));
      expect(huge.status).toBe(413);
      const text = await offer(JSON.stringify({ publicKey: KEY_A }), 'text/plain');
      expect(text.status).toBe(415);
    });

    it('answers a flood on one channel with 429 and Retry-After', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const path = `/v1/relay/channels/${channelId}/messages`;
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i <= RELAY_LIMITS.rates.perChannel.max; i++) {
        last = await send(server, 'POST', path, { box: BOX, ttlSeconds: 60 });
        statuses.push(last.status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(RELAY_LIMITS.rates.perChannel.max);
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another channel is not held back by this one.
      const other = await pair(server);
      const reply = await send(server, 'POST', `/v1/relay/channels/${other.channelId}/messages`, {
        box: BOX,
        ttlSeconds: 60,
      });
      expect(reply.status).toBe(201);
    });

    it('answers a flood from one address on any relay route with 429 and Retry-After', async () => {
      const server = await start();
      const path = `/v1/relay/pairings/${'p'.repeat(22)}`;
      const statuses: number[] = [];
      for (let i = 0; i < RELAY_LIMITS.rates.perIp.max; i++) {
        statuses.push((await send(server, 'GET', path)).status);
      }
      expect(new Set(statuses)).toEqual(new Set([404]));
      const over = await send(server, 'GET', path);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expect(over.json()).resolves.toMatchObject({ error: 'rate-limited' });
    });
  });

  describe('relay CORS', () => {
    it('answers extension pages with CORS headers, 429s included, and preflights', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const path = `/v1/relay/channels/${channelId}/messages`;
      const read = await send(server, 'GET', path, undefined, { origin: EXTENSION });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      const preflight = await send(
        server,
        'OPTIONS',
        `/v1/relay/channels/${channelId}`,
        undefined,
        {
          origin: EXTENSION,
          'access-control-request-method': 'DELETE',
        },
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
      let last: Response | null = null;
      for (let i = 0; i <= RELAY_LIMITS.rates.perChannel.max; i++) {
        last = await send(
          server,
          'POST',
          path,
          { box: BOX, ttlSeconds: 60 },
          { origin: EXTENSION },
        );
      }
      expect(last!.status).toBe(429);
      expect(last!.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      expect(last!.headers.get('access-control-expose-headers')).toBe('Retry-After');
    });

    it('refuses a web page, so no site can post to or delete a channel', async () => {
      const server: TestServer = await start();
      const { channelId } = await pair(server);
      const reply = await send(server, 'DELETE', `/v1/relay/channels/${channelId}`, undefined, {
        origin: 'https://evil.test',
      });
      expect(reply.status).toBe(403);
      expect(reply.headers.get('access-control-allow-origin')).toBeNull();
      expect(await server.relay.channelExists(channelId)).toBe(true);
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { TestServer } from '../test-server';
import { RELAY_LIMITS } from './relay-limits';
import { onBothBackends, pair, send } from './relay-test-servers';

// The uninstall URL as the browser opens it after Scam Guard was removed: a plain GET.
const BOX = 'Zm9yIHRoZSBmYW1pbHk'.repeat(10);
const REMOVED_ZH = '反诈卫士已从此浏览器中移除。';
const REMOVED_EN = 'Scam Guard was removed from this browser.';
const TOLD_ZH = '已通知您的家人。';
const TOLD_EN = 'Your family has been told.';

const farewell = (server: TestServer, channelId: string, query = `?box=${BOX}`) =>
  fetch(`${server.url}/v1/relay/channels/${channelId}/farewell${query}`);

async function boxes(server: TestServer, channelId: string): Promise<string[]> {
  const reply = await send(server, 'GET', `/v1/relay/channels/${channelId}/messages`);
  return ((await reply.json()) as { messages: { box: string }[] }).messages.map((m) => m.box);
}

function expectPageHeaders(reply: Response): void {
  expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = (reply.headers.get('content-security-policy') ?? '').split('; ');
  expect(csp).toContain("default-src 'none'");
  // Only the page's own style sheet, by its hash; nothing else may load or run.
  expect(csp.filter((d) => !/^default-src|^style-src 'sha256-[A-Za-z0-9+/]+=*'$/.test(d))).toEqual([
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]);
  expect(reply.headers.get('cache-control')).toBe('no-store');
  expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
}

onBothBackends((start) => {
  describe('farewell', () => {
    it('posts the box to the family for 7 days and tells the person so, Chinese first', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const reply = await farewell(server, channelId);
      expect(reply.status).toBe(200);
      expectPageHeaders(reply);
      const page = await reply.text();
      const order = [REMOVED_ZH, TOLD_ZH, REMOVED_EN, TOLD_EN].map((s) => page.indexOf(s));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // Nothing from the request is in the page.
      expect(page).not.toContain(channelId);
      expect(page).not.toContain(BOX.slice(0, 16));

      expect(await boxes(server, channelId)).toEqual([BOX]);
      server.clock.advance(RELAY_LIMITS.maxTtlSeconds * 1000 - 1);
      expect(await boxes(server, channelId)).toEqual([BOX]);
      server.clock.advance(1);
      expect(await boxes(server, channelId)).toEqual([]);
    });

    it('stores the same box each time the page is opened', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      expect((await farewell(server, channelId)).status).toBe(200);
      expect((await farewell(server, channelId)).status).toBe(200);
      expect(await boxes(server, channelId)).toEqual([BOX, BOX]);
    });

    it('says only that Scam Guard was removed when the channel is unknown or unpaired', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      expect((await send(server, 'DELETE', `/v1/relay/channels/${channelId}`)).status).toBe(204);
      for (const id of ['x'.repeat(22), channelId]) {
        const reply = await farewell(server, id);
        expect(reply.status).toBe(404);
        expectPageHeaders(reply);
        const page = await reply.text();
        expect(page).toContain(REMOVED_ZH);
        expect(page).toContain(REMOVED_EN);
        expect(page).not.toContain(TOLD_ZH);
        expect(page).not.toContain(TOLD_EN);
      }
      expect(await server.relay.messages(channelId, 0, 0, 50)).toEqual([]);
    });

    it('answers a malformed link with a 400 page that repeats none of it, and posts nothing', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const cases: [string, string, string][] = [
        ['no box', channelId, ''],
        ['an empty box', channelId, '?box='],
        ['a box too short', channelId, `?box=${'a'.repeat(15)}`],
        ['a box too long', channelId, `?box=${'a'.repeat(RELAY_LIMITS.boxChars + 1)}`],
        ['markup in the box', channelId, `?box=${encodeURIComponent(`<b>${BOX}</b>`)}`],
        ['two boxes', channelId, `?box=${BOX}&box=${BOX}`],
        ['an extra field', channelId, `?box=${BOX}&name=Mum`],
        ['a channel of the wrong shape', `${channelId}%3Cb%3E`, `?box=${BOX}`],
      ];
      for (const [name, id, query] of cases) {
        const reply = await farewell(server, id, query);
        expect(reply.status, name).toBe(400);
        expectPageHeaders(reply);
        const page = await reply.text();
        expect(page, name).toContain('This link is not valid.');
        expect(page, name).not.toMatch(/<b>|Mum|aaaaaaaaaaaaaaa/);
        expect(page, name).not.toContain(TOLD_EN);
      }
      expect(await boxes(server, channelId)).toEqual([]);
    });

    it('shares the per-channel limit with messages: 429, Retry-After, nothing posted', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      for (let i = 0; i < RELAY_LIMITS.rates.perChannel.max; i++) {
        const reply = await send(server, 'POST', `/v1/relay/channels/${channelId}/messages`, {
          box: BOX,
          ttlSeconds: 60,
        });
        expect(reply.status).toBe(201);
      }
      const reply = await farewell(server, channelId);
      expect(reply.status).toBe(429);
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expectPageHeaders(reply);
      expect(await reply.text()).not.toContain(TOLD_EN);
      expect(await server.relay.messages(channelId, 0, 0, 50)).toHaveLength(
        RELAY_LIMITS.rates.perChannel.max,
      );
      server.clock.advance(RELAY_LIMITS.rates.perChannel.windowMs);
      expect((await farewell(server, channelId)).status).toBe(200);
    });

    it('answers a flood from one address with a 429 page and Retry-After', async () => {
      const server = await start();
      const id = 'x'.repeat(22);
      for (let i = 0; i < RELAY_LIMITS.rates.perIp.max; i++) {
        await (await farewell(server, id)).arrayBuffer();
      }
      const reply = await farewell(server, id);
      expect(reply.status).toBe(429);
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expectPageHeaders(reply);
      expect(await reply.text()).toContain(REMOVED_EN);
    });

    it('posts nothing for a HEAD request (a link checker, a prefetch)', async () => {
      const server = await start();
      const { channelId } = await pair(server);
      const head = await fetch(`${server.url}/v1/relay/channels/${channelId}/farewell?box=${BOX}`, {
        method: 'HEAD',
      });
      expect(head.status).toBe(404);
      expect(await server.relay.messages(channelId, 0, 0, 50)).toEqual([]);
    });
  });
});

import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { corsFor } from '../cors';
import type { RateLimiterFactory } from '../rate-limiter';
import { FAREWELL_PATH, farewellRoute } from './farewell-route';
import { sendFarewellPage } from './farewell-page';
import { relayError } from './relay-error';
import { CHANNEL_ID, overLimit, RELAY_LIMITS, tooMany } from './relay-limits';
import type { RelayStore } from './relay-store';

export interface RelayOptions {
  store: RelayStore;
  now: () => number;
  /** Where limits are counted: memory on SQLite, shared buckets on PostgreSQL (backend.ts). */
  rateLimiters: RateLimiterFactory;
  rateLimits?: Partial<typeof RELAY_LIMITS.rates>;
}

const base64url = { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } as const;
const key = { ...base64url, minLength: 32, maxLength: RELAY_LIMITS.keyChars } as const;
const channelParams = {
  type: 'object',
  required: ['channelId'],
  properties: { channelId: { type: 'string', pattern: CHANNEL_ID.source } },
} as const;

const id = () => randomBytes(16).toString('base64url');
/** 8 digits, uniformly drawn, so the code says nothing about anything. */
const pairingCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

/**
 * The family-alert relay: pairing slots that live ten minutes and work once, channels, and
 * sealed boxes with a time to live. It forwards what it cannot read.
 */
export async function relayRoutes(app: FastifyInstance, options: RelayOptions) {
  const { store, now, rateLimiters } = options;
  const rates = { ...RELAY_LIMITS.rates, ...options.rateLimits };
  const perIp = rateLimiters('relay-ip', rates.perIp, now);
  const claimPerIp = rateLimiters('relay-claim', rates.claimPerIp, now);
  const perChannel = rateLimiters('relay-channel', rates.perChannel, now);
  const cors = corsFor(['GET', 'POST', 'DELETE']);

  app.setErrorHandler(relayError);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: RELAY_LIMITS.bodyBytes },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addHook('onRequest', cors);
  app.addHook('onRequest', async (request, reply) => {
    const wait = await overLimit(perIp, request.ip);
    if (wait !== null) {
      // The farewell is read by a person, in a tab: a page, not JSON.
      if (request.routeOptions.url === FAREWELL_PATH) {
        return sendFarewellPage(reply.header('Retry-After', String(wait)), 429, 'removed');
      }
      return tooMany(reply, wait);
    }
    await store.purgeExpired(now());
    return undefined;
  });
  // Preflights: a browser asks before a JSON POST or a DELETE from an extension page that
  // lacks host permission for the service.
  app.options('/v1/relay/*', async (_request, reply) => reply.code(204).send());

  // "Watch over someone": the relative's browser offers its public key for one code.
  app.post<{ Body: { publicKey: string } }>(
    '/v1/relay/pairings',
    {
      bodyLimit: RELAY_LIMITS.bodyBytes,
      schema: {
        body: {
          type: 'object',
          required: ['publicKey'],
          additionalProperties: false,
          properties: { publicKey: key },
        },
      },
    },
    async (request, reply) => {
      const expiresAt = now() + RELAY_LIMITS.pairingMs;
      for (let tries = 0; tries < 5; tries++) {
        const slot = {
          id: id(),
          code: pairingCode(),
          watcherKey: request.body.publicKey,
          channelId: id(),
          expiresAt,
        };
        if ((await store.createPairing(slot)) === 'created') {
          return reply.code(201).send({ pairingId: slot.id, code: slot.code, expiresAt });
        }
      }
      return reply.code(503).send({ error: 'busy', reason: 'no free code; retry' });
    },
  );

  // The protected browser types the code. Wrong, used and expired look exactly alike.
  app.post<{ Body: { code: string; publicKey: string } }>(
    '/v1/relay/pairings/claim',
    {
      bodyLimit: RELAY_LIMITS.bodyBytes,
      schema: {
        body: {
          type: 'object',
          required: ['code', 'publicKey'],
          additionalProperties: false,
          properties: { code: { type: 'string', pattern: '^[0-9]{8}$' }, publicKey: key },
        },
      },
    },
    async (request, reply) => {
      const wait = await overLimit(claimPerIp, request.ip);
      if (wait !== null) return tooMany(reply, wait);
      const slot = await store.claimPairing(request.body.code, request.body.publicKey, now());
      if (!slot) {
        return reply
          .code(404)
          .send({ error: 'pairing-refused', reason: 'this code is not valid; ask for a new one' });
      }
      return reply.send({ channelId: slot.channelId, peerPublicKey: slot.watcherKey });
    },
  );

  // The relative's browser polls its slot until the code was used.
  app.get<{ Params: { pairingId: string } }>(
    '/v1/relay/pairings/:pairingId',
    async (request, reply) => {
      const slot = await store.getPairing(request.params.pairingId, now());
      if (!slot) return reply.code(404).send({ error: 'not-found', reason: 'no such pairing' });
      if (!slot.watchedKey) return reply.send({ state: 'waiting' });
      return reply.send({
        state: 'paired',
        channelId: slot.channelId,
        peerPublicKey: slot.watchedKey,
      });
    },
  );

  const unknownChannel = (reply: FastifyReply) =>
    reply.code(404).send({ error: 'unknown-channel', reason: 'no such channel' });
  const requireChannel = async (
    request: FastifyRequest<{ Params: { channelId: string } }>,
    reply: FastifyReply,
  ) => {
    if (!(await store.channelExists(request.params.channelId))) return unknownChannel(reply);
    return undefined;
  };

  app.post<{ Params: { channelId: string }; Body: { box: string; ttlSeconds: number } }>(
    '/v1/relay/channels/:channelId/messages',
    {
      bodyLimit: RELAY_LIMITS.bodyBytes,
      schema: {
        params: channelParams,
        body: {
          type: 'object',
          required: ['box', 'ttlSeconds'],
          additionalProperties: false,
          properties: {
            box: { ...base64url, minLength: 16, maxLength: RELAY_LIMITS.boxChars },
            ttlSeconds: { type: 'integer', minimum: 60, maximum: RELAY_LIMITS.maxTtlSeconds },
          },
        },
      },
      preHandler: requireChannel,
    },
    async (request, reply) => {
      const wait = await overLimit(perChannel, request.params.channelId);
      if (wait !== null) return tooMany(reply, wait);
      const { box, ttlSeconds } = request.body;
      const messageId = await store.postMessage(
        request.params.channelId,
        box,
        now() + ttlSeconds * 1000,
      );
      if (messageId === null) return unknownChannel(reply);
      return reply.code(201).send({ id: messageId });
    },
  );

  app.get<{ Params: { channelId: string }; Querystring: { after?: string } }>(
    '/v1/relay/channels/:channelId/messages',
    {
      schema: {
        params: channelParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          // A string: query values are never coerced on this service.
          properties: { after: { type: 'string', pattern: '^[0-9]{1,15}$' } },
        },
      },
      preHandler: requireChannel,
    },
    async (request) => {
      const after = Number(request.query.after ?? 0);
      const messages = await store.messages(
        request.params.channelId,
        after,
        now(),
        RELAY_LIMITS.pageSize,
      );
      return { messages, next: messages.at(-1)?.id ?? after };
    },
  );

  app.delete<{ Params: { channelId: string } }>(
    '/v1/relay/channels/:channelId',
    { schema: { params: channelParams }, preHandler: requireChannel },
    async (request, reply) => {
      await store.deleteChannel(request.params.channelId);
      return reply.code(204).send();
    },
  );

  farewellRoute(app, { store, now, perChannel });
}

import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRateLimiter, type RateLimit, type RateLimiter } from '../rate-limiter';
import type { RelayStore } from './relay-store';

export interface RelayOptions {
  store: RelayStore;
  now: () => number;
  rateLimits?: Partial<typeof RELAY_LIMITS.rates>;
}

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

const base64url = { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } as const;
const key = { ...base64url, minLength: 32, maxLength: RELAY_LIMITS.keyChars } as const;
const channelParams = {
  type: 'object',
  required: ['channelId'],
  properties: { channelId: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } },
} as const;

const id = () => randomBytes(16).toString('base64url');
/** 8 digits, uniformly drawn, so the code says nothing about anything. */
const pairingCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

async function limited(limiter: RateLimiter, key: string, reply: FastifyReply): Promise<boolean> {
  const verdict = await limiter.take(key);
  if (verdict.allowed) return false;
  void reply
    .code(429)
    .header('Retry-After', String(verdict.retryAfterSeconds))
    .send({ error: 'rate-limited', reason: `retry after ${verdict.retryAfterSeconds} s` });
  return true;
}

/** Relay errors in the service's one shape, with the relay's own limits in the words. */
function relayError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation?.[0]) {
    const issue = error.validation[0];
    const field =
      issue.instancePath.replace(/^\//, '') || String(issue.params.missingProperty ?? '');
    return reply.code(400).send({
      error: 'invalid-request',
      reason: `${field || 'body'} ${issue.message ?? 'is invalid'}`,
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send({
      error: 'body-too-large',
      reason: `bodies are at most ${RELAY_LIMITS.bodyBytes} bytes`,
    });
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return reply.code(400).send({ error: 'malformed-json', reason: error.message });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .code(415)
      .send({ error: 'unsupported-media-type', reason: 'send application/json' });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return reply.code(status).send({ error: 'bad-request', reason: error.message });
  request.log.error({ err: error }, 'relay request failed');
  return reply.code(500).send({ error: 'internal', reason: 'retry later' });
}

/**
 * The family-alert relay: pairing slots that live ten minutes and work once, channels, and
 * sealed boxes with a time to live. It forwards what it cannot read.
 */
export async function relayRoutes(app: FastifyInstance, options: RelayOptions) {
  const { store, now } = options;
  const rates = { ...RELAY_LIMITS.rates, ...options.rateLimits };
  const perIp = createRateLimiter(rates.perIp, now);
  const claimPerIp = createRateLimiter(rates.claimPerIp, now);
  const perChannel = createRateLimiter(rates.perChannel, now);

  app.setErrorHandler(relayError);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: RELAY_LIMITS.bodyBytes },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addHook('onRequest', async (request, reply) => {
    if (await limited(perIp, request.ip, reply)) return reply;
    await store.purgeExpired(now());
    return undefined;
  });

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
      if (await limited(claimPerIp, request.ip, reply)) return reply;
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
      if (await limited(perChannel, request.params.channelId, reply)) return reply;
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
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_LIMITS, reportSchema, validateReportUrl, type Report } from '../shared/report';
import type { AllowlistSource } from './allowlist-source';
import { corsFor } from './cors';
import type { RateLimit, RateLimiter, RateLimiterFactory } from './rate-limiter';
import { reporterNetwork } from './reporter-network';
import type { ReportStore } from './store/report-store';

export interface ReportIntakeOptions {
  store: ReportStore;
  allowlist: AllowlistSource;
  rateLimits: { perInstall: RateLimit; perIp: RateLimit };
  rateLimiters: RateLimiterFactory;
  now: () => number;
}

/**
 * Sends 429 and returns true when `key` is over its limit. A boolean, not the reply: a
 * FastifyReply is thenable, so awaiting a promise of one would yield undefined.
 */
async function refuseIfLimited(
  limiter: RateLimiter,
  key: string,
  who: string,
  reply: FastifyReply,
): Promise<boolean> {
  const verdict = await limiter.take(key);
  if (verdict.allowed) return false;
  reply
    .code(429)
    .header('Retry-After', String(verdict.retryAfterSeconds))
    .send({
      error: 'rate-limited',
      reason: `too many reports from this ${who}; retry after ${verdict.retryAfterSeconds} s`,
    });
  return true;
}

/** POST /v1/reports and GET /v1/health. */
export async function reportIntake(app: FastifyInstance, options: ReportIntakeOptions) {
  const { store, allowlist, now } = options;
  const perIp = options.rateLimiters('ip', options.rateLimits.perIp, now);
  const perInstall = options.rateLimiters('install', options.rateLimits.perInstall, now);
  const cors = corsFor(['POST']);

  // JSON only. Dropping text/plain also means a web page cannot send a "simple" cross-origin
  // POST that skips the CORS preflight.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: REPORT_LIMITS.bodyBytes },
    app.getDefaultJsonParser('error', 'error'),
  );

  app.options('/v1/reports', { onRequest: cors }, async (_request, reply) =>
    reply.code(204).send(),
  );

  app.post<{ Body: Report }>(
    '/v1/reports',
    {
      bodyLimit: REPORT_LIMITS.bodyBytes,
      schema: { body: reportSchema },
      // The per-IP limit runs before the body is read, so a flood costs as little as possible.
      onRequest: [
        cors,
        async (request: FastifyRequest, reply: FastifyReply) => {
          if (await refuseIfLimited(perIp, request.ip, 'address', reply)) return reply;
        },
      ],
    },
    async (request, reply) => {
      const report = request.body;
      const urlProblem = validateReportUrl(report.url);
      if (urlProblem) {
        return reply
          .code(400)
          .send({ error: 'invalid-report', field: 'url', reason: `"url" refused: ${urlProblem}` });
      }
      if (await refuseIfLimited(perInstall, report.installId, 'installation', reply)) return reply;
      const host = new URL(report.url).hostname;
      const allowlisted = (await allowlist.current()).covering(host) !== null;
      const outcome = await store.insert(report, {
        allowlisted,
        receivedAt: now(),
        network: reporterNetwork(request.ip),
      });
      return reply.code(outcome === 'accepted' ? 201 : 200).send({ status: outcome });
    },
  );

  app.get('/v1/health', async () => ({ ok: true, reports: await store.count() }));
}

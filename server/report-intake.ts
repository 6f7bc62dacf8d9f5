import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_LIMITS, reportSchema, validateReportUrl, type Report } from '../shared/report';
import type { AllowlistSource } from './allowlist-source';
import { cors } from './cors';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limiter';
import type { ReportStore } from './store/report-store';

export interface ReportIntakeOptions {
  store: ReportStore;
  allowlist: AllowlistSource;
  rateLimits: { perInstall: RateLimit; perIp: RateLimit };
  now: () => number;
}

function refuseIfLimited(
  limiter: RateLimiter,
  key: string,
  who: string,
  reply: FastifyReply,
): FastifyReply | undefined {
  const verdict = limiter.take(key);
  if (verdict.allowed) return undefined;
  return reply
    .code(429)
    .header('Retry-After', String(verdict.retryAfterSeconds))
    .send({
      error: 'rate-limited',
      reason: `too many reports from this ${who}; retry after ${verdict.retryAfterSeconds} s`,
    });
}

/** POST /v1/reports and GET /v1/health. */
export async function reportIntake(app: FastifyInstance, options: ReportIntakeOptions) {
  const { store, allowlist, now } = options;
  const perIp = createRateLimiter(options.rateLimits.perIp, now);
  const perInstall = createRateLimiter(options.rateLimits.perInstall, now);

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
        async (request: FastifyRequest, reply: FastifyReply) =>
          refuseIfLimited(perIp, request.ip, 'address', reply),
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
      if (refuseIfLimited(perInstall, report.installId, 'installation', reply)) return reply;
      const host = new URL(report.url).hostname;
      const allowlisted = (await allowlist.current()).covering(host) !== null;
      const outcome = await store.insert(report, { allowlisted, receivedAt: now() });
      return reply.code(outcome === 'accepted' ? 201 : 200).send({ status: outcome });
    },
  );

  app.get('/v1/health', async () => ({ ok: true, reports: await store.count() }));
}

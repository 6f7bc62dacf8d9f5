import Fastify, { type FastifyInstance } from 'fastify';
import { REPORT_LIMITS } from '../shared/report';
import { createAllowlistSource } from './allowlist-source';
import { errorReply } from './error-reply';
import { listHosting } from './list-hosting';
import type { RateLimit } from './rate-limiter';
import { reportIntake } from './report-intake';
import { relayRoutes } from './relay/relay-routes';
import type { RelayStore } from './relay/relay-store';
import type { ReportStore } from './store/report-store';

export interface BuildServerOptions {
  store: ReportStore;
  /** Folder of list files served under /list/; without it /list/ answers 404. */
  listDir?: string;
  /** Allowlist file (one domain per line); without it no report is flagged. */
  allowlistPath?: string;
  rateLimits?: { perInstall?: RateLimit; perIp?: RateLimit };
  /** Clock for rate limits and receivedAt; tests pass a fake one. */
  now?: () => number;
  logger?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
  /** The family-alert relay under /v1/relay/; without it those routes answer 404. */
  relay?: RelayStore;
}

export const DEFAULT_RATE_LIMITS = {
  perInstall: { max: 30, windowMs: 60_000 },
  // Higher than per install: several installations can share one address (NAT, offices).
  perIp: { max: 120, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

/** The report service and list hosting as a Fastify instance, not yet listening. */
export function buildServer(options: BuildServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: REPORT_LIMITS.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    ajv: {
      // Fastify's defaults strip unknown fields and coerce types; a report with an extra
      // field or a number sent as a string must be refused, not silently repaired.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false },
    },
  });
  app.setErrorHandler(errorReply);
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not-found', reason: `no route for ${request.method} ${request.url}` }),
  );

  const allowlist = createAllowlistSource(options.allowlistPath, {
    whenMissing: 'empty',
    warn: (message) => app.log.warn(message),
  });
  app.register(reportIntake, {
    store: options.store,
    allowlist,
    now: options.now ?? Date.now,
    rateLimits: {
      perInstall: options.rateLimits?.perInstall ?? DEFAULT_RATE_LIMITS.perInstall,
      perIp: options.rateLimits?.perIp ?? DEFAULT_RATE_LIMITS.perIp,
    },
  });
  if (options.listDir !== undefined) app.register(listHosting, { listDir: options.listDir });
  if (options.relay)
    app.register(relayRoutes, { store: options.relay, now: options.now ?? Date.now });
  return app;
}

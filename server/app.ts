import Fastify, { type FastifyInstance } from 'fastify';
import { REPORT_LIMITS } from '../shared/report';
import { createAllowlistSource } from './allowlist-source';
import { errorReply } from './error-reply';
import { listHosting } from './list-hosting';
import { memoryRateLimiters, type RateLimit, type RateLimiterFactory } from './rate-limiter';
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
  /** Where limits are counted; in memory unless instances share them (backend.ts). */
  rateLimiters?: RateLimiterFactory;
  /** Clock for rate limits and receivedAt; tests pass a fake one. */
  now?: () => number;
  logger?: boolean;
  /**
   * Take the client address from X-Forwarded-For (only behind a trusted proxy: anyone can
   * send that header, and the address drives the per-address limit and reporter ranges).
   * A number trusts that many proxy hops; a string lists proxy addresses or CIDRs; `true`
   * trusts every hop (tests only: the client could then choose its own address).
   */
  trustProxy?: TrustProxy;
  /** The family-alert relay under /v1/relay/; without it those routes answer 404. */
  relay?: RelayStore;
}

export type TrustProxy = boolean | number | string;

/**
 * TRUST_PROXY from the environment: unset or empty trusts no proxy; a whole number is the
 * count of proxies in front (1 for one load balancer); anything else is a comma-separated
 * list of the proxies' addresses or CIDRs.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value.trim() === '') return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** Trusts the nearest `hops` proxies: the address the outermost of them saw is the client. */
function hopsTrusted(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
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
    trustProxy:
      typeof options.trustProxy === 'number'
        ? hopsTrusted(options.trustProxy)
        : (options.trustProxy ?? false),
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
    rateLimiters: options.rateLimiters ?? memoryRateLimiters,
    rateLimits: {
      perInstall: options.rateLimits?.perInstall ?? DEFAULT_RATE_LIMITS.perInstall,
      perIp: options.rateLimits?.perIp ?? DEFAULT_RATE_LIMITS.perIp,
    },
  });
  if (options.listDir !== undefined) app.register(listHosting, { listDir: options.listDir });
  if (options.relay) {
    app.register(relayRoutes, {
      store: options.relay,
      now: options.now ?? Date.now,
      rateLimiters: options.rateLimiters ?? memoryRateLimiters,
    });
  }
  return app;
}

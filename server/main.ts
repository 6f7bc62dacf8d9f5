import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, parseTrustProxy, type BuildServerOptions } from './app';
import { DEFAULT_ALLOWLIST_PATH } from './allowlist-source';
import { openBackend } from './store/backend';
import { DEFAULT_DATABASE_PATH } from './store/sqlite-store';

export interface StartServerOptions {
  /** Default 8787; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1: exposing the service is a deliberate choice. */
  host?: string;
  /** postgres://… to use PostgreSQL (many instances); otherwise SQLite at `databasePath`. */
  databaseUrl?: string;
  databasePath?: string;
  listDir?: string;
  allowlistPath?: string;
  rateLimits?: BuildServerOptions['rateLimits'];
  logger?: boolean;
  trustProxy?: BuildServerOptions['trustProxy'];
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  /** Stops accepting requests, finishes those in flight, then closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_LIST_DIR = 'public-list';

/** Runs the report service and list hosting in this process (npm start, browser tests). */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const backend = await openBackend({
    databaseUrl: options.databaseUrl,
    databasePath: options.databasePath ?? DEFAULT_DATABASE_PATH,
  });
  const app = buildServer({
    store: backend.reports,
    rateLimiters: backend.rateLimiters,
    relay: backend.relay,
    listDir: options.listDir ?? DEFAULT_LIST_DIR,
    allowlistPath: options.allowlistPath ?? DEFAULT_ALLOWLIST_PATH,
    rateLimits: options.rateLimits,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy,
  });
  try {
    await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? DEFAULT_HOST });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? DEFAULT_HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= app.close().finally(() => backend.close());
      return closing;
    },
  };
}

function envPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  const server = await startServer({
    port: envPort(env.PORT),
    host: env.HOST || DEFAULT_HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePath: env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
    listDir: env.LIST_DIR || DEFAULT_LIST_DIR,
    allowlistPath: env.ALLOWLIST_PATH || DEFAULT_ALLOWLIST_PATH,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logger: true,
  });
  console.log(`Scam Guard report service on ${server.url}`);
  console.log(`  reports  POST ${server.url}/v1/reports`);
  console.log(`  health   GET  ${server.url}/v1/health`);
  console.log(`  relay         ${server.url}/v1/relay/  (family alerts)`);
  console.log(
    `  lists    GET  ${server.url}/list/manifest.json  (from ${resolve(env.LIST_DIR || DEFAULT_LIST_DIR)})`,
  );
  // Never print DATABASE_URL: it may hold a password.
  console.log(
    `  database ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : resolve(env.DATABASE_PATH || DEFAULT_DATABASE_PATH)}`,
  );

  const stop = (signal: string) => {
    console.log(`${signal}: shutting down`);
    // A second signal while closing means "now".
    process.once(signal, () => process.exit(1));
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// Run only as `tsx server/main.ts`, not when imported by npm start or tests.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main().catch((error: unknown) => {
    console.error(`Could not start the report service: ${(error as Error).message}`);
    process.exit(1);
  });
}

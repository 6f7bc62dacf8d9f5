import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Report } from '../shared/report';
import { buildServer, type BuildServerOptions } from './app';
import type { RelayStore } from './relay/relay-store';
import { openBackend } from './store/backend';
import type { ReportStore } from './store/report-store';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: ReportStore;
  /** The family-alert relay's store, served under /v1/relay/. */
  relay: RelayStore;
  /** Temporary folder holding the database; removed by close(). */
  dir: string;
  /** The PostgreSQL database, when the server runs on one. */
  databaseUrl?: string;
  /** `dir/public-list`, served under /list/. */
  listDir: string;
  /** The fake clock's current time; advance it with `clock.advance(ms)`. */
  clock: { now: number; advance(ms: number): void };
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A real server on a loopback port with a real SQLite file in a temp folder, or on the
 * PostgreSQL database `databaseUrl` names, for tests. `allowlist` is the allowlist file's
 * text. `clock` lets several instances share one fake clock.
 */
export async function startTestServer(
  options: Omit<
    BuildServerOptions,
    'store' | 'relay' | 'now' | 'allowlistPath' | 'rateLimiters'
  > & {
    allowlist?: string;
    databaseUrl?: string;
    clock?: TestServer['clock'];
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'scam-guard-server-'));
  const { allowlist, databaseUrl, clock: sharedClock, ...rest } = options;
  const listDir = join(dir, 'public-list');
  mkdirSync(listDir);
  let allowlistPath: string | undefined;
  if (allowlist !== undefined) {
    allowlistPath = join(dir, 'allowlist.txt');
    writeFileSync(allowlistPath, allowlist);
  }
  const backend = await openBackend({ databaseUrl, databasePath: join(dir, 'reports.db') });
  const store = backend.reports;
  const clock = sharedClock ?? {
    now: Date.parse('2025-06-01T12:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const app = buildServer({
    listDir,
    ...rest,
    allowlistPath,
    store,
    relay: backend.relay,
    rateLimiters: backend.rateLimiters,
    now: () => clock.now,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    store,
    relay: backend.relay,
    dir,
    ...(databaseUrl ? { databaseUrl } : {}),
    listDir,
    clock,
    post: (body, headers = {}) =>
      fetch(`${url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await app.close();
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid report; override any field. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    kind: 'scam',
    url: 'https://icbc-kefu.top/login',
    category: 'phishing',
    extensionVersion: '0.1.0',
    listVersion: 3,
    installId: randomUUID(),
    createdAt: '2025-06-01T11:59:30.000Z',
    ...overrides,
  };
}

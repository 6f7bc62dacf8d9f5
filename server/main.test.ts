import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from './main';
import { startTestPostgres, type TestPostgres } from './store/test-postgres';
import { createSqliteStore } from './store/sqlite-store';
import { makeReport } from './test-server';

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

function serve(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
  });
  children.push(child);
  return child;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scam-guard-main-'));
});
afterEach(() => {
  // A child that failed to stop must not outlive the test.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('runs in-process on a free loopback port and keeps reports after close', async () => {
    const databasePath = join(dir, 'db', 'reports.db');
    const server = await startServer({ port: 0, databasePath, listDir: dir });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = makeReport();
    const res = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(res.status).toBe(201);
    await Promise.all([server.close(), server.close()]);

    const store = createSqliteStore(databasePath);
    expect((await store.get(report.id))?.url).toBe(report.url);
    await store.close();
  });
});

describe('startServer on PostgreSQL', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startTestPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves the family-alert relay as on SQLite', async () => {
    const server = await startServer({ port: 0, databaseUrl: await cluster.createDatabase() });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const offer = await post('/v1/relay/pairings', { publicKey: 'a'.repeat(43) });
      expect(offer.status).toBe(201);
      const { code } = (await offer.json()) as { code: string };
      const claim = await post('/v1/relay/pairings/claim', { code, publicKey: 'b'.repeat(43) });
      const { channelId } = (await claim.json()) as { channelId: string };
      const path = `/v1/relay/channels/${channelId}/messages`;
      expect((await post(path, { box: 'c'.repeat(64), ttlSeconds: 60 })).status).toBe(201);
      const read = await fetch(`${server.url}${path}`);
      expect(((await read.json()) as { messages: unknown[] }).messages).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('npm run serve', () => {
  it('logs its URLs and shuts down cleanly on SIGTERM, closing the database', async () => {
    const databasePath = join(dir, 'reports.db');
    const child = serve({ PORT: '0', DATABASE_PATH: databasePath, LIST_DIR: dir });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /report service on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${stdout}`)));
    });
    expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ ok: true, reports: 0 });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('SIGTERM: shutting down');
    // The last connection to close checkpoints the WAL and removes it.
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  });

  it('refuses a bad PORT with a clear message', async () => {
    const child = serve({ PORT: 'http', DATABASE_PATH: join(dir, 'r.db') });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535, not "http"');
  });
});

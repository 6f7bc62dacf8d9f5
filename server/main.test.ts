import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from './main';
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

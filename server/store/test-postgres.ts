import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://… of the cluster's `postgres` database. */
  url: string;
  /** A fresh, empty database on the cluster; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the cluster and removes its folder. */
  stop(): Promise<void>;
}

/** Debian puts the server binaries outside PATH; take the newest installed major version. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) {
    throw new Error('PostgreSQL server binaries not found: apt-get install postgresql');
  }
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function uidOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', user]).then((r) => Number(r.stdout.trim())),
    run('id', ['-g', user]).then((r) => Number(r.stdout.trim())),
  ]);
  return { uid, gid };
}

/**
 * A throw-away PostgreSQL cluster for tests and the load test: initdb on a temporary
 * folder, listening on a free loopback port, trust authentication, no fsync (its data is
 * deleted afterwards anyway). PostgreSQL refuses to run as root, so as root (CI) the
 * cluster runs as the `postgres` system user the Debian package creates.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'scam-guard-pg-'));
  const as = async (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args);
  if (asRoot) {
    const { uid, gid } = await uidOf('postgres');
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
    await as('pg_ctl', [
      'start',
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url: `${base}/postgres`,
    async createDatabase() {
      const name = `t_${randomUUID().replaceAll('-', '')}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop() {
      stopped ??= as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w'])
        .then(() => undefined)
        .finally(() => rmSync(dir, { recursive: true, force: true }));
      return stopped;
    },
  };
}

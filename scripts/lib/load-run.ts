import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Report } from '../../shared/report';
import { startTestPostgres } from '../../server/store/test-postgres';

export interface LoadOptions {
  backend: 'sqlite' | 'postgres';
  instances: number;
  clients: number;
  seconds: number;
  /** SIGKILL the first instance this many seconds in. */
  killAt?: number;
  /** An existing PostgreSQL database; otherwise a throw-away cluster is started. */
  databaseUrl?: string;
}

interface Instance {
  url: string;
  child: ChildProcess;
  alive: boolean;
}

function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/load-instance.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\S+)/.exec(seen);
      if (match?.[1]) resolve({ url: match[1], child, alive: true });
    });
    child.once('exit', (code) =>
      reject(new Error(`instance exited with ${code} before listening`)),
    );
  });
}

function report(installId: string, id: string = randomUUID()): Report {
  return {
    id,
    kind: 'scam',
    url: `https://load-${id.slice(0, 8)}.example/pay?ref=${id}`,
    category: 'phishing',
    extensionVersion: '0.1.0',
    listVersion: 1,
    installId,
    createdAt: new Date().toISOString(),
  };
}

const percentile = (sorted: number[], p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2),
  );

/**
 * N clients POST reports (fresh ones, resends of acknowledged ones, and the same new id
 * twice at once) round-robin over the instances for a fixed time. A request that fails on
 * the network is retried with the same id on another instance, as the extension's queue
 * does, until it gets a 2xx. Then every acknowledged id must be stored exactly once.
 */
export async function runLoad(options: LoadOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'scam-guard-load-'));
  const cluster =
    options.backend === 'postgres' && !options.databaseUrl ? await startTestPostgres() : null;
  const databaseUrl = options.databaseUrl ?? (cluster ? await cluster.createDatabase() : '');
  const env: Record<string, string> =
    options.backend === 'postgres'
      ? { DATABASE_URL: databaseUrl, LIST_DIR: dir }
      : { DATABASE_URL: '', DATABASE_PATH: join(dir, 'reports.db'), LIST_DIR: dir };
  const instances: Instance[] = [];
  try {
    // One after the other: the first creates the schema (concurrent starts are tested apart).
    for (let i = 0; i < options.instances; i++) instances.push(await startInstance(env));

    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const accepted = new Map<string, number>(); // id → number of 201 answers
    const acknowledged = new Set<string>(); // any 2xx
    const sent: string[] = [];
    let networkErrors = 0;
    let next = 0;
    const failures: string[] = [];

    async function post(body: Report, giveUpAt: number): Promise<void> {
      while (Date.now() < giveUpAt) {
        const alive = instances.filter((i) => i.alive);
        const target = alive[next++ % alive.length];
        if (!target) break;
        const started = performance.now();
        try {
          const res = await fetch(`${target.url}/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          latencies.push(performance.now() - started);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.ok) acknowledged.add(body.id);
          if (res.status === 201) accepted.set(body.id, (accepted.get(body.id) ?? 0) + 1);
          else if (res.status !== 200) failures.push(`${res.status} ${text}`);
          return;
        } catch {
          networkErrors++;
          if (target.child.exitCode !== null || target.child.signalCode !== null) {
            target.alive = false;
          }
        }
      }
      failures.push(`gave up on ${body.id}`);
    }

    async function client(deadline: number): Promise<void> {
      const installId = randomUUID();
      const giveUpAt = deadline + 15_000;
      while (Date.now() < deadline) {
        const dice = Math.random();
        if (dice < 0.05 && sent.length > 0) {
          const id = sent[Math.floor(Math.random() * sent.length)] ?? randomUUID();
          await post(report(installId, id), giveUpAt);
        } else if (dice < 0.1) {
          const twin = report(installId);
          await Promise.all([post(twin, giveUpAt), post(twin, giveUpAt)]);
          sent.push(twin.id);
        } else {
          const fresh = report(installId);
          await post(fresh, giveUpAt);
          sent.push(fresh.id);
        }
      }
    }

    const started = performance.now();
    const deadline = Date.now() + options.seconds * 1000;
    const kill =
      options.killAt === undefined
        ? undefined
        : setTimeout(() => instances[0]?.child.kill('SIGKILL'), options.killAt * 1000);
    await Promise.all(Array.from({ length: options.clients }, () => client(deadline)));
    clearTimeout(kill);
    const elapsed = (performance.now() - started) / 1000;
    const killed = instances.filter((i) => i.child.signalCode === 'SIGKILL').length;
    for (const instance of instances) instance.child.kill('SIGTERM');

    const rows = await storedRows(options.backend, env);
    const stored = new Set(rows.map((r) => r.id));
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      backend: options.backend,
      instances: options.instances,
      killed,
      clients: options.clients,
      seconds: Number(elapsed.toFixed(2)),
      requests: latencies.length,
      throughputPerSecond: Math.round(latencies.length / elapsed),
      latencyMs: {
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p99: percentile(sorted, 99),
        max: percentile(sorted, 100),
      },
      statuses,
      networkErrors,
      acknowledged: acknowledged.size,
      stored: stored.size,
      lost: [...acknowledged].filter((id) => !stored.has(id)).length,
      // Rows sharing an id, and ids answered 201 twice: both mean a report counted twice.
      duplicated: rows.length - stored.size + [...accepted.values()].filter((n) => n > 1).length,
      storedButNotAcknowledged: [...stored].filter((id) => !acknowledged.has(id)).length,
      errors: failures.length,
      firstErrors: failures.slice(0, 5),
    };
  } finally {
    for (const instance of instances)
      if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function storedRows(backend: string, env: Record<string, string>): Promise<{ id: string }[]> {
  if (backend === 'sqlite') {
    const db = new Database(env.DATABASE_PATH ?? '', { readonly: true });
    try {
      return db.prepare('SELECT id FROM reports').all() as { id: string }[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM reports')).rows;
  } finally {
    await client.end();
  }
}

/**
 * Load test of the report service: `tsx scripts/load-test.ts [--clients 50] [--seconds 20]`.
 * Starts the service in this process on 127.0.0.1 with a temporary SQLite file, lets N
 * clients POST distinct reports (plus deliberate duplicates, some of them racing each
 * other) for a fixed time, then checks the database holds exactly the acknowledged reports.
 * Prints JSON; exits 1 if any report was lost, duplicated or answered with an error.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Report } from '../shared/report';
import { startServer } from '../server/main';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
  },
});
const clients = Math.min(500, Math.max(1, Number(values.clients) || 50));
const seconds = Math.min(120, Math.max(1, Number(values.seconds) || 20));

// Bounded whatever happens: a hung request must not keep the process alive.
setTimeout(
  () => {
    console.error('load test overran its time limit; aborting');
    process.exit(2);
  },
  (seconds + 60) * 1000,
).unref();

const dir = mkdtempSync(join(tmpdir(), 'scam-guard-load-'));
const databasePath = join(dir, 'reports.db');
const unlimited = { max: 1_000_000_000, windowMs: 60_000 };
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  databasePath,
  listDir: dir,
  rateLimits: { perInstall: unlimited, perIp: unlimited },
});

const latencies: number[] = [];
const statuses: Record<number, number> = {};
const acknowledged = new Map<string, number>(); // id → number of 201 answers
const sent: string[] = []; // ids already sent, to resend as duplicates
const failures: string[] = [];

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

async function post(body: Report): Promise<void> {
  const started = performance.now();
  try {
    const res = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    latencies.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === 201) acknowledged.set(body.id, (acknowledged.get(body.id) ?? 0) + 1);
    else if (res.status !== 200) failures.push(`${res.status} ${text}`);
  } catch (error) {
    failures.push(String(error));
  }
}

async function client(deadline: number): Promise<void> {
  const installId = randomUUID();
  while (Date.now() < deadline) {
    const dice = Math.random();
    if (dice < 0.05 && sent.length > 0) {
      // Resend a report already acknowledged, possibly another client's: expect "duplicate".
      const id = sent[Math.floor(Math.random() * sent.length)] ?? randomUUID();
      await post(report(installId, id));
    } else if (dice < 0.1) {
      // The same new id twice at once: exactly one may be accepted.
      const twin = report(installId);
      await Promise.all([post(twin), post(twin)]);
      sent.push(twin.id);
    } else {
      const fresh = report(installId);
      await post(fresh);
      sent.push(fresh.id);
    }
  }
}

const started = performance.now();
const deadline = Date.now() + seconds * 1000;
await Promise.all(Array.from({ length: clients }, () => client(deadline)));
const elapsed = (performance.now() - started) / 1000;
await server.close();

const db = new Database(databasePath, { readonly: true });
const storedIds = new Set(db.prepare('SELECT id FROM reports').pluck().all() as string[]);
db.close();
rmSync(dir, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const percentile = (p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2),
  );
const lost = [...acknowledged.keys()].filter((id) => !storedIds.has(id)).length;
// The primary key makes a second row impossible; a second 201 for one id would be the bug.
const duplicated = [...acknowledged.values()].filter((n) => n > 1).length;
const unacknowledged = [...storedIds].filter((id) => !acknowledged.has(id)).length;

const result = {
  clients,
  seconds: Number(elapsed.toFixed(2)),
  requests: latencies.length,
  throughputPerSecond: Math.round(latencies.length / elapsed),
  latencyMs: {
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    max: percentile(100),
  },
  statuses,
  accepted: acknowledged.size,
  stored: storedIds.size,
  lost,
  duplicated,
  storedButNotAcknowledged: unacknowledged,
  errors: failures.length,
  firstErrors: failures.slice(0, 5),
};
console.log(JSON.stringify(result, null, 2));
process.exitCode = lost || duplicated || unacknowledged || failures.length ? 1 : 0;

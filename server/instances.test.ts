import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from './store/test-postgres';
import { makeReport, startTestServer, type TestServer } from './test-server';

// Several service instances on one real PostgreSQL, as behind a load balancer.
let cluster: TestPostgres;
const servers: TestServer[] = [];

beforeAll(async () => {
  cluster = await startTestPostgres();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await cluster?.stop();
});

async function instances(
  n: number,
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<TestServer[]> {
  const databaseUrl = await cluster.createDatabase();
  // One clock for all, so that the limits' refill does not depend on which one answers.
  const clock = {
    now: Date.parse('2025-06-01T12:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const started = await Promise.all(
    Array.from({ length: n }, () => startTestServer({ ...options, databaseUrl, clock })),
  );
  servers.push(...started);
  return started;
}

describe('two instances on one PostgreSQL', () => {
  it('limit a flood split across both as if one instance took it all', async () => {
    const [a, b] = await instances(2, {
      rateLimits: { perIp: { max: 10_000, windowMs: 60_000 } },
    });
    if (!a || !b) throw new Error('two instances expected');
    const installId = makeReport().installId;
    const statuses: number[] = [];
    // 200 reports from one install, alternating instances, ten in flight at a time.
    for (let i = 0; i < 200; i += 10) {
      const batch = Array.from({ length: 10 }, (_, j) =>
        ((i + j) % 2 ? a : b).post(makeReport({ installId })),
      );
      for (const res of await Promise.all(batch)) {
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    }
    // The per-install limit is 30 a minute: in memory each instance would let 30 through.
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(170);
    expect(await a.store.count()).toBe(30);
  });

  it('limit one address across both instances, before the body is read', async () => {
    const [a, b] = await instances(2, {
      trustProxy: true,
      rateLimits: { perIp: { max: 6, windowMs: 60_000 } },
    });
    if (!a || !b) throw new Error('two instances expected');
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const statuses = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await (i % 2 ? a : b).post(makeReport(), from)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    // Another address is not held back by this one.
    expect((await a.post(makeReport(), { 'x-forwarded-for': '198.51.100.1' })).status).toBe(201);
  });

  it('store the same report id once when it reaches both at the same moment', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two instances expected');
    const reports = Array.from({ length: 20 }, () => makeReport());
    const answers = await Promise.all(reports.flatMap((r) => [a.post(r), b.post(r)]));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(await b.store.count()).toBe(20);
  });
});

const run = promisify(execFile);

async function reviewCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'server/reports-cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: '', ...env },
  });
}

describe.each([
  ['SQLite', async () => [await startTestServer({ trustProxy: true, allowlist: 'gov.cn\n' })]],
  ['PostgreSQL', () => instances(2, { trustProxy: true, allowlist: 'gov.cn\n' })],
])('the review CLI on %s while the service runs', (backend, start) => {
  it('lists reporters by range and install, and approves', async () => {
    const running = await start();
    servers.push(...running.filter((s) => !servers.includes(s)));
    const first = running[0];
    if (!first) throw new Error('no instance');
    const url = 'https://kefu-refund.top/claim';
    // Three installs from two /24 ranges, spread over the instances.
    const sent = ['203.0.113.5', '203.0.113.77', '198.51.100.2'].map((ip, i) => ({
      report: makeReport({ url }),
      ip,
      via: running[i % running.length] ?? first,
    }));
    for (const { report, ip, via } of sent) {
      expect((await via.post(report, { 'x-forwarded-for': ip })).status).toBe(201);
    }
    const env: Record<string, string> =
      backend === 'PostgreSQL'
        ? { DATABASE_URL: String(first.databaseUrl) }
        : { DATABASE_PATH: join(first.dir, 'reports.db') };
    const listed = await reviewCli(env, 'list');
    expect(listed.stdout).toContain('reporters: 2 range(s), 3 install(s)');
    const id = sent[0]?.report.id ?? '';
    const allowlistPath = join(first.dir, 'allowlist.txt');
    const approved = await reviewCli({ ...env, ALLOWLIST_PATH: allowlistPath }, 'approve', id);
    expect(approved.stdout).toContain(`Approved ${id}`);
    // The running service sees the review at once, and keeps taking reports.
    expect((await first.store.get(id))?.status).toBe('approved');
    expect((await first.post(makeReport())).status).toBe(201);
  });
});

describe('TRUST_PROXY=1 (one proxy in front)', () => {
  it('takes the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const server = await startTestServer({
      trustProxy: 1,
      rateLimits: { perIp: { max: 2, windowMs: 60_000 } },
    });
    servers.push(server);
    // The client invents a new leftmost address each time; the proxy appends the real one.
    const statuses = [];
    for (let i = 1; i <= 3; i++) {
      const res = await server.post(makeReport(), {
        'x-forwarded-for': `198.51.100.${i}, 203.0.113.9`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

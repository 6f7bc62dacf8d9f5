import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_LIMITS } from './relay/relay-limits';
import { KEY_A, pair, send } from './relay/relay-test-servers';
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

describe('the relay on two instances of one PostgreSQL', () => {
  it('pairs on one and delivers on the other, in order', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two instances expected');
    const { channelId } = await pair(a);
    const path = `/v1/relay/channels/${channelId}/messages`;
    const posted = [];
    for (let i = 0; i < 6; i++) {
      const reply = await send(i % 2 ? a : b, 'POST', path, {
        box: `box${String(i).padStart(13, '0')}`,
        ttlSeconds: 60,
      });
      posted.push((await reply.json()) as { id: number });
    }
    const read = (await (await send(b, 'GET', path)).json()) as {
      messages: { id: number; box: string }[];
    };
    expect(read.messages.map((m) => m.id)).toEqual(posted.map((p) => p.id));
    expect((await send(b, 'DELETE', `/v1/relay/channels/${channelId}`)).status).toBe(204);
    expect((await send(a, 'GET', path)).status).toBe(404);
  });

  it('give one code to one browser when two claim it on both instances at once', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two instances expected');
    const offer = await send(a, 'POST', '/v1/relay/pairings', { publicKey: KEY_A });
    const { code } = (await offer.json()) as { code: string };
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(i % 2 ? a : b, 'POST', '/v1/relay/pairings/claim', {
          code,
          publicKey: String(i).padStart(43, 'k'),
        }),
      ),
    );
    expect(claims.map((c) => c.status).sort()).toEqual([200, ...Array(7).fill(404)]);
  });

  it('limit a flood on one channel split across both as if one instance took it all', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two instances expected');
    const { channelId } = await pair(a);
    const path = `/v1/relay/channels/${channelId}/messages`;
    const statuses = [];
    for (let i = 0; i < 40; i++) {
      const reply = await send(i % 2 ? a : b, 'POST', path, {
        box: 'c'.repeat(64),
        ttlSeconds: 60,
      });
      statuses.push(reply.status);
    }
    // In memory each instance would let 30 through.
    expect(statuses.filter((s) => s === 201)).toHaveLength(RELAY_LIMITS.rates.perChannel.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - RELAY_LIMITS.rates.perChannel.max);
  });

  it('limit code guesses from one address across both instances', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two instances expected');
    const statuses = [];
    for (let i = 0; i < 2 * RELAY_LIMITS.rates.claimPerIp.max; i++) {
      const reply = await send(i % 2 ? a : b, 'POST', '/v1/relay/pairings/claim', {
        code: String(i).padStart(8, '0'),
        publicKey: KEY_A,
      });
      statuses.push(reply.status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(RELAY_LIMITS.rates.claimPerIp.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(RELAY_LIMITS.rates.claimPerIp.max);
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

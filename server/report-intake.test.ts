import { afterEach, describe, expect, it } from 'vitest';
import { makeReport, startTestServer, type TestServer } from './test-server';

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

describe('POST /v1/reports', () => {
  it('accepts a valid report with 201 and stores it as sent', async () => {
    server = await startTestServer();
    const report = makeReport({ note: 'asked for my bank card PIN' });
    const res = await server.post(report);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: 'accepted' });
    expect(await server.store.get(report.id)).toMatchObject({
      ...report,
      status: 'new',
      allowlisted: false,
      domain: 'icbc-kefu.top',
      receivedAt: '2025-06-01T12:00:00.000Z',
      priority: 1,
    });
  });

  it('answers a repeated id with 200 duplicate and stores it once', async () => {
    server = await startTestServer();
    const report = makeReport();
    expect((await server.post(report)).status).toBe(201);
    const again = await server.post({ ...report, note: 'retry' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(await server.store.count()).toBe(1);
    expect((await server.store.get(report.id))?.note).toBeUndefined();
  });

  it.each([
    ['malformed JSON', '{"id": ', 'malformed-json', undefined],
    ['an empty body', '', 'malformed-json', undefined],
    ['an array', '[]', 'invalid-report', undefined],
    ['a wrong type', { ...makeReport(), listVersion: '3' }, 'invalid-report', 'listVersion'],
    ['a missing field', { ...makeReport(), installId: undefined }, 'invalid-report', 'installId'],
    ['an extra field', { ...makeReport(), cookies: 'sid=1' }, 'invalid-report', 'cookies'],
    ['an unknown kind', makeReport({ kind: 'spam' as 'scam' }), 'invalid-report', 'kind'],
    ['an unknown category', { ...makeReport(), category: 'other' }, 'invalid-report', 'category'],
    ['a non-UUID id', makeReport({ id: '1' }), 'invalid-report', 'id'],
    ['a local time', makeReport({ createdAt: '2025-06-01 12:00' }), 'invalid-report', 'createdAt'],
    ['a 501-char note', makeReport({ note: 'x'.repeat(501) }), 'invalid-report', 'note'],
    ['a javascript: URL', makeReport({ url: 'javascript:alert(1)' }), 'invalid-report', 'url'],
    ['a data: URL', makeReport({ url: 'data:text/html,hi' }), 'invalid-report', 'url'],
    ['a URL with a password', makeReport({ url: 'https://a:b@x.test/' }), 'invalid-report', 'url'],
    [
      'a 10 KB URL',
      makeReport({ url: `https://x.test/${'a'.repeat(10_000)}` }),
      'invalid-report',
      'url',
    ],
  ])('refuses %s with 400 naming the problem', async (_name, body, error, field) => {
    server = await startTestServer();
    const res = await server.post(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; reason: string; field?: string };
    expect(answer.error).toBe(error);
    expect(answer.reason).toEqual(expect.any(String));
    if (field) {
      expect(answer.field).toBe(field);
      expect(answer.reason).toContain(`"${field}"`);
    }
    expect(await server.store.count()).toBe(0);
  });

  it('refuses a 1 MB body with 413 and a JSON reason', async () => {
    server = await startTestServer();
    const res = await server.post(makeReport({ note: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'body-too-large',
      reason: 'request body exceeds 16384 bytes',
    });
  });

  it('refuses anything but JSON with 415', async () => {
    server = await startTestServer();
    const res = await server.post(JSON.stringify(makeReport()), { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported-media-type');
  });

  it('flags reports of allowlisted domains and still stores them', async () => {
    server = await startTestServer({ allowlist: '# banks\nicbc.com.cn\n' });
    const bank = makeReport({ url: 'https://mybank.icbc.com.cn/login' });
    const lookalike = makeReport({ url: 'https://icbc.com.cn.evil.top/' });
    expect((await server.post(bank)).status).toBe(201);
    expect((await server.post(lookalike)).status).toBe(201);
    expect((await server.store.get(bank.id))?.allowlisted).toBe(true);
    expect((await server.store.get(lookalike.id))?.allowlisted).toBe(false);
  });

  it('ranks a URL reported by several installations above one reported once', async () => {
    server = await startTestServer();
    const once = makeReport({ url: 'https://once.test/' });
    await server.post(once);
    const url = 'https://many.test/pay';
    const installId = makeReport().installId;
    for (const id of [installId, installId, makeReport().installId, makeReport().installId]) {
      await server.post(makeReport({ url: `${url}#${id}`, installId: id }));
    }
    const queue = await server.store.list({ status: 'new' });
    expect(queue.map((r) => [r.url.split('#')[0], r.priority])).toEqual([
      [url, 3],
      [url, 3],
      [url, 3],
      [url, 3],
      ['https://once.test/', 1],
    ]);
  });
});

describe('GET /v1/health', () => {
  it('says ok and counts reports', async () => {
    server = await startTestServer();
    await server.post(makeReport());
    const res = await fetch(`${server.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, reports: 1 });
  });
});

describe('rate limits', () => {
  it('lets 30 reports a minute through from one install and answers the rest 429', async () => {
    server = await startTestServer({ rateLimits: { perIp: { max: 10_000, windowMs: 60_000 } } });
    const installId = makeReport().installId;
    const reports = Array.from({ length: 1000 }, () => makeReport({ installId }));
    const statuses: number[] = [];
    // Ten at a time: enough concurrency to race, little enough for a shared CI box.
    for (let i = 0; i < reports.length; i += 10) {
      const batch = reports.slice(i, i + 10);
      const answers = await Promise.all(batch.map((r) => server.post(r)));
      for (const res of answers) {
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        await res.arrayBuffer();
      }
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(970);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(await server.store.count()).toBe(30);
    for (const report of reports.slice(0, 30))
      expect(await server.store.get(report.id)).not.toBeNull();

    // A minute later (on the fake clock) the install may report again.
    server.clock.advance(60_000);
    expect((await server.post(reports[999])).status).toBe(201);
    expect(await server.store.count()).toBe(31);
  });

  it('limits one address across installs and tells how long to wait', async () => {
    server = await startTestServer({
      rateLimits: { perIp: { max: 5, windowMs: 60_000 }, perInstall: { max: 100, windowMs: 1 } },
    });
    for (let i = 0; i < 5; i++) expect((await server.post(makeReport())).status).toBe(201);
    const refused = await server.post(makeReport());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('12');
    expect(await refused.json()).toEqual({
      error: 'rate-limited',
      reason: 'too many reports from this address; retry after 12 s',
    });
  });
});

describe('CORS', () => {
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

  it.each([origin, 'moz-extension://2c127fa4-62c7-7e4f-90e5-472b45eecfdc'])(
    'answers the preflight of %s without credentials',
    async (extensionOrigin) => {
      server = await startTestServer();
      const res = await fetch(`${server.url}/v1/reports`, {
        method: 'OPTIONS',
        headers: {
          origin: extensionOrigin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(extensionOrigin);
      expect(res.headers.get('access-control-allow-methods')).toBe('POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('lets the extension read answers, including Retry-After on errors', async () => {
    server = await startTestServer({ rateLimits: { perInstall: { max: 1, windowMs: 60_000 } } });
    const report = makeReport();
    const ok = await server.post(report, { origin });
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const limited = await server.post(makeReport({ installId: report.installId }), { origin });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('refuses reports sent from a web page', async () => {
    server = await startTestServer();
    const res = await server.post(makeReport(), { origin: 'https://evil.test' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await server.store.count()).toBe(0);
  });
});

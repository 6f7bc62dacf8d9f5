import { renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;

/** Publishes the way build-list does: write beside the target, then rename into place. */
function publish(name: string, content: string | Uint8Array): void {
  const temp = join(server.listDir, `.${name}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, join(server.listDir, name));
}

function get(name: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/list/${name}`, { headers });
}

/** A raw request, so that `..` reaches the server as typed instead of being resolved. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: new URL(server.url).port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

describe('list hosting', () => {
  it('serves the manifest as JSON that must be revalidated', async () => {
    publish('manifest.json', '{"version":1}');
    const res = await get('manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await res.json()).toEqual({ version: 1 });
  });

  it.each(['snapshot-1.sgl', 'delta-1-2.sgl'])('serves %s as immutable bytes', async (name) => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    publish(name, bytes);
    const res = await get(name);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('answers 304 when If-None-Match carries the current ETag', async () => {
    publish('snapshot-1.sgl', 'abc');
    const etag = (await get('snapshot-1.sgl')).headers.get('etag') ?? '';
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('snapshot-1.sgl', { 'if-none-match': header });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await get('snapshot-1.sgl', { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('serves a file replaced on disk fresh, with a new ETag', async () => {
    publish('manifest.json', '{"version":1}');
    const first = await get('manifest.json');
    const etag = first.headers.get('etag') ?? '';
    expect(await first.json()).toEqual({ version: 1 });

    publish('manifest.json', '{"version":2}');
    publish('delta-1-2.sgl', 'delta');
    const second = await get('manifest.json', { 'if-none-match': etag });
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).not.toBe(etag);
    expect(await second.json()).toEqual({ version: 2 });
    expect(await (await get('delta-1-2.sgl')).text()).toBe('delta');
  });

  it('answers 404 in JSON for a missing file', async () => {
    const res = await get('snapshot-9.sgl');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not-found');
  });

  it.each([
    '/list/../package.json',
    '/list/../secret.json',
    '/list/..%2fsecret.json',
    '/list/%2e%2e/secret.json',
    '/list/%2e%2e%2fsecret.json',
    '/list/.hidden.json',
    '/list/sub/../../secret.json',
    '/list/reports.db',
    '/list/',
  ])('refuses %s', async (path) => {
    writeFileSync(join(server.dir, 'secret.json'), '{"secret":true}');
    writeFileSync(join(server.listDir, '.hidden.json'), '{"secret":true}');
    const res = await rawGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret":true');
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePrivateKey } from '../../shared/list/sign-file';
import { parseListManifest } from '../../shared/sync/list-manifest';
import { createSqliteStore } from '../../server/store/sqlite-store';
import type { ReportStore } from '../../server/store/report-store';
import { makeReport, startTestServer } from '../../server/test-server';
import { LOCK_NAME, runPublishPipeline, type PipelineOptions } from './publish-pipeline';
import { syntheticDomains } from './synthetic-domains';

let dir: string;
let out: string;
let store: ReportStore;
let options: PipelineOptions;
const privateKey = generatePrivateKey();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-'));
  out = join(dir, 'out');
  await writeFile(join(dir, 'feed.txt'), 'evil.example\nfake-bank.example\n');
  await writeFile(join(dir, 'allow.txt'), 'bank.example\n');
  store = createSqliteStore(join(dir, 'reports.db'));
  options = {
    sources: [{ category: 'phishing', path: join(dir, 'feed.txt') }],
    reports: store,
    allowlistPath: join(dir, 'allow.txt'),
    privateKey,
    outDir: out,
    createdAt: 1_750_000_000_000,
  };
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const listing = async () => (await readdir(out)).sort();

describe('publish pipeline', () => {
  it('publishes nothing new when run again with no new input', async () => {
    expect(await runPublishPipeline(options)).toMatchObject({ status: 'published', version: 1 });
    const manifest = await readFile(join(out, 'manifest.json'));
    const files = await listing();
    expect(await runPublishPipeline(options)).toEqual({
      status: 'unchanged',
      version: 1,
      entries: 3, // two feed domains and the allowlist entry
    });
    expect(await readFile(join(out, 'manifest.json'))).toEqual(manifest);
    expect(await listing()).toEqual(files);
  });

  it('publishes the next version with a delta once a report is approved', async () => {
    await runPublishPipeline(options);
    const report = makeReport({ url: 'https://kefu-refund.top/claim', category: 'fake-refund' });
    await store.insert(report, { allowlisted: false, receivedAt: 1 });
    expect(await runPublishPipeline(options)).toMatchObject({ status: 'unchanged' });
    await store.setStatus(report.id, 'approved');
    const result = await runPublishPipeline(options);
    expect(result).toMatchObject({ status: 'published', version: 2, entries: 4 });
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.deltas.map((d: { url: string }) => d.url)).toEqual(['delta-1-2.sgl']);
    expect(await listing()).toEqual([
      'delta-1-2.sgl',
      'manifest.json',
      'snapshot-1.sgl',
      'snapshot-2.sgl',
    ]);
  });

  it('skips a run while another holds the lock, and takes over a dead one', async () => {
    const both = await Promise.all([runPublishPipeline(options), runPublishPipeline(options)]);
    expect(both.map((r) => r.status).sort()).toEqual(['locked', 'published']);
    // A lock left by a process that no longer exists does not stop publishing for ever.
    await writeFile(join(out, LOCK_NAME), `999999999 ${hostname()}\n`);
    await writeFile(join(dir, 'feed.txt'), 'evil.example\n');
    expect(await runPublishPipeline(options)).toMatchObject({ status: 'published', version: 2 });
    expect(await listing()).not.toContain(LOCK_NAME);
  });

  it('prunes files no manifest has named for the grace period', async () => {
    const feed = join(dir, 'feed.txt');
    let now = Date.now();
    const run = async (domains: string) => {
      await writeFile(feed, domains);
      return runPublishPipeline({ ...options, keepDeltas: 1, pruneGraceMs: 1000, now: () => now });
    };
    await run('a.example\n');
    await run('a.example\nb.example\n');
    await run('b.example\n');
    // snapshot-1 was retired by version 3 (named by version 2's manifest), so it stays.
    expect(await listing()).toEqual([
      'delta-1-2.sgl',
      'delta-2-3.sgl',
      'manifest.json',
      'snapshot-1.sgl',
      'snapshot-2.sgl',
      'snapshot-3.sgl',
    ]);
    now += 10_000;
    await run('c.example\n');
    expect(await listing()).toEqual([
      'delta-2-3.sgl',
      'delta-3-4.sgl',
      'manifest.json',
      'snapshot-3.sgl',
      'snapshot-4.sgl',
    ]);
  });

  it('never shows a client a half-written manifest or one naming a missing file', async () => {
    const server = await startTestServer();
    try {
      const feed = join(dir, 'feed.txt');
      const domains = syntheticDomains(20_000, 7);
      let publishing = true;
      const seen = new Set<number>();
      const problems: string[] = [];
      // A client polling as fast as it can while versions are published one after another.
      const client = (async () => {
        const manifestUrl = `${server.url}/list/manifest.json`;
        while (publishing) {
          const res = await fetch(manifestUrl);
          if (res.status === 404) {
            await res.arrayBuffer();
            continue; // nothing published yet
          }
          const text = await res.text();
          try {
            const manifest = parseListManifest(JSON.parse(text), manifestUrl);
            seen.add(manifest.version);
            for (const ref of [manifest.snapshot, ...manifest.deltas]) {
              const file = await fetch(ref.url, { method: 'HEAD' });
              if (file.status !== 200) problems.push(`${ref.url}: ${file.status}`);
              const length = Number(file.headers.get('content-length'));
              if (length !== ref.bytes) problems.push(`${ref.url}: ${length} of ${ref.bytes}`);
            }
          } catch (error) {
            problems.push(`manifest: ${(error as Error).message} in ${text.length} bytes`);
          }
        }
      })();
      for (let v = 1; v <= 8; v++) {
        await writeFile(feed, domains.slice(0, 10_000 + v * 500).join('\n'));
        await runPublishPipeline({ ...options, outDir: server.listDir });
      }
      publishing = false;
      await client;
      expect(problems).toEqual([]);
      expect(seen.size).toBeGreaterThan(2);
    } finally {
      await server.close();
    }
  });
});

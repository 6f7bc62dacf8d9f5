import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/main';
import { generatePrivateKey } from '../../shared/list/sign-file';
import { DEFAULT_SYNC_MINUTES } from '../../shared/settings';
import { buildRelease } from '../lib/build-release';
import { syntheticDomains } from '../lib/synthetic-domains';

const log = (message: string) => process.stderr.write(`[sync-cost] ${message}\n`);
// A pipeline run every 5 minutes: what one run adds and removes, by assumption (the feeds'
// real churn is in the delta section; reports add a handful).
const ADDED = 20;
const REMOVED = 5;
const PUBLISH_EVERY_MINUTES = 5;
const CLIENTS = 10_000_000;

// What Chrome sends with a background fetch from an extension worker, near enough.
const REQUEST_HEADERS: Record<string, string> = {
  Host: 'lists.example.org',
  Connection: 'keep-alive',
  'Cache-Control': 'no-cache',
  'User-Agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  Accept: '*/*',
  Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  'Sec-Fetch-Site': 'none',
  'Sec-Fetch-Mode': 'cors',
  'Sec-Fetch-Dest': 'empty',
  'Accept-Encoding': 'gzip, deflate, br, zstd',
  'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8',
};

interface Wire {
  status: number;
  up: number;
  down: number;
  etag: string;
}

/** One GET with its bytes on the wire, both ways (HTTP/1.1, headers included). */
function wireGet(base: string, path: string, extra: Record<string, string> = {}): Promise<Wire> {
  const headers = { ...REQUEST_HEADERS, ...extra };
  const up =
    `GET ${path} HTTP/1.1\r\n`.length +
    Object.entries(headers).reduce((n, [k, v]) => n + `${k}: ${v}\r\n`.length, 0) +
    2;
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let down = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        down += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
      }
      res.on('data', (chunk: Buffer) => (down += chunk.length));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, up, down, etag: String(res.headers.etag) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Bytes and requests a client costs per day at the default sync period, from measured
 * responses of the real list hosting: a 304 for an unchanged manifest, a changed manifest,
 * and a typical 5-minute delta on the real phishing feed.
 */
export async function runSyncCostBench(paths: {
  dataDir: string;
  allowlistPath: string;
}): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'sg-sync-cost-'));
  const server = await startServer({
    port: 0,
    listDir: join(dir, 'list'),
    databasePath: join(dir, 'reports.db'),
  });
  try {
    const feed = (await readFile(join(paths.dataDir, 'blocklistproject-phishing.txt'), 'utf8'))
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    const privateKey = generatePrivateKey();
    const release = async (version: number, lines: string[]) => {
      await writeFile(join(dir, 'feed.txt'), lines.join('\n'));
      return buildRelease({
        sources: [{ category: 'phishing', path: join(dir, 'feed.txt') }],
        allowlistPath: paths.allowlistPath,
        version,
        privateKey,
        outDir: join(dir, 'list'),
        ...(version > 1 ? { previousPath: join(dir, 'list', `snapshot-${version - 1}.sgl`) } : {}),
      });
    };
    const first = await release(1, feed);
    log(`v1: ${first.compile.entries.length} entries, snapshot ${first.snapshotBytes} bytes`);
    const fresh = syntheticDomains(ADDED, 99).map((d) => `0.0.0.0 ${d}`);
    await release(2, [...feed.slice(REMOVED), ...fresh]);
    const manifest = await wireGet(server.url, '/list/manifest.json');
    const notModified = await wireGet(server.url, '/list/manifest.json', {
      'If-None-Match': manifest.etag,
    });
    const delta = await wireGet(server.url, '/list/delta-1-2.sgl');
    if (manifest.status !== 200 || notModified.status !== 304 || delta.status !== 200) {
      throw new Error('unexpected status while measuring sync cost');
    }
    const checksPerDay = (24 * 60) / DEFAULT_SYNC_MINUTES;
    const publishesPerDay = Math.min(checksPerDay, (24 * 60) / PUBLISH_EVERY_MINUTES);
    const quiet = checksPerDay * (notModified.up + notModified.down);
    const busy =
      publishesPerDay * (manifest.up + manifest.down + delta.up + delta.down) +
      (checksPerDay - publishesPerDay) * (notModified.up + notModified.down);
    const requestsBusy = checksPerDay + publishesPerDay;
    log(
      `304 ${notModified.up}+${notModified.down} B, manifest ${manifest.up}+${manifest.down} B, ` +
        `delta (${ADDED} added, ${REMOVED} removed) ${delta.up}+${delta.down} B`,
    );
    return {
      syncPeriodMinutes: DEFAULT_SYNC_MINUTES,
      manifest304Bytes: notModified.up + notModified.down,
      manifest200Bytes: manifest.up + manifest.down,
      typicalDeltaBytes: delta.up + delta.down,
      syncRequestsPerClientDayQuiet: checksPerDay,
      syncBytesPerClientDayQuiet: quiet,
      syncRequestsPerClientDayBusy: requestsBusy,
      syncBytesPerClientDayBusy: busy,
      syncRequestsPerDay10M: requestsBusy * CLIENTS,
      syncGBPerDay10MQuiet: (quiet * CLIENTS) / 1e9,
      syncGBPerDay10MBusy: (busy * CLIENTS) / 1e9,
      syncRequestsPerSecond10M: (requestsBusy * CLIENTS) / 86_400,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

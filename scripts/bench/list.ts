import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllowlist } from '../../shared/allowlist';
import { BlockList } from '../../shared/list/block-list';
import { compileList } from '../../shared/list/compile';
import { encodeList } from '../../shared/list/encode-list';
import { generatePrivateKey, signFile } from '../../shared/list/sign-file';
import { STARTER_FEEDS } from '../lib/compile-starter-snapshot';
import { prng, syntheticDomains } from '../lib/synthetic-domains';

// BENCH_ENTRIES scales the run down for a quick look; the reported figures use 1M.
const TARGET = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const PROBES = TARGET;
const BATCH = 10_000;

export interface BenchPaths {
  dataDir: string;
  allowlistPath: string;
}

const log = (message: string) => process.stderr.write(`[list] ${message}\n`);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Memory figures need a forced full collection: take gc() from --expose-gc if given, else
// switch the flag on at run time (a fresh context then sees the gc global).
const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

/** The list engine against a naive Set<string> of hostnames, on the same 1M entries. */
export async function runListBench(paths: BenchPaths): Promise<Record<string, number>> {
  const real = await Promise.all(
    STARTER_FEEDS.map(async (f) => ({
      name: f.file,
      category: f.category,
      text: await readFile(join(paths.dataDir, f.file), 'utf8'),
    })),
  );
  const allowlist = parseAllowlist(await readFile(paths.allowlistPath, 'utf8'));
  const realCount = compileList({ sources: real, allowlist }).entries.length;
  log(`generating ${TARGET - realCount} synthetic domains next to ${realCount} real entries`);
  const synthetic = syntheticDomains(TARGET - realCount, 1);
  const sources = [
    ...real,
    { name: 'synthetic', category: 'scam' as const, text: synthetic.join('\n') },
  ];

  const buildStart = performance.now();
  const compiled = compileList({ sources, allowlist });
  const payload = await encodeList(compiled.entries, { version: 1, createdAt: Date.now() });
  const file = await signFile(payload, generatePrivateKey());
  const buildMs = performance.now() - buildStart;
  const entries = compiled.entries.length;
  log(`built ${entries} entries in ${buildMs.toFixed(0)} ms, ${file.length} bytes`);

  const loadTimes: number[] = [];
  let list = BlockList.load(payload);
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    list = BlockList.load(payload);
    loadTimes.push(performance.now() - t);
  }

  // The naive extension: a JSON array of hostnames, turned into a Set on every worker start.
  const hosts = compiled.entries
    .filter((e) => e.action === 'block')
    .map((e) => e.expression.slice(0, -1));
  const json = JSON.stringify(hosts);
  // Memory first, on the first parse: later parses of the same JSON come out far smaller in
  // V8 (measured ~21 vs ~85 bytes/entry), which a freshly started worker never sees.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let baseline = new Set(JSON.parse(json) as string[]);
  gc();
  const baselineBytes = process.memoryUsage().heapUsed - heapBefore;
  const baselineLoadTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    baseline = new Set();
    gc();
    const t = performance.now();
    baseline = new Set(JSON.parse(json) as string[]);
    baselineLoadTimes.push(performance.now() - t);
  }
  log(
    `baseline Set: ${(baselineBytes / 1e6).toFixed(1)} MB, load ${median(baselineLoadTimes).toFixed(0)} ms`,
  );

  const allow = new Set(allowlist);
  const listed = (host: string) => suffixes(host).some((h) => baseline.has(h) || allow.has(h));
  const random = prng(7);
  const probes = syntheticDomains(PROBES, 99)
    .map((d, i) => {
      const host = random() < 0.5 ? `www.${d}` : d;
      return i % 3 === 0
        ? `https://${host}/`
        : i % 3 === 1
          ? `https://${host}/account/login.php?id=${i}`
          : `http://${host}/a/b/c.html`;
    })
    .filter((u) => !listed(new URL(u).hostname));
  log(`checking ${probes.length} unlisted URLs`);

  const checkNs: number[] = [];
  const baselineNs: number[] = [];
  let falseVerdicts = 0;
  let filterHits = 0;
  let baselineHits = 0;
  for (let start = 0; start < probes.length; start += BATCH) {
    const batch = probes.slice(start, start + BATCH);
    let t = process.hrtime.bigint();
    for (const url of batch) if (list.matchSync(url) !== null) falseVerdicts++;
    checkNs.push(Number(process.hrtime.bigint() - t) / batch.length);
    t = process.hrtime.bigint();
    for (const url of batch) if (baselineCheck(baseline, url)) baselineHits++;
    baselineNs.push(Number(process.hrtime.bigint() - t) / batch.length);
  }
  for (let i = 0; i < 100_000; i++)
    filterHits += list.candidates([`${probes[i]!.slice(8)}`]).length;
  // Every listed entry must still be found (a false negative is a false verdict too).
  for (const e of compiled.entries) {
    const match = list.matchSync(`https://${e.expression}`);
    if (!match || match.expression !== e.expression || match.action !== e.action) falseVerdicts++;
  }
  log(`false verdicts ${falseVerdicts}, baseline hits on unlisted ${baselineHits}`);

  return {
    entries,
    bitsPerEntry: (list.residentBytes() * 8) / entries,
    fileBitsPerEntry: (file.length * 8) / entries,
    baselineBitsPerEntry: (baselineBytes * 8) / entries,
    checkNsMedian: median(checkNs),
    baselineCheckNsMedian: median(baselineNs),
    loadMs: median(loadTimes),
    baselineLoadMs: median(baselineLoadTimes),
    falseVerdicts,
    filterFalsePositiveRate: filterHits / 100_000,
    buildMs,
  };
}

function suffixes(host: string): string[] {
  const out = [host];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1))
    out.push(host.slice(dot + 1));
  return out;
}

function baselineCheck(set: ReadonlySet<string>, url: string): boolean {
  let host = new URL(url).hostname;
  for (;;) {
    if (set.has(host)) return true;
    const dot = host.indexOf('.');
    if (dot === -1) return false;
    host = host.slice(dot + 1);
  }
}

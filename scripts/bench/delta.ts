import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileList } from '../../shared/list/compile';
import { encodeDelta } from '../../shared/list/encode-delta';
import { encodeList } from '../../shared/list/encode-list';
import { readHeader } from '../../shared/list/format';
import type { ListEntry } from '../../shared/list/list-entry';
import { readEntries } from '../../shared/list/read-entries';
import { generatePrivateKey, publicKeyOf, signFile } from '../../shared/list/sign-file';
import { prng, syntheticDomains } from '../lib/synthetic-domains';

const log = (message: string) => process.stderr.write(`[delta] ${message}\n`);
// BENCH_ENTRIES scales the run down for a quick look; the reported figures use 1M.
const SIZE = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CHURN = 0.01;
const APPLY_RUNS = 7;
const APPLY_ONCE = fileURLToPath(new URL('./delta-apply-once.ts', import.meta.url));
const execFileAsync = promisify(execFile);

/** Bytes on the wire per changed entry (signed files), and the cost of applying a delta at 1M. */
export async function runDeltaBench(paths: { dataDir: string }): Promise<Record<string, number>> {
  const key = generatePrivateKey();
  const sign = (bytes: Uint8Array) => signFile(bytes, key);
  const encode = (entries: ListEntry[], version: number) =>
    encodeList(entries, { version, createdAt: 0 });

  // Real churn: the phishing feed as of 2021-10-23 against today's.
  const compile = async (file: string) =>
    compileList({
      sources: [
        {
          name: 'phishing',
          category: 'phishing',
          text: await readFile(join(paths.dataDir, file), 'utf8'),
        },
      ],
      allowlist: [],
    }).entries;
  const oldReal = readEntries(
    await encode(await compile('blocklistproject-phishing-2021-10-23.txt'), 1),
  );
  const newReal = readEntries(await encode(await compile('blocklistproject-phishing.txt'), 2));
  const real = await encodeDelta(oldReal, newReal, { fromVersion: 1, toVersion: 2, createdAt: 0 });
  const realBytes = (await sign(real.bytes)).length;
  log(`real: ${real.removed} removed, ${real.added} added, ${realBytes} bytes`);

  // Synthetic: 1% churn of 1M entries (half removals, half additions of fresh domains).
  log(`generating ${SIZE} synthetic entries`);
  const domains = syntheticDomains(SIZE + SIZE * CHURN, 3);
  const asEntry = (d: string): ListEntry => ({
    expression: `${d}/`,
    category: 'phishing',
    source: 'synthetic',
    action: 'block',
  });
  const oldBytes = await encode(domains.slice(0, SIZE).map(asEntry), 1);
  const oldEntries = readEntries(oldBytes);
  const random = prng(11);
  const removedSet = new Set<number>();
  while (removedSet.size < SIZE * CHURN) removedSet.add(Math.floor(random() * SIZE));
  const added = domains.slice(SIZE).map(asEntry);
  const kept = oldEntries.filter((_, i) => !removedSet.has(i));
  const newBytes = await encode([...kept, ...added], 2);
  const newEntries = readEntries(newBytes);
  const synthetic = await encodeDelta(oldEntries, newEntries, {
    fromVersion: 1,
    toVersion: 2,
    createdAt: 0,
    checksum: readHeader(newBytes).checksum,
  });
  const signedDelta = await sign(synthetic.bytes);
  const removalsOnly = await encodeDelta(
    oldEntries,
    kept.length === oldEntries.length ? oldEntries : readEntries(await encode(kept, 2)),
    { fromVersion: 1, toVersion: 2, createdAt: 0 },
  );
  const empty = (
    await encodeDelta(oldEntries, oldEntries, { fromVersion: 1, toVersion: 2, createdAt: 0 })
  ).bytes.length;
  log(
    `synthetic: ${synthetic.removed} removed, ${synthetic.added} added, ${signedDelta.length} bytes`,
  );

  // The apply is timed cold, in fresh processes: once per process is what a waking service
  // worker pays. Runs on this shared 2-core machine vary by ±30% over minutes, hence the
  // median, and the baseline — installing the new snapshot instead — alternates with it.
  const dir = await mkdtemp(join(tmpdir(), 'sg-delta-'));
  const times = { delta: [] as number[], snapshot: [] as number[] };
  try {
    await writeFile(join(dir, 'stored.sgl'), oldBytes);
    await writeFile(join(dir, 'delta.sgl'), signedDelta);
    await writeFile(join(dir, 'snapshot.sgl'), await sign(newBytes));
    await writeFile(join(dir, 'public.key'), publicKeyOf(key));
    for (let run = 0; run < APPLY_RUNS; run++) {
      for (const mode of ['delta', 'snapshot'] as const) {
        const { stdout } = await execFileAsync(process.execPath, [
          '--import',
          'tsx',
          APPLY_ONCE,
          dir,
          mode,
        ]);
        times[mode].push((JSON.parse(stdout) as { ms: number }).ms);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  for (const [mode, values] of Object.entries(times))
    log(
      `${mode} at ${SIZE}, cold, ${APPLY_RUNS} processes: ${values.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );

  const removalBytes = removalsOnly.bytes.length - empty;
  return {
    deltaBytesPerChangedEntryReal: realBytes / (real.removed + real.added),
    deltaRealRemoved: real.removed,
    deltaRealAdded: real.added,
    deltaBytesPerChangedEntrySynthetic: signedDelta.length / (synthetic.removed + synthetic.added),
    deltaBytesPerRemoval: removalBytes / removalsOnly.removed,
    deltaBytesPerAddition: (synthetic.bytes.length - removalBytes - empty) / synthetic.added,
    deltaApplyMs: median(times.delta),
    deltaApplyMsMin: Math.min(...times.delta),
    deltaApplyMsMax: Math.max(...times.delta),
    baselineSnapshotInstallMs: median(times.snapshot),
  };
}

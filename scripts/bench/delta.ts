import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyDelta } from '../../shared/list/apply-delta';
import { BlockList } from '../../shared/list/block-list';
import { compileList } from '../../shared/list/compile';
import { encodeDelta } from '../../shared/list/encode-delta';
import { encodeList } from '../../shared/list/encode-list';
import type { ListEntry } from '../../shared/list/list-entry';
import { readEntries } from '../../shared/list/read-entries';
import { generatePrivateKey, publicKeyOf, signFile, verifyFile } from '../../shared/list/sign-file';
import { prng, syntheticDomains } from '../lib/synthetic-domains';

const log = (message: string) => process.stderr.write(`[delta] ${message}\n`);
// BENCH_ENTRIES scales the run down for a quick look; the reported figures use 1M.
const SIZE = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CHURN = 0.01;

/** Bytes on the wire per changed entry (signed files), and the cost of applying a delta at 1M. */
export async function runDeltaBench(paths: { dataDir: string }): Promise<Record<string, number>> {
  const key = generatePrivateKey();
  const sign = (bytes: Uint8Array) => signFile(bytes, key);

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
    encodeList(await compile('blocklistproject-phishing-2021-10-23.txt'), {
      version: 1,
      createdAt: 0,
    }),
  );
  const newReal = readEntries(
    encodeList(await compile('blocklistproject-phishing.txt'), { version: 2, createdAt: 0 }),
  );
  const real = encodeDelta(oldReal, newReal, { fromVersion: 1, toVersion: 2, createdAt: 0 });
  const realBytes = sign(real.bytes).length;
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
  const oldBytes = encodeList(domains.slice(0, SIZE).map(asEntry), { version: 1, createdAt: 0 });
  const oldEntries = readEntries(oldBytes);
  const random = prng(11);
  const removedSet = new Set<number>();
  while (removedSet.size < SIZE * CHURN) removedSet.add(Math.floor(random() * SIZE));
  const added = domains.slice(SIZE).map(asEntry);
  const kept = oldEntries.filter((_, i) => !removedSet.has(i));
  const newEntries = readEntries(encodeList([...kept, ...added], { version: 2, createdAt: 0 }));
  const synthetic = encodeDelta(oldEntries, newEntries, {
    fromVersion: 1,
    toVersion: 2,
    createdAt: 0,
  });
  const signedDelta = sign(synthetic.bytes);
  const removalsOnly = encodeDelta(
    oldEntries,
    kept.length === oldEntries.length
      ? oldEntries
      : readEntries(encodeList(kept, { version: 2, createdAt: 0 })),
    { fromVersion: 1, toVersion: 2, createdAt: 0 },
  );
  const empty = encodeDelta(oldEntries, oldEntries, { fromVersion: 1, toVersion: 2, createdAt: 0 })
    .bytes.length;
  log(
    `synthetic: ${synthetic.removed} removed, ${synthetic.added} added, ${signedDelta.length} bytes`,
  );

  // What the extension does on a delta: verify, decode the stored snapshot, apply, re-encode, load.
  const pub = publicKeyOf(key);
  const start = performance.now();
  const payload = verifyFile(signedDelta, pub);
  const applied = applyDelta(readEntries(oldBytes), payload, 1);
  const next = BlockList.load(
    encodeList(applied.entries, {
      version: applied.version,
      createdAt: applied.createdAt,
      sorted: true,
    }),
  );
  const deltaApplyMs = performance.now() - start;
  if (next.checksum !== applied.checksum)
    throw new Error('re-encoded list does not match the delta checksum');
  log(`apply at 1M: ${deltaApplyMs.toFixed(0)} ms`);

  const removalBytes = removalsOnly.bytes.length - empty;
  return {
    deltaBytesPerChangedEntryReal: realBytes / (real.removed + real.added),
    deltaRealRemoved: real.removed,
    deltaRealAdded: real.added,
    deltaBytesPerChangedEntrySynthetic: signedDelta.length / (synthetic.removed + synthetic.added),
    deltaBytesPerRemoval: removalBytes / removalsOnly.removed,
    deltaBytesPerAddition: (synthetic.bytes.length - removalBytes - empty) / synthetic.added,
    deltaApplyMs,
  };
}

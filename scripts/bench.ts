/**
 * `npm run bench`: progress on stderr, one JSON object as the last stdout line. Sections
 * live in scripts/bench/*; each returns a flat Record<string, number> merged into it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runContentBench } from './bench/content';
import { runDeltaBench } from './bench/delta';
import { runFamilyAlertBench } from './bench/family-alerts';
import { runListBench } from './bench/list';
import { runLookalikeBench } from './bench/lookalike';
import { runNetworkBench } from './bench/network';
import { runSyncCostBench } from './bench/sync-cost';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const paths = {
  dataDir: process.env.SCAM_GUARD_DATA_DIR ?? join(root, '../shared/data/blocklists'),
  allowlistPath: join(root, 'data/allowlist.txt'),
};

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  Object.assign(results, await runListBench(paths));
  Object.assign(results, await runDeltaBench(paths));
  Object.assign(results, await runLookalikeBench());
  Object.assign(results, await runSyncCostBench(paths));
  Object.assign(results, await runNetworkBench());
  Object.assign(results, await runContentBench());
  Object.assign(results, await runFamilyAlertBench());
  const rounded = Object.fromEntries(
    Object.entries(results).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
  );
  console.log(JSON.stringify(rounded));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

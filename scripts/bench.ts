/**
 * `npm run bench`: progress on stderr, one JSON object as the last stdout line. Sections
 * live in scripts/bench/*; each returns a flat Record<string, number> merged into it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runDeltaBench } from './bench/delta';
import { runListBench } from './bench/list';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const paths = {
  dataDir: process.env.SCAM_GUARD_DATA ?? join(root, '../shared/data/blocklists'),
  allowlistPath: join(root, 'data/allowlist.txt'),
};

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  Object.assign(results, await runListBench(paths));
  Object.assign(results, await runDeltaBench(paths));
  const lookalike = join(here, 'bench/lookalike.ts');
  if (existsSync(lookalike)) {
    const mod = (await import(pathToFileURL(lookalike).href)) as {
      runLookalikeBench?: () => Promise<Record<string, number>> | Record<string, number>;
    };
    if (mod.runLookalikeBench) Object.assign(results, await mod.runLookalikeBench());
  }
  const rounded = Object.fromEntries(
    Object.entries(results).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
  );
  console.log(JSON.stringify(rounded));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Writes shared/lookalike/ordinary-word-typos.ts: the English words one typo from each
 * ordinary-word brand name (see scripts/lib/ordinary-word-typos.ts). Run after changing the
 * protected names' ordinary words or upgrading word-list; a unit test fails while the committed
 * file differs from what this would write.
 *
 *   npx tsx scripts/generate-ordinary-word-typos.ts
 */
import { writeFileSync } from 'node:fs';
import { ordinaryWordTyposModule } from './lib/ordinary-word-typos';

writeFileSync(
  new URL('../shared/lookalike/ordinary-word-typos.ts', import.meta.url),
  ordinaryWordTyposModule(),
);

/**
 * Writes shared/lookalike/confusables-table.ts from Unicode's confusables data (see
 * scripts/lib/confusables-table.ts). Run after upgrading unhomoglyph; a unit test fails while
 * the committed file differs from what this would write.
 *
 *   npx tsx scripts/generate-confusables.ts
 */
import { writeFileSync } from 'node:fs';
import { confusablesModule } from './lib/confusables-table';

export const CONFUSABLES_TABLE_PATH = new URL(
  '../shared/lookalike/confusables-table.ts',
  import.meta.url,
);

writeFileSync(CONFUSABLES_TABLE_PATH, confusablesModule());

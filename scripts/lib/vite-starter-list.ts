import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { packEntries, sortEntries } from '../../shared/list';
import { starterRuleset } from '../../shared/network-rules/list-rules';
import { compileStarter } from './compile-starter-snapshot';
import type { SigningKeys } from './signing-keys';

/** Where the bundled feeds come from: SCAM_GUARD_DATA_DIR, else the shared data folder. */
export function starterDataDir(): string {
  return process.env.SCAM_GUARD_DATA_DIR ?? '../shared/data/blocklists';
}

/** The file name of the bundled list inside the extension. */
export const STARTER_LIST_FILE = 'lists/starter.sgl';

/** The same list as a declarativeNetRequest ruleset (named in manifest.json). */
export const STARTER_RULES_FILE = 'rules/starter.json';

/**
 * Compiles the starter list at build time (never in the worker) and bundles it, with the
 * network rules made from it, so the extension protects from its first second, offline.
 * Version 0: any published list is newer.
 */
export function starterList(keys: SigningKeys): Plugin {
  return {
    name: 'scam-guard-starter-list',
    async generateBundle() {
      const dataDir = starterDataDir();
      if (!process.env.SCAM_GUARD_STARTER_LIST && !existsSync(dataDir)) {
        this.error(
          `No blocklists at ${dataDir}. Set SCAM_GUARD_DATA_DIR to the folder of feeds, or ` +
            'SCAM_GUARD_STARTER_LIST to one list file.',
        );
      }
      const { bytes, result } = await compileStarter({
        dataDir,
        allowlistPath: 'data/allowlist.txt',
        version: 0,
        privateKey: keys.privateKey,
      });
      this.emitFile({ type: 'asset', fileName: STARTER_LIST_FILE, source: bytes });
      // From the same compile as the list, so the browser's rules and the background's
      // check can never disagree about what the bundled list holds.
      const { rules, coverage } = starterRuleset(packEntries(sortEntries(result.entries)));
      this.emitFile({ type: 'asset', fileName: STARTER_RULES_FILE, source: JSON.stringify(rules) });
      this.info(
        `starter list: ${result.entries.length} entries, ${bytes.length} bytes; ` +
          `network rules: ${coverage.hosts} hosts, ${coverage.paths} paths, ` +
          `${coverage.unexpressed} left to the background's check`,
      );
    },
  };
}

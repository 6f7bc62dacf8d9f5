import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { compileStarter } from './compile-starter-snapshot';
import type { SigningKeys } from './signing-keys';

/** Where the bundled feeds come from: SCAM_GUARD_DATA_DIR, else the shared data folder. */
export function starterDataDir(): string {
  return process.env.SCAM_GUARD_DATA_DIR ?? '../shared/data/blocklists';
}

/** The file name of the bundled list inside the extension. */
export const STARTER_LIST_FILE = 'lists/starter.sgl';

/**
 * Compiles the starter list at build time (never in the worker) and bundles it, so the
 * extension protects from its first second, offline. Version 0: any published list is newer.
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
      this.info(`starter list: ${result.entries.length} entries, ${bytes.length} bytes`);
    },
  };
}

import { readFile, stat } from 'node:fs/promises';
import { createAllowlist, parseAllowlist, type Allowlist } from '../shared/allowlist';

export const DEFAULT_ALLOWLIST_PATH = 'data/allowlist.txt';

export interface AllowlistSource {
  /** The allowlist as the file stands now; re-read only when the file changed. */
  current(): Promise<Allowlist>;
}

export interface AllowlistSourceOptions {
  /**
   * What to do when the file does not exist. The service flags what it can and keeps taking
   * reports ('empty'); the review CLI must not approve unchecked ('throw').
   */
  whenMissing: 'empty' | 'throw';
  warn?: (message: string) => void;
}

const EMPTY = createAllowlist([]);

/** Reads the allowlist file lazily and follows edits without a restart. */
export function createAllowlistSource(
  path: string | undefined,
  { whenMissing, warn = () => {} }: AllowlistSourceOptions,
): AllowlistSource {
  let loaded: { stamp: string; allowlist: Allowlist } | undefined;
  let warned = false;

  return {
    async current() {
      if (path === undefined) return EMPTY;
      let stamp: string;
      try {
        const info = await stat(path);
        stamp = `${info.mtimeMs}:${info.size}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        if (whenMissing === 'throw') {
          throw new Error(
            `Cannot check the allowlist: ${path} does not exist (set ALLOWLIST_PATH).`,
            {
              cause: error,
            },
          );
        }
        if (!warned) warn(`Allowlist ${path} not found; no report will be flagged as allowlisted.`);
        warned = true;
        return EMPTY;
      }
      if (loaded?.stamp !== stamp) {
        const allowlist = createAllowlist(parseAllowlist(await readFile(path, 'utf8')));
        loaded = { stamp, allowlist };
        warned = false;
      }
      return loaded.allowlist;
    },
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllowlist } from '../../shared/allowlist';
import type { Category } from '../../shared/categories';
import { compileList, type CompileResult } from '../../shared/list/compile';
import { DEFAULT_PROTECTED_NAMES, readProtectedNames } from './protected-names-file';
import { DEFAULT_CONTENT_MODEL, readContentModelFile } from './content-model-file';
import { encodeList } from '../../shared/list/encode-list';
import { signFile } from '../../shared/list/sign-file';
import { readSourceFiles, type SourceFile } from './source-files';

/** The Block List Project feeds bundled with the extension (not the 2021 copy, kept for delta benchmarks). */
export const STARTER_FEEDS: readonly { file: string; category: Category }[] = [
  { file: 'blocklistproject-phishing.txt', category: 'phishing' },
  { file: 'blocklistproject-scam.txt', category: 'scam' },
  { file: 'blocklistproject-crypto.txt', category: 'scam' },
  { file: 'blocklistproject-ransomware.txt', category: 'malware' },
];

export interface StarterOptions {
  dataDir: string;
  allowlistPath: string;
  extraSources?: readonly SourceFile[];
  version: number;
  privateKey: Uint8Array;
  createdAt?: number;
  /** Defaults to env SCAM_GUARD_STARTER_LIST: one file (any accepted format) replaces the bundled feeds. */
  starterList?: string;
  /** Curated look-alike targets shipped as metadata; defaults to the repository's data file. */
  protectedNamesPath?: string;
  /** The trained page model shipped as metadata; defaults to data/content-model.json. */
  contentModelPath?: string;
}

/**
 * The reproducible-builds convention (https://reproducible-builds.org/specs/source-date-epoch/):
 * a packaged build dates its starter list by the commit, so rebuilding it gives the same bytes.
 */
function sourceDateEpoch(): number | undefined {
  const seconds = Number(process.env.SOURCE_DATE_EPOCH);
  return process.env.SOURCE_DATE_EPOCH && Number.isInteger(seconds) ? seconds * 1000 : undefined;
}

/** Compiles and signs the list the extension ships with, so it protects before its first sync. */
export async function compileStarterSnapshot(options: StarterOptions): Promise<Uint8Array> {
  return (await compileStarter(options)).bytes;
}

export async function compileStarter(
  options: StarterOptions,
): Promise<{ bytes: Uint8Array; result: CompileResult }> {
  const override = options.starterList ?? process.env.SCAM_GUARD_STARTER_LIST;
  const feeds: SourceFile[] = override
    ? [{ path: override, category: 'phishing' }]
    : STARTER_FEEDS.map((f) => ({ path: join(options.dataDir, f.file), category: f.category }));
  const sources = await readSourceFiles([...feeds, ...(options.extraSources ?? [])]);
  const allowlist = parseAllowlist(await readFile(options.allowlistPath, 'utf8'));
  const result = compileList({ sources, allowlist });
  const payload = await encodeList(result.entries, {
    version: options.version,
    createdAt: options.createdAt ?? sourceDateEpoch() ?? Date.now(),
    metadata: {
      protectedNames: await readProtectedNames(
        options.protectedNamesPath ?? DEFAULT_PROTECTED_NAMES,
      ),
      contentModel: await readContentModelFile(options.contentModelPath ?? DEFAULT_CONTENT_MODEL),
    },
  });
  return { bytes: await signFile(payload, options.privateKey), result };
}

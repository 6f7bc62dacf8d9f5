import { readFile } from 'node:fs/promises';
import { parseAllowlist } from '../../shared/allowlist';
import { compileList, type CompileResult } from '../../shared/list/compile';
import { DEFAULT_PROTECTED_NAMES, readProtectedNames } from './protected-names-file';
import { DEFAULT_CONTENT_MODEL, readContentModelFile } from './content-model-file';
import { encodeDelta } from '../../shared/list/encode-delta';
import { encodeList } from '../../shared/list/encode-list';
import { BlockList } from '../../shared/list/block-list';
import { readEntries } from '../../shared/list/read-entries';
import { publicKeyOf, signFile, verifyFile } from '../../shared/list/sign-file';
import { assertNewer } from '../../shared/list/assert-newer';
import { readSourceFiles, type SourceFile } from './source-files';
import { writeRelease, type ListManifest } from './write-release';

/**
 * The floor the manifest asks clients to keep between checks. Below the default sync
 * period (shared/settings.ts) on purpose: a higher floor would make every other alarm a
 * no-op and double the time from publish to protection.
 */
export const DEFAULT_MINIMUM_WAIT_SECONDS = 60;

export interface BuildOptions {
  sources: readonly SourceFile[];
  allowlistPath: string;
  version: number;
  privateKey: Uint8Array;
  outDir: string;
  previousPath?: string;
  createdAt?: number;
  minimumWaitSeconds?: number;
  /** See writeRelease. */
  keepDeltas?: number;
  pruneGraceMs?: number;
  /** The clock pruning compares file times with; tests pass their own. */
  now?: () => number;
  /** Curated look-alike targets shipped as metadata; defaults to the repository's data file. */
  protectedNamesPath?: string;
  /** The trained page model shipped as metadata; defaults to data/content-model.json. */
  contentModelPath?: string;
}

export interface BuildReport {
  manifest: ListManifest;
  compile: CompileResult;
  snapshotBytes: number;
  delta?: { bytes: number; removed: number; added: number };
  ms: number;
}

/** Compiles the feeds, signs a snapshot (and a delta from the previous one) and writes the release. */
export async function buildRelease(options: BuildOptions): Promise<BuildReport> {
  const report = await build(options);
  if (!('manifest' in report)) throw new Error('unreachable: no checksum to compare with');
  return report;
}

export interface Unchanged {
  compile: CompileResult;
  checksum: string;
}

/**
 * As buildRelease, but writes nothing and returns Unchanged when the compiled entries have
 * `checksum`: a pipeline run with no new input publishes no new version.
 */
export async function buildReleaseIfChanged(
  options: BuildOptions,
  checksum: string | undefined,
): Promise<BuildReport | Unchanged> {
  return build(options, checksum);
}

async function build(options: BuildOptions, unless?: string): Promise<BuildReport | Unchanged> {
  const started = performance.now();
  const createdAt = options.createdAt ?? Date.now();
  const allowlist = parseAllowlist(await readFile(options.allowlistPath, 'utf8'));
  const compile = compileList({ sources: await readSourceFiles(options.sources), allowlist });
  const metadata = {
    protectedNames: await readProtectedNames(options.protectedNamesPath ?? DEFAULT_PROTECTED_NAMES),
    contentModel: await readContentModelFile(options.contentModelPath ?? DEFAULT_CONTENT_MODEL),
  };
  const payload = await encodeList(compile.entries, {
    version: options.version,
    createdAt,
    metadata,
  });
  const list = BlockList.load(payload);
  if (unless !== undefined && list.checksum === unless) return { compile, checksum: unless };
  const snapshot = await signFile(payload, options.privateKey);

  let delta: BuildReport['delta'];
  let deltaFile: { from: number; bytes: Uint8Array } | undefined;
  if (options.previousPath) {
    // The previous snapshot must carry our own signature: a delta from a foreign list is useless.
    const previous = await verifyFile(
      new Uint8Array(await readFile(options.previousPath)),
      publicKeyOf(options.privateKey),
    );
    const from = BlockList.load(previous).version;
    assertNewer(from, options.version);
    const encoded = await encodeDelta(readEntries(previous), readEntries(payload), {
      fromVersion: from,
      toVersion: options.version,
      createdAt,
      metadata,
      checksum: list.checksum,
    });
    deltaFile = { from, bytes: await signFile(encoded.bytes, options.privateKey) };
    delta = { bytes: deltaFile.bytes.length, removed: encoded.removed, added: encoded.added };
  }
  const manifest = await writeRelease({
    outDir: options.outDir,
    version: options.version,
    createdAt,
    checksum: list.checksum,
    snapshot,
    ...(deltaFile ? { delta: deltaFile } : {}),
    minimumWaitSeconds: options.minimumWaitSeconds ?? DEFAULT_MINIMUM_WAIT_SECONDS,
    ...(options.keepDeltas === undefined ? {} : { keepDeltas: options.keepDeltas }),
    ...(options.pruneGraceMs === undefined ? {} : { pruneGraceMs: options.pruneGraceMs }),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    manifest,
    compile,
    snapshotBytes: snapshot.length,
    ...(delta ? { delta } : {}),
    ms: performance.now() - started,
  };
}

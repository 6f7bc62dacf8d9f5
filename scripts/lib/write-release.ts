import { createHash, randomUUID } from 'node:crypto';
import {
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises';
import { join } from 'node:path';

export interface DeltaRef {
  from: number;
  to: number;
  url: string;
  bytes: number;
  sha256: string;
}

/** The file clients poll: the newest snapshot plus the chain of deltas that leads to it. */
export interface ListManifest {
  version: number;
  createdAt: number;
  /** SHA-256 of the canonical entry list (what a client recomputes after applying deltas). */
  checksum: string;
  snapshot: { url: string; bytes: number; sha256: string };
  deltas: DeltaRef[];
  minimumWaitSeconds: number;
}

export interface ReleaseFiles {
  outDir: string;
  version: number;
  createdAt: number;
  checksum: string;
  /** Signed snapshot bytes. */
  snapshot: Uint8Array;
  /** Signed delta from `from` to `version`. */
  delta?: { from: number; bytes: Uint8Array };
  minimumWaitSeconds: number;
  /** How many deltas to keep listed so clients a few versions behind can chain them. */
  keepDeltas?: number;
  /**
   * A file no manifest names any more is deleted once it has been unnamed this long, so a
   * client that read the previous manifest a moment ago can still fetch what it names.
   */
  pruneGraceMs?: number;
  now?: () => number;
}

export const MANIFEST_NAME = 'manifest.json';
export const DEFAULT_PRUNE_GRACE_MS = 15 * 60_000;
const VERSIONED = /^(snapshot-\d+|delta-\d+-\d+)\.sgl$/;
// Temporary names start with a dot: list hosting never serves them, and most upload tools
// (rsync --exclude='.*', CDN sync) can skip them.
const TEMPORARY = /^\..+\.tmp$/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes `bytes` beside `path`, flushes them, and returns the temporary name. */
async function writeTemporary(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/**
 * Publishes an immutable file: complete or absent, never half-written, and never replaced —
 * link() fails if the name exists, so one version cannot be published twice.
 */
async function publishImmutable(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemporary(dir, name, bytes);
  try {
    await link(temp, join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${name} is already published; a version is never published twice`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await unlink(temp);
  }
}

/** Replaces `name` in one rename: a reader sees the old file or the new one, whole. */
async function replaceAtomically(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemporary(dir, name, bytes);
  await rename(temp, join(dir, name));
}

/**
 * Writes snapshot-<v>.sgl and delta-<from>-<v>.sgl, then — last, so that it never names a
 * file that is not there yet — manifest.json, keeping earlier deltas listed; then prunes.
 */
export async function writeRelease(files: ReleaseFiles): Promise<ListManifest> {
  const dir = files.outDir;
  await mkdir(dir, { recursive: true });
  const previous = await readManifest(dir);
  const snapshotName = `snapshot-${files.version}.sgl`;
  await publishImmutable(dir, snapshotName, files.snapshot);
  const deltas: DeltaRef[] = [];
  for (const d of previous?.deltas ?? []) {
    if (d.to < files.version && (await exists(join(dir, d.url)))) deltas.push(d);
  }
  if (files.delta) {
    const url = `delta-${files.delta.from}-${files.version}.sgl`;
    await publishImmutable(dir, url, files.delta.bytes);
    deltas.push({
      from: files.delta.from,
      to: files.version,
      url,
      bytes: files.delta.bytes.length,
      sha256: sha256(files.delta.bytes),
    });
  }
  deltas.sort((a, b) => a.from - b.from);
  const manifest: ListManifest = {
    version: files.version,
    createdAt: files.createdAt,
    checksum: files.checksum,
    snapshot: { url: snapshotName, bytes: files.snapshot.length, sha256: sha256(files.snapshot) },
    deltas: deltas.slice(-(files.keepDeltas ?? 50)),
    minimumWaitSeconds: files.minimumWaitSeconds,
  };
  const text = JSON.stringify(manifest, null, 2) + '\n';
  await replaceAtomically(dir, MANIFEST_NAME, new TextEncoder().encode(text));
  await prune(dir, manifest, previous, files.pruneGraceMs ?? DEFAULT_PRUNE_GRACE_MS, files.now);
  return manifest;
}

const named = (m: ListManifest | null) =>
  new Set(m ? [m.snapshot.url, ...m.deltas.map((d) => d.url)] : []);

/**
 * Deletes versioned files the new manifest does not name once they have been unnamed for
 * `graceMs`. A file the previous manifest named but this one does not is retired now: its
 * mtime is set to now, and the grace runs from there. Leftovers of a crashed publish
 * (temporary files) go after the same grace.
 */
async function prune(
  dir: string,
  manifest: ListManifest,
  previous: ListManifest | null,
  graceMs: number,
  now: () => number = Date.now,
): Promise<void> {
  const keep = named(manifest);
  const retiring = named(previous);
  const t = now();
  for (const name of await readdir(dir)) {
    if (keep.has(name) || !(VERSIONED.test(name) || TEMPORARY.test(name))) continue;
    const path = join(dir, name);
    if (retiring.has(name)) {
      await utimes(path, t / 1000, t / 1000);
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info && t - info.mtimeMs > graceMs) await unlink(path).catch(() => undefined);
  }
}

/** The manifest currently published in `dir`, or null when none is. A damaged one throws. */
export async function readManifest(dir: string): Promise<ListManifest | null> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as ListManifest;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

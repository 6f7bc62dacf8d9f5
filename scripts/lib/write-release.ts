import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
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
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes snapshot-<v>.sgl, delta-<from>-<v>.sgl and manifest.json, keeping earlier deltas listed. */
export async function writeRelease(files: ReleaseFiles): Promise<ListManifest> {
  await mkdir(files.outDir, { recursive: true });
  const snapshotName = `snapshot-${files.version}.sgl`;
  await writeFile(join(files.outDir, snapshotName), files.snapshot);
  const previous = await readManifest(join(files.outDir, 'manifest.json'));
  const deltas: DeltaRef[] = [];
  for (const d of previous?.deltas ?? []) {
    if (d.to < files.version && (await exists(join(files.outDir, d.url)))) deltas.push(d);
  }
  if (files.delta) {
    const url = `delta-${files.delta.from}-${files.version}.sgl`;
    await writeFile(join(files.outDir, url), files.delta.bytes);
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
  await writeFile(join(files.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function readManifest(path: string): Promise<ListManifest | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ListManifest;
  } catch {
    return null;
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

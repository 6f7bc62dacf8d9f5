import type { DeltaRef, FileRef, ListManifest } from './list-manifest';

export type UpdatePlan =
  | { kind: 'current' }
  | { kind: 'older'; published: number }
  | { kind: 'deltas'; steps: DeltaRef[]; bytes: number }
  | { kind: 'snapshot'; file: FileRef; bytes: number };

/**
 * What to download to go from `installed` to the published version: the chain of deltas
 * when there is one and it is smaller than the snapshot, else the snapshot. `installed`
 * null (no list) or `forceSnapshot` (a delta just failed its checksum) always takes the
 * snapshot, so a bad delta costs one full download, never a loop.
 */
export function planUpdate(
  manifest: ListManifest,
  installed: number | null,
  forceSnapshot = false,
): UpdatePlan {
  if (installed !== null && manifest.version === installed) return { kind: 'current' };
  if (installed !== null && manifest.version < installed) {
    return { kind: 'older', published: manifest.version };
  }
  const snapshot = {
    kind: 'snapshot',
    file: manifest.snapshot,
    bytes: manifest.snapshot.bytes,
  } as const;
  if (installed === null || forceSnapshot) return snapshot;

  const byFrom = new Map(manifest.deltas.map((d) => [d.from, d]));
  const steps: DeltaRef[] = [];
  let bytes = 0;
  for (let at = installed; at !== manifest.version;) {
    const step = byFrom.get(at);
    if (!step || step.to > manifest.version) return snapshot;
    steps.push(step);
    bytes += step.bytes;
    at = step.to;
  }
  return bytes < snapshot.bytes ? { kind: 'deltas', steps, bytes } : snapshot;
}

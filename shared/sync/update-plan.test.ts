import { describe, expect, it } from 'vitest';
import { parseListManifest, ManifestError, type ListManifest } from './list-manifest';
import { planUpdate } from './update-plan';

const hex = (c: string) => c.repeat(64);
const raw = {
  version: 4,
  createdAt: 1_700_000_000_000,
  checksum: hex('a'),
  snapshot: { url: 'snapshot-4.sgl', bytes: 1000, sha256: hex('b') },
  deltas: [
    { from: 1, to: 2, url: 'delta-1-2.sgl', bytes: 100, sha256: hex('c') },
    { from: 2, to: 3, url: 'delta-2-3.sgl', bytes: 100, sha256: hex('d') },
    { from: 3, to: 4, url: 'delta-3-4.sgl', bytes: 900, sha256: hex('e') },
  ],
  minimumWaitSeconds: 60,
};
const manifest: ListManifest = parseListManifest(raw, 'http://lists.test/list/manifest.json');

describe('list manifest', () => {
  it('resolves file URLs against the manifest URL', () => {
    expect(manifest.snapshot.url).toBe('http://lists.test/list/snapshot-4.sgl');
    expect(manifest.deltas[0]!.url).toBe('http://lists.test/list/delta-1-2.sgl');
  });

  it.each([
    ['not an object', []],
    ['a negative version', { ...raw, version: -1 }],
    ['a short checksum', { ...raw, checksum: 'abc' }],
    ['a snapshot without bytes', { ...raw, snapshot: { url: 'x', sha256: hex('b') } }],
    [
      'a snapshot too big to hold',
      { ...raw, snapshot: { url: 'x', bytes: 2 ** 40, sha256: hex('b') } },
    ],
    ['a delta that goes backwards', { ...raw, deltas: [{ ...raw.deltas[0], from: 3, to: 2 }] }],
  ])('refuses %s', (_what, value) => {
    expect(() => parseListManifest(value, 'http://lists.test/m.json')).toThrow(ManifestError);
  });
});

describe('planUpdate', () => {
  it('does nothing when the installed list is current', () => {
    expect(planUpdate(manifest, 4)).toEqual({ kind: 'current' });
  });

  it('refuses a published version older than the installed one', () => {
    expect(planUpdate(manifest, 5)).toEqual({ kind: 'older', published: 4 });
  });

  it('chains deltas when they are smaller than the snapshot', () => {
    const plan = planUpdate(manifest, 3);
    expect(plan).toMatchObject({ kind: 'deltas', bytes: 900 });
  });

  it('takes the snapshot when the chain costs more', () => {
    expect(planUpdate(manifest, 1)).toMatchObject({ kind: 'snapshot', bytes: 1000 });
  });

  it('takes the snapshot when no chain reaches the installed version', () => {
    expect(planUpdate(manifest, 0)).toMatchObject({ kind: 'snapshot' });
  });

  it('takes the snapshot after a delta failed its checksum, even if deltas are cheaper', () => {
    expect(planUpdate(manifest, 3, true)).toMatchObject({ kind: 'snapshot' });
  });

  it('takes the snapshot with no list installed', () => {
    expect(planUpdate(manifest, null)).toMatchObject({ kind: 'snapshot' });
  });
});

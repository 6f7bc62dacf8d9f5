import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { applyDelta, parseDelta } from './apply-delta';
import { assertNewer } from './assert-newer';
import { encodeDelta, type DeltaInfo } from './encode-delta';
import { encodeList, encodePacked, sealSnapshot } from './encode-list';
import { DeltaError } from './errors';
import { readHeader } from './format';
import { sortEntries, type ListEntry } from './list-entry';
import { mergePacked } from './merge-packed';
import { mergeSnapshot } from './merge-snapshot';
import { readEntries } from './read-entries';
import { readPacked } from './read-packed';
import { entry, syntheticEntries } from './test-entries';

const oldEntries = sortEntries([
  ...syntheticEntries(2000),
  entry('moved.example/', { category: 'scam' }),
]);
const newEntries = sortEntries([
  ...oldEntries.filter((_, i) => i % 50 !== 0 && _.expression !== 'moved.example/'),
  ...syntheticEntries(40, 'added'),
  entry('moved.example/', { category: 'gambling' }),
]);
const info: DeltaInfo = {
  fromVersion: 4,
  toVersion: 5,
  createdAt: 123,
  metadata: { protectedNames: ['a'] },
};
const old = await encodeList(oldEntries, { version: 4, createdAt: 0 });
const delta = await encodeDelta(oldEntries, newEntries, info);
const publish = (entries: readonly ListEntry[], { toVersion, createdAt, metadata }: DeltaInfo) =>
  encodeList(entries, { version: toVersion, createdAt, ...(metadata ? { metadata } : {}) });
const fail = (message: string) => new DeltaError(message);

/** The fast path's result, sealed, or null where it does not apply. */
async function fastPath(before: Uint8Array, step: Uint8Array): Promise<Uint8Array | null> {
  const out = mergeSnapshot(before, readHeader(before), parseDelta(step), fail);
  if (out) await sealSnapshot(out);
  return out;
}

/** The general path's result. */
function generalPath(before: Uint8Array, step: Uint8Array): Promise<Uint8Array> {
  const d = parseDelta(step);
  const list = mergePacked(
    readPacked(before),
    d.removals,
    d.additions,
    d.categories,
    d.sources,
    fail,
  );
  return encodePacked(list, { version: d.version, createdAt: d.createdAt, metadata: d.metadata });
}

describe('deltas', () => {
  it('turn version N into N+1, byte for byte the snapshot the publisher writes', async () => {
    const applied = await applyDelta(old, delta.bytes, 4);
    expect(applied.version).toBe(5);
    expect(applied.snapshot).toEqual(await publish(newEntries, info));
    expect(readEntries(applied.snapshot)).toEqual(newEntries);
    expect(readHeader(applied.snapshot).checksum).toBe(applied.checksum);
  });

  it('leave the stored snapshot, which the active list still reads, untouched', async () => {
    const before = old.slice();
    await applyDelta(old, delta.bytes, 4);
    expect(old).toEqual(before);
  });

  it.each([
    ['only additions', 0, 45],
    ['only removals', 7, 0],
    ['balanced churn', 20, 40],
    ['one addition', 0, 1],
    ['the first and the last entry removed', -1, 0],
  ])('take the fast path with the general path’s result: %s', async (_, removeEvery, added) => {
    const last = oldEntries.length - 1;
    const kept = oldEntries.filter((_, i) =>
      removeEvery === -1 ? i !== 0 && i !== last : removeEvery === 0 || i % removeEvery !== 0,
    );
    const next = sortEntries([...kept, ...syntheticEntries(added, 'fresh')]);
    const step = (await encodeDelta(oldEntries, next, info)).bytes;
    const expected = await publish(next, info);
    expect(await fastPath(old, step)).toEqual(expected);
    expect(await generalPath(old, step)).toEqual(expected);
  });

  const feed0 = oldEntries.filter((e) => e.source === 'feed-0');
  it.each([
    ['a source appears', [entry('d.example/', { source: 'a-new-feed' })], [] as ListEntry[]],
    ['a source disappears', [], feed0],
    ['the list grows into more pages', syntheticEntries(300, 'grown'), []],
  ])('take the general path where the fast one cannot: %s', async (_, added, removed) => {
    const next = sortEntries([...oldEntries.filter((e) => !removed.includes(e)), ...added]);
    const step = (await encodeDelta(oldEntries, next, info)).bytes;
    expect(await fastPath(old, step)).toBeNull();
    const applied = await applyDelta(old, step, 4);
    expect(applied.snapshot).toEqual(await publish(next, info));
  });

  it('match the publisher’s snapshot for any churn, by the fast path or the general one', async () => {
    const base = oldEntries.slice(0, 300);
    const stored = await encodeList(base, { version: 4, createdAt: 0 });
    const pool = syntheticEntries(60, 'pool').map((e, i) =>
      i % 9 === 0 ? { ...e, category: 'scam' as const, action: 'allow' as const } : e,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }),
        fc.subarray(pool),
        async (keep, added) => {
          const next = sortEntries([...base.filter((_, i) => keep[i]), ...added]);
          const step = (await encodeDelta(base, next, info)).bytes;
          const applied = await applyDelta(stored, step, 4);
          expect(applied.snapshot).toEqual(await publish(next, info));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renumber kept entries when a source disappears or a new one sorts first', async () => {
    const before = sortEntries([
      entry('a.example/', { source: 'b-feed' }),
      entry('b.example/', { source: 'c-feed' }),
      entry('c.example/', { source: 'c-feed', action: 'allow', category: 'scam' }),
    ]);
    const after = sortEntries([
      entry('b.example/', { source: 'c-feed' }),
      entry('c.example/', { source: 'c-feed', action: 'allow', category: 'scam' }),
      entry('d.example/', { source: 'a-feed' }),
    ]);
    const stepInfo = { fromVersion: 1, toVersion: 2, createdAt: 0 };
    const step = await encodeDelta(before, after, stepInfo);
    const applied = await applyDelta(
      await publish(before, { ...stepInfo, toVersion: 1 }),
      step.bytes,
      1,
    );
    expect(applied.snapshot).toEqual(await publish(after, stepInfo));
    expect(readHeader(applied.snapshot).sources).toEqual(['a-feed', 'c-feed']);
    expect(readHeader(applied.snapshot).allowCount).toBe(1);
  });

  it('refuse an addition that is already in the list', async () => {
    const extra = entry('extra.example/');
    const step = await encodeDelta(oldEntries, sortEntries([...oldEntries, extra]), info);
    // One entry fewer, so that the counts agree and the merge itself meets the repeat.
    const withExtra = await encodeList([...oldEntries.slice(1), extra], {
      version: 4,
      createdAt: 0,
    });
    await expect(applyDelta(withExtra, step.bytes, 4)).rejects.toThrow(/already in the list/);
  });

  it('code a changed category as a removal plus an addition', () => {
    expect(delta.removed).toBe(Math.ceil(2001 / 50) + 1);
    expect(delta.added).toBe(41);
  });

  it('cost a few bytes per changed entry', () => {
    expect(delta.bytes.length / (delta.removed + delta.added)).toBeLessThan(12);
  });

  it('refuse a delta for another from-version', async () => {
    await expect(applyDelta(old, delta.bytes, 3)).rejects.toThrow(/goes from version 4/);
  });

  it.each([
    ['a category', { category: 'gambling' as const }],
    ['an action', { action: 'allow' as const }],
  ])('refuse a result whose checksum differs from the declared one (%s)', async (_, change) => {
    const tampered = oldEntries.map((e, i) => (i === 7 ? { ...e, ...change } : e));
    const stored = await encodeList(tampered, { version: 4, createdAt: 0 });
    await expect(applyDelta(stored, delta.bytes, 4)).rejects.toThrow(/Checksum mismatch/);
  });

  it('refuse, as a delta error, a stored list whose source table differs', async () => {
    const tampered = oldEntries.map((e, i) => (i === 7 ? { ...e, source: 'other' } : e));
    const stored = await encodeList(tampered, { version: 4, createdAt: 0 });
    await expect(applyDelta(stored, delta.bytes, 4)).rejects.toThrow(DeltaError);
  });

  it('refuse a declared checksum that was altered', async () => {
    const raw = inflateSync(delta.bytes);
    raw[8 + 4 + 4 + 8]! ^= 1;
    await expect(applyDelta(old, deflateSync(raw), 4)).rejects.toThrow(/Checksum mismatch/);
  });

  it('refuse a damaged stored list with a delta error, so that a snapshot replaces it', async () => {
    await expect(applyDelta(old.subarray(0, old.length - 9), delta.bytes, 4)).rejects.toThrow(
      DeltaError,
    );
    const scrambled = old.slice();
    const pages = readHeader(old).sections[5]!;
    scrambled.fill(0xff, pages.offset + 100, pages.offset + 400);
    await expect(applyDelta(scrambled, delta.bytes, 4)).rejects.toThrow(DeltaError);
  });

  it('rebuild front-coded additions that share long prefixes', async () => {
    const long = Array.from({ length: 30 }, (_, i) =>
      entry(`deep.example/${'segment/'.repeat(30)}${i}`, { source: 'feed-1' }),
    );
    const next = sortEntries([...oldEntries, ...long]);
    const parsed = parseDelta((await encodeDelta(oldEntries, next, info)).bytes);
    expect(parsed.additions.map((a) => a.expression).sort()).toEqual(
      long.map((e) => e.expression).sort(),
    );
    expect(readEntries((await applyDelta(old, parsed, 4)).snapshot)).toEqual(next);
  });

  it('apply an empty delta', async () => {
    const same = await encodeDelta(oldEntries, oldEntries, info);
    expect((await applyDelta(old, same.bytes, 4)).snapshot).toEqual(
      await publish(oldEntries, info),
    );
  });
});

describe('assertNewer', () => {
  it('refuses a version not newer than the installed one', () => {
    expect(() => assertNewer(5, 5)).toThrow(/not newer/);
    expect(() => assertNewer(5, 4)).toThrow(DeltaError);
    expect(() => assertNewer(5, 6)).not.toThrow();
    expect(() => assertNewer(null, 1)).not.toThrow();
  });
});

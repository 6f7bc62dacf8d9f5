import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'fflate';
import { applyDelta, parseDelta } from './apply-delta';
import { assertNewer } from './assert-newer';
import { BlockList } from './block-list';
import { encodeDelta } from './encode-delta';
import { encodeList, encodePacked } from './encode-list';
import { DeltaError } from './errors';
import { readEntries } from './read-entries';
import { readPacked } from './read-packed';
import { sortEntries } from './list-entry';
import { packEntries, unpackEntries } from './packed-list';
import { entry, syntheticEntries } from './test-entries';

const oldEntries = sortEntries([
  ...syntheticEntries(2000),
  entry('moved.example/', { category: 'scam' }),
]);
const newEntries = sortEntries([
  ...oldEntries.filter((_, i) => i % 50 !== 0 && _.expression !== 'moved.example/'),
  ...syntheticEntries(40, 'added'),
  entry('moved.example/', { category: 'gambling' }),
  entry('new.example/landing/', { source: 'reports' }),
]);
const old = packEntries(oldEntries);
const delta = await encodeDelta(oldEntries, newEntries, {
  fromVersion: 4,
  toVersion: 5,
  createdAt: 123,
  metadata: { protectedNames: ['a'] },
});

describe('deltas', () => {
  it('turns version N into N+1 exactly (round trip through the snapshot format)', async () => {
    const applied = await applyDelta(old, delta.bytes, 4);
    expect(applied.version).toBe(5);
    expect(applied.metadata).toEqual({ protectedNames: ['a'] });
    expect(unpackEntries(applied.list)).toEqual(newEntries);
    const reencoded = await encodePacked(applied.list, {
      version: applied.version,
      createdAt: applied.createdAt,
    });
    expect(BlockList.load(reencoded).checksum).toBe(applied.checksum);
    expect(readEntries(reencoded)).toEqual(newEntries);
  });

  it('writes the snapshot around the merged entries, byte for byte as the publisher does', async () => {
    const kept = oldEntries.filter((_, i) => i % 40 !== 0);
    const next = sortEntries([...kept, ...syntheticEntries(30, 'fresh')]);
    const step = await encodeDelta(oldEntries, next, {
      fromVersion: 4,
      toVersion: 5,
      createdAt: 9,
      metadata: { protectedNames: ['b'] },
    });
    const applied = await applyDelta(old, step.bytes, 4);
    const options = { version: 5, createdAt: 9, metadata: applied.metadata };
    const published = await encodeList(next, options);
    const inPlace = await encodePacked(applied.list, options);
    expect(applied.list.room?.free).toBe(false);
    expect(inPlace).toEqual(published);
    expect(inPlace.byteOffset).toBe(0);
    expect(inPlace.buffer.byteLength).toBe(inPlace.length);
    // The room is taken once: encoding again (other metadata too) copies and still matches.
    expect(await encodePacked(applied.list, options)).toEqual(published);
    expect(await encodePacked(applied.list, { version: 5, createdAt: 9 })).toEqual(
      await encodeList(next, { version: 5, createdAt: 9 }),
    );
    expect(inPlace).toEqual(published);
  });

  it('rebuilds exactly the packed list the publisher would encode', async () => {
    const applied = await applyDelta(old, delta.bytes, 4);
    const published = packEntries(newEntries);
    expect(applied.list.sources).toEqual(published.sources);
    expect(applied.list.entries).toEqual(published.entries);
    expect(applied.list.keysHi).toEqual(published.keysHi);
    expect(applied.list.keysLo).toEqual(published.keysLo);
    expect(applied.list.offsets).toEqual(published.offsets);
    expect(applied.list.sourceCounts).toEqual(published.sourceCounts);
    expect(applied.list.allowCount).toBe(published.allowCount);
  });

  it('renumbers kept entries when a source disappears or a new one sorts first', async () => {
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
    const step = await encodeDelta(before, after, { fromVersion: 1, toVersion: 2, createdAt: 0 });
    const applied = await applyDelta(packEntries(before), step.bytes, 1);
    expect(applied.list.sources).toEqual(['a-feed', 'c-feed']);
    expect(unpackEntries(applied.list)).toEqual(after);
    expect(applied.list.allowCount).toBe(1);
  });

  it('refuses an addition that is already in the list', async () => {
    const extra = entry('extra.example/');
    const step = await encodeDelta(oldEntries, sortEntries([...oldEntries, extra]), {
      fromVersion: 4,
      toVersion: 5,
      createdAt: 0,
    });
    const withExtra = packEntries(sortEntries([...oldEntries, extra]));
    await expect(applyDelta(withExtra, step.bytes, 4)).rejects.toThrow(/already in the list/);
  });

  it('codes a changed category as a removal plus an addition', () => {
    expect(delta.removed).toBe(Math.ceil(2001 / 50) + 1);
    expect(delta.added).toBe(42);
  });

  it('costs a few bytes per changed entry', () => {
    expect(delta.bytes.length / (delta.removed + delta.added)).toBeLessThan(12);
  });

  it('refuses a delta for another from-version', async () => {
    await expect(applyDelta(old, delta.bytes, 3)).rejects.toThrow(/goes from version 4/);
  });

  it.each([
    ['a source', { source: 'other' }],
    ['a category', { category: 'gambling' as const }],
    ['an action', { action: 'allow' as const }],
  ])('refuses a result whose checksum differs from the declared one (%s)', async (_, change) => {
    const tampered = oldEntries.map((e, i) => (i === 7 ? { ...e, ...change } : e));
    await expect(applyDelta(packEntries(tampered), delta.bytes, 4)).rejects.toThrow(
      /Checksum mismatch/,
    );
  });

  it('refuses a declared checksum that was altered', async () => {
    const raw = inflateSync(delta.bytes);
    raw[8 + 4 + 4 + 8]! ^= 1;
    await expect(applyDelta(old, deflateSync(raw), 4)).rejects.toThrow(DeltaError);
  });

  it.each([
    ['only additions (the result runs ahead of the old list by all of them)', 0, 300],
    ['mostly removals', 5, 3],
    ['balanced churn', 20, 40],
  ])(
    'merges into the arrays of a list read with headroom, with the same result: %s',
    async (_, removeEvery, added) => {
      const snapshot = await encodeList(oldEntries, { version: 4, createdAt: 0 });
      const next = sortEntries([
        ...oldEntries.filter((_, i) => removeEvery === 0 || i % removeEvery !== 0),
        ...syntheticEntries(added, 'headroom'),
      ]);
      const step = await encodeDelta(oldEntries, next, {
        fromVersion: 4,
        toVersion: 5,
        createdAt: 0,
      });
      const parsed = parseDelta(step.bytes);
      const stored = readPacked(snapshot, { headroom: parsed.additions.length });
      const applied = await applyDelta(stored, parsed, 4);
      expect(applied.list.keysHi.buffer).toBe(stored.keysHi.buffer);
      expect(applied.list.offsets.buffer).toBe(stored.offsets.buffer);
      const published = packEntries(next);
      expect(applied.list.entries).toEqual(published.entries);
      expect(applied.list.keysHi).toEqual(published.keysHi);
      expect(applied.list.keysLo).toEqual(published.keysLo);
      expect(applied.list.offsets).toEqual(published.offsets);
      // Without headroom the arrays are fresh, and the result is the same.
      const fresh = await applyDelta(readPacked(snapshot), parsed, 4);
      expect(fresh.list.keysHi.buffer).not.toBe(stored.keysHi.buffer);
      expect(fresh.list.offsets).toEqual(published.offsets);
    },
  );

  it('leaves a list read without headroom as it was', async () => {
    const before = packEntries(oldEntries);
    const keys = before.keysHi.slice();
    const offsets = before.offsets.slice();
    const removalsOnly = await encodeDelta(
      oldEntries,
      oldEntries.filter((_, i) => i % 3 !== 0),
      { fromVersion: 4, toVersion: 5, createdAt: 0 },
    );
    await applyDelta(before, removalsOnly.bytes, 4);
    expect(before.keysHi).toEqual(keys);
    expect(before.offsets).toEqual(offsets);
  });

  it('rebuilds front-coded additions that share long prefixes', async () => {
    const long = Array.from({ length: 300 }, (_, i) =>
      entry(`deep.example/${'segment/'.repeat(30)}${i}`),
    );
    const next = sortEntries([...oldEntries, ...long]);
    const step = await encodeDelta(oldEntries, next, {
      fromVersion: 4,
      toVersion: 5,
      createdAt: 0,
    });
    const parsed = parseDelta(step.bytes);
    expect(parsed.additions.map((a) => a.expression).sort()).toEqual(
      long.map((e) => e.expression).sort(),
    );
    expect(unpackEntries((await applyDelta(old, parsed, 4)).list)).toEqual(next);
  });

  it('encodes the same snapshot with the old list as filter work space', async () => {
    const snapshot = await encodeList(oldEntries, { version: 4, createdAt: 0 });
    const applied = await applyDelta(readPacked(snapshot), delta.bytes, 4);
    const options = { version: 5, createdAt: 123, metadata: applied.metadata };
    const expected = await encodeList(newEntries, options);
    const before = snapshot.slice();
    expect(await encodePacked(applied.list, { ...options, scratch: snapshot })).toEqual(expected);
    expect(Buffer.compare(snapshot, before)).not.toBe(0); // it was used
    await expect(
      encodePacked(applied.list, { ...options, scratch: applied.list.entries }),
    ).rejects.toThrow(/scratch memory holds part of the list/);
  });

  it('applies an empty delta', async () => {
    const same = await encodeDelta(oldEntries, oldEntries, {
      fromVersion: 1,
      toVersion: 2,
      createdAt: 0,
    });
    expect(unpackEntries((await applyDelta(old, same.bytes, 1)).list)).toEqual(oldEntries);
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

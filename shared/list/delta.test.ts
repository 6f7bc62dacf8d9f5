import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'fflate';
import { applyDelta } from './apply-delta';
import { assertNewer } from './assert-newer';
import { BlockList } from './block-list';
import { encodeDelta } from './encode-delta';
import { encodeList } from './encode-list';
import { DeltaError } from './errors';
import { readEntries } from './read-entries';
import { sortEntries } from './list-entry';
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
const delta = encodeDelta(oldEntries, newEntries, {
  fromVersion: 4,
  toVersion: 5,
  createdAt: 123,
  metadata: { protectedNames: ['a'] },
});

describe('deltas', () => {
  it('turns version N into N+1 exactly (round trip through the snapshot format)', () => {
    const applied = applyDelta(oldEntries, delta.bytes, 4);
    expect(applied.version).toBe(5);
    expect(applied.metadata).toEqual({ protectedNames: ['a'] });
    expect(applied.entries).toEqual(newEntries);
    const reencoded = encodeList(applied.entries, {
      version: applied.version,
      createdAt: applied.createdAt,
      sorted: true,
    });
    expect(BlockList.load(reencoded).checksum).toBe(applied.checksum);
    expect(readEntries(reencoded)).toEqual(newEntries);
  });

  it('codes a changed category as a removal plus an addition', () => {
    expect(delta.removed).toBe(Math.ceil(2001 / 50) + 1);
    expect(delta.added).toBe(42);
  });

  it('costs a few bytes per changed entry', () => {
    expect(delta.bytes.length / (delta.removed + delta.added)).toBeLessThan(12);
  });

  it('refuses a delta for another from-version', () => {
    expect(() => applyDelta(oldEntries, delta.bytes, 3)).toThrow(/goes from version 4/);
  });

  it('refuses a result whose checksum differs from the declared one', () => {
    const tampered = oldEntries.map((e, i) => (i === 7 ? { ...e, source: 'other' } : e));
    expect(() => applyDelta(tampered, delta.bytes, 4)).toThrow(/Checksum mismatch/);
  });

  it('refuses a declared checksum that was altered', () => {
    const raw = inflateSync(delta.bytes);
    raw[8 + 4 + 4 + 8]! ^= 1;
    expect(() => applyDelta(oldEntries, deflateSync(raw), 4)).toThrow(DeltaError);
  });

  it('applies an empty delta', () => {
    const same = encodeDelta(oldEntries, oldEntries, {
      fromVersion: 1,
      toVersion: 2,
      createdAt: 0,
    });
    expect(applyDelta(oldEntries, same.bytes, 1).entries).toEqual(oldEntries);
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

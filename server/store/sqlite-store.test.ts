import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReport } from '../test-server';
import { MIGRATIONS, runMigrations } from './migrations';
import type { ReportStore } from './report-store';
import { createSqliteStore } from './sqlite-store';

let dir: string;
let path: string;
let store: ReportStore;
const meta = { allowlisted: false, receivedAt: Date.parse('2025-06-01T12:00:00Z') };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scam-guard-store-'));
  path = join(dir, 'nested', 'reports.db');
  store = createSqliteStore(path);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('create the folder, use WAL and record each version once, however often they run', async () => {
    await store.insert(makeReport(), meta);
    await store.close();
    store = createSqliteStore(path); // second run over the same file
    const db = new Database(path);
    try {
      expect(runMigrations(db)).toEqual([]); // third run, by hand
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      db.close();
    }
    expect(await store.count()).toBe(1);
  });

  it('roll a failing migration back whole', () => {
    const db = new Database(':memory:');
    const broken = { version: 1, name: 'broken', sql: 'CREATE TABLE a (x); SELECT nope FROM a;' };
    expect(() => runMigrations(db, [broken])).toThrow(/nope/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(0);
    db.close();
  });
});

describe('createSqliteStore', () => {
  it('stores a report once per id', async () => {
    const report = makeReport();
    expect(await store.insert(report, meta)).toBe('accepted');
    expect(await store.insert({ ...report, url: 'https://other.test/' }, meta)).toBe('duplicate');
    expect(await store.count()).toBe(1);
    expect((await store.get(report.id))?.url).toBe(report.url);
    expect(await store.get('no-such-id')).toBeNull();
  });

  it('lists by distinct reporters of the same URL, then oldest first', async () => {
    const at = (minutes: number) => ({ ...meta, receivedAt: meta.receivedAt + minutes * 60_000 });
    const lone = makeReport({ url: 'https://lone.test/' });
    const install = makeReport().installId;
    await store.insert(lone, at(0));
    // Two reports from one install count once; the fragment is ignored.
    await store.insert(makeReport({ url: 'https://pair.test/#a', installId: install }), at(1));
    await store.insert(makeReport({ url: 'https://pair.test/#b', installId: install }), at(2));
    await store.insert(makeReport({ url: 'https://pair.test/' }), at(3));
    // A false-positive report is a different signal and does not add up with scam reports.
    await store.insert(makeReport({ url: 'https://lone.test/', kind: 'false-positive' }), at(4));

    const queue = await store.list({ status: 'new' });
    expect(queue.map((r) => [r.url, r.kind, r.priority])).toEqual([
      ['https://pair.test/#a', 'scam', 2],
      ['https://pair.test/#b', 'scam', 2],
      ['https://pair.test/', 'scam', 2],
      ['https://lone.test/', 'scam', 1],
      ['https://lone.test/', 'false-positive', 1],
    ]);
    expect(await store.list({ limit: 2 })).toHaveLength(2);
    await store.setStatus(lone.id, 'rejected');
    expect((await store.list({ status: 'rejected' })).map((r) => r.id)).toEqual([lone.id]);
  });

  it('refuses to approve an allowlisted scam report unless forced', async () => {
    const bank = makeReport({ url: 'https://www.icbc.com.cn/' });
    await store.insert(bank, { ...meta, allowlisted: true });
    expect(await store.setStatus(bank.id, 'approved')).toBe('allowlisted');
    expect((await store.get(bank.id))?.status).toBe('new');
    expect(await store.setStatus(bank.id, 'rejected')).toBe('updated');
    expect(await store.setStatus(bank.id, 'approved', { force: true })).toBe('updated');
    expect((await store.get(bank.id))?.status).toBe('approved');
    expect(await store.setStatus('missing', 'approved')).toBe('not-found');
  });

  it('exports approved scam reports once per URL with the reviewer category', async () => {
    const a = makeReport({ url: 'https://a.test/x#frag', category: 'phishing' });
    const b = makeReport({ url: 'https://b.test/', category: undefined });
    const again = makeReport({ url: 'https://a.test/x', category: 'gambling' });
    const fp = makeReport({ url: 'https://c.test/', kind: 'false-positive' });
    const pending = makeReport({ url: 'https://d.test/' });
    for (const r of [a, b, again, fp, pending]) await store.insert(r, meta);
    await store.setStatus(a.id, 'approved', { category: 'fake-refund', reviewedAt: 1 });
    await store.setStatus(again.id, 'approved', { reviewedAt: 2 });
    await store.setStatus(b.id, 'approved');
    await store.setStatus(fp.id, 'approved');
    expect(await store.approvedEntries()).toEqual([
      // The latest review of a URL decides its category.
      { url: 'https://a.test/x', category: 'gambling' },
      { url: 'https://b.test/' },
    ]);
    expect((await store.get(a.id))?.reviewCategory).toBe('fake-refund');
  });
});

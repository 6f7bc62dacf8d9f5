import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relayStoreContract } from '../relay/relay-store-contract';
import { createSqliteRelayStore } from '../relay/sqlite-relay-store';
import { makeReport } from '../test-server';
import { reportStoreContract } from './report-store-contract';
import { MIGRATIONS, runMigrations } from './sqlite-migrations';
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

reportStoreContract('SQLite', async () => createSqliteStore(join(dir, `${randomUUID()}.db`)));
relayStoreContract('SQLite', async () => createSqliteRelayStore(join(dir, `${randomUUID()}.db`)));

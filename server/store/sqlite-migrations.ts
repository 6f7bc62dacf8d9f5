import type Database from 'better-sqlite3';
import type { Migration } from './migration';

/**
 * SQLite's schema steps. Append only: a migration that has shipped is never edited, a change
 * is a new entry, and postgres-migrations.ts gets the same step (its next number: the lists
 * differ from step 3 on, see there).
 * No IP address is stored: rate limiting needs it only in memory; reports keep the /24 or
 * /48 range (migration 2) so that the review queue can count independent networks.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create reports',
    sql: `
      CREATE TABLE reports (
        -- The client's UUID. The primary key is unique, which makes inserts idempotent.
        id                TEXT PRIMARY KEY NOT NULL,
        kind              TEXT NOT NULL CHECK (kind IN ('scam', 'false-positive')),
        url               TEXT NOT NULL,
        url_key           TEXT NOT NULL,
        domain            TEXT NOT NULL,
        category          TEXT,
        note              TEXT,
        extension_version TEXT NOT NULL,
        list_version      INTEGER NOT NULL,
        install_id        TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        received_at       INTEGER NOT NULL,
        allowlisted       INTEGER NOT NULL CHECK (allowlisted IN (0, 1)),
        status            TEXT NOT NULL DEFAULT 'new'
                          CHECK (status IN ('new', 'approved', 'rejected')),
        review_category   TEXT,
        reviewed_at       INTEGER
      ) STRICT;
      CREATE INDEX reports_by_status ON reports (status, received_at);
      -- Covers the distinct-reporter count that ranks the review queue.
      CREATE INDEX reports_by_url ON reports (kind, url_key, install_id);
    `,
  },
  {
    version: 2,
    name: 'reporter network',
    sql: `
      -- '' for reports stored before this step: they count towards no range.
      ALTER TABLE reports ADD COLUMN reporter_network TEXT NOT NULL DEFAULT '';
      CREATE INDEX reports_by_network ON reports (kind, url_key, reporter_network);
    `,
  },
  {
    version: 3,
    name: 'create family-alert relay',
    // Opaque to the service: public keys and sealed boxes only (server/relay/relay-store.ts).
    sql: `
      CREATE TABLE relay_pairings (
        id          TEXT PRIMARY KEY NOT NULL,
        code        TEXT NOT NULL UNIQUE,
        watcher_key TEXT NOT NULL,
        watched_key TEXT,
        channel_id  TEXT NOT NULL,
        expires_at  INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE relay_channels (
        id         TEXT PRIMARY KEY NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE relay_messages (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL REFERENCES relay_channels (id) ON DELETE CASCADE,
        box        TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX relay_messages_by_channel ON relay_messages (channel_id, id);
      CREATE INDEX relay_messages_by_expiry ON relay_messages (expires_at);
    `,
  },
];

/**
 * Brings the database up to the latest migration. Each step runs in its own IMMEDIATE
 * transaction that re-reads the applied versions, so two processes starting at once (the
 * service and the review CLI) cannot apply the same step twice.
 */
export function runMigrations(db: Database.Database, migrations = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}

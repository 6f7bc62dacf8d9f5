import type pg from 'pg';
import type { Migration } from './migration';

/**
 * PostgreSQL's schema steps. Append only: a step that has shipped is never edited. Steps 1
 * and 2 match sqlite-migrations.ts; from 3 on the lists differ, because the shared rate
 * limits (3) exist only here and the relay came to each backend at a different time (SQLite
 * 3, PostgreSQL 4). A version counts within one database, so each list only has to grow.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create reports',
    sql: `
      CREATE TABLE reports (
        -- The client's UUID. The primary key is unique, which makes inserts idempotent.
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('scam', 'false-positive')),
        url               TEXT NOT NULL,
        url_key           TEXT NOT NULL,
        domain            TEXT NOT NULL,
        category          TEXT,
        note              TEXT,
        extension_version TEXT NOT NULL,
        list_version      BIGINT NOT NULL,
        install_id        TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        received_at       BIGINT NOT NULL,
        allowlisted       BOOLEAN NOT NULL,
        status            TEXT NOT NULL DEFAULT 'new'
                          CHECK (status IN ('new', 'approved', 'rejected')),
        review_category   TEXT,
        reviewed_at       BIGINT
      );
      CREATE INDEX reports_by_status ON reports (status, received_at);
      CREATE INDEX reports_by_url ON reports (kind, url_key, install_id);
    `,
  },
  {
    version: 2,
    name: 'reporter network',
    sql: `
      ALTER TABLE reports ADD COLUMN reporter_network TEXT NOT NULL DEFAULT '';
      CREATE INDEX reports_by_network ON reports (kind, url_key, reporter_network);
    `,
  },
  {
    version: 3,
    name: 'rate limits',
    sql: `
      -- One token bucket per limiter and key, shared by every instance. UNLOGGED: it is
      -- rebuilt from nothing after a crash, which only forgives the last minute's counts.
      CREATE UNLOGGED TABLE rate_limits (
        key     TEXT PRIMARY KEY,
        tokens  DOUBLE PRECISION NOT NULL,
        at      BIGINT NOT NULL,
        allowed BOOLEAN NOT NULL
      );
      CREATE INDEX rate_limits_by_age ON rate_limits (at);
    `,
  },
  {
    version: 4,
    name: 'create family-alert relay',
    // The tables of SQLite's step 3. Opaque to the service: public keys and sealed boxes
    // only (server/relay/relay-store.ts). Times are milliseconds since 1970, as in SQLite.
    sql: `
      CREATE TABLE relay_pairings (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        watcher_key TEXT NOT NULL,
        watched_key TEXT,
        channel_id  TEXT NOT NULL,
        expires_at  BIGINT NOT NULL
      );
      CREATE INDEX relay_pairings_by_expiry ON relay_pairings (expires_at);
      CREATE TABLE relay_channels (
        id         TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE relay_messages (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        channel_id TEXT NOT NULL REFERENCES relay_channels (id) ON DELETE CASCADE,
        box        TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX relay_messages_by_channel ON relay_messages (channel_id, id);
      CREATE INDEX relay_messages_by_expiry ON relay_messages (expires_at);
    `,
  },
];

// Any constant both instances agree on; names the lock in pg_locks for whoever looks.
const MIGRATION_LOCK = 0x5ca6_0001;

/**
 * Brings the database up to the latest step. A session-level advisory lock makes instances
 * that start at once take turns: the second finds every step recorded and applies none.
 * Each step and its record commit together, so a failing step leaves nothing behind.
 */
export async function runPostgresMigrations(
  pool: pg.Pool,
  migrations = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const have = new Set(done.rows.map((r) => r.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (have.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

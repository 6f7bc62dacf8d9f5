import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimiterContract } from '../rate-limiter-contract';
import { relayStoreContract } from '../relay/relay-store-contract';
import { makeReport } from '../test-server';
import { openBackend, type Backend } from './backend';
import { POSTGRES_MIGRATIONS, runPostgresMigrations } from './postgres-migrations';
import { reportStoreContract } from './report-store-contract';
import { startTestPostgres, type TestPostgres } from './test-postgres';

// One real cluster for this file; every test gets its own fresh database on it.
let cluster: TestPostgres;
const open: Backend[] = [];

beforeAll(async () => {
  cluster = await startTestPostgres();
});
afterAll(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
  await cluster?.stop();
});

async function freshBackend(url?: string): Promise<Backend> {
  const backend = await openBackend({ databaseUrl: url ?? (await cluster.createDatabase()) });
  open.push(backend);
  return backend;
}

describe('PostgreSQL migrations', () => {
  it('apply each step once when several instances start at the same moment', async () => {
    const url = await cluster.createDatabase();
    const backends = await Promise.all(Array.from({ length: 4 }, () => freshBackend(url)));
    await backends[0]?.reports.insert(makeReport(), {
      allowlisted: false,
      receivedAt: 1,
      network: '203.0.113.0/24',
    });
    expect(await backends[3]?.reports.count()).toBe(1);
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await runPostgresMigrations(pool)).toEqual([]);
      const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r: { version: number }) => r.version)).toEqual(
        POSTGRES_MIGRATIONS.map((m) => m.version),
      );
    } finally {
      await pool.end();
    }
  });

  it('roll a failing step back whole and apply nothing after it', async () => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    try {
      const steps = [
        { version: 1, name: 'broken', sql: 'CREATE TABLE a (x int); SELECT nope FROM a;' },
        { version: 2, name: 'after', sql: 'CREATE TABLE b (x int)' },
      ];
      await expect(runPostgresMigrations(pool, steps)).rejects.toThrow(/nope/);
      const tables = await pool.query(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN ('a', 'b')",
      );
      expect(tables.rowCount).toBe(0);
      expect((await pool.query('SELECT * FROM schema_migrations')).rowCount).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuses a DATABASE_URL that is not postgres://', async () => {
    await expect(openBackend({ databaseUrl: 'mysql://x' })).rejects.toThrow(/postgres:\/\//);
  });
});

reportStoreContract('PostgreSQL', async () => (await freshBackend()).reports);
rateLimiterContract('PostgreSQL', async () => (await freshBackend()).rateLimiters);
relayStoreContract('PostgreSQL', async () => (await freshBackend()).relay);

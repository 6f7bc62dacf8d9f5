import pg from 'pg';
import { memoryRateLimiters, type RateLimiterFactory } from '../rate-limiter';
import { createPostgresRelayStore } from '../relay/postgres-relay-store';
import type { RelayStore } from '../relay/relay-store';
import { createSqliteRelayStore } from '../relay/sqlite-relay-store';
import { runPostgresMigrations } from './postgres-migrations';
import { postgresRateLimiters } from './postgres-rate-limiter';
import { createPostgresStore } from './postgres-store';
import type { ReportStore } from './report-store';
import { createSqliteStore, DEFAULT_DATABASE_PATH } from './sqlite-store';

/**
 * Everything the service stores, one store per concern, on one database. A new concern
 * (the family relay, say) adds its interface, one implementation per backend, a migration
 * step in each backend's list, and a field here.
 */
export interface Backend {
  kind: 'sqlite' | 'postgres';
  reports: ReportStore;
  /**
   * Where rate limits are counted (reports and relay alike). SQLite is one file on one machine, so one instance, and
   * memory suffices; PostgreSQL serves many instances, so the buckets live in it.
   */
  rateLimiters: RateLimiterFactory;
  /** The family-alert relay. */
  relay: RelayStore;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** postgres://… selects PostgreSQL; unset means SQLite. */
  databaseUrl?: string;
  /** The SQLite file when `databaseUrl` is unset. */
  databasePath?: string;
  /** Connections per instance (PostgreSQL). */
  poolSize?: number;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the configured database and brings its schema up to date. */
export async function openBackend(options: BackendOptions = {}): Promise<Backend> {
  const { databaseUrl } = options;
  if (databaseUrl !== undefined && databaseUrl !== '' && !isPostgresUrl(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// (unset it to use SQLite)');
  }
  if (!isPostgresUrl(databaseUrl)) {
    const path = options.databasePath ?? DEFAULT_DATABASE_PATH;
    const reports = createSqliteStore(path);
    const relay = createSqliteRelayStore(path);
    return {
      kind: 'sqlite',
      reports,
      relay,
      rateLimiters: memoryRateLimiters,
      close: async () => {
        await relay.close();
        await reports.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle connection that breaks (server restart, failover) must not crash the process;
  // the next query gets a fresh one.
  pool.on('error', () => undefined);
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    reports: createPostgresStore(pool),
    relay: createPostgresRelayStore(pool),
    rateLimiters: postgresRateLimiters(pool),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

/**
 * One service instance for the load test, as its own process so that it can be SIGKILLed:
 * the real startServer on DATABASE_URL or DATABASE_PATH, with limits high enough that the
 * test measures storage, not 429s (the limits are still counted, in PostgreSQL when used).
 * Prints `listening <url>` once it accepts requests.
 */
import { startServer } from '../../server/main';

const unlimited = { max: 1_000_000_000, windowMs: 60_000 };
const server = await startServer({
  port: 0,
  databaseUrl: process.env.DATABASE_URL || undefined,
  databasePath: process.env.DATABASE_PATH,
  listDir: process.env.LIST_DIR,
  rateLimits: { perInstall: unlimited, perIp: unlimited },
});
console.log(`listening ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));

import { createAllowlistSource, DEFAULT_ALLOWLIST_PATH } from './allowlist-source';
import { runReviewCli } from './review-cli';
import { openBackend } from './store/backend';
import { DEFAULT_DATABASE_PATH } from './store/sqlite-store';

/**
 * `npm run reports -- <command>`: the reviewer's tool. See USAGE in review-cli.ts. Same
 * DATABASE_URL / DATABASE_PATH as the service, and safe while it runs on either backend.
 */
const backend = await openBackend({
  databaseUrl: process.env.DATABASE_URL || undefined,
  databasePath: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
  poolSize: 1,
});
const store = backend.reports;
const allowlist = createAllowlistSource(process.env.ALLOWLIST_PATH || DEFAULT_ALLOWLIST_PATH, {
  whenMissing: 'throw',
});
try {
  process.exitCode = await runReviewCli(process.argv.slice(2), {
    store,
    loadAllowlist: () => allowlist.current(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(`reports: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await backend.close();
}

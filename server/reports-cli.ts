import { createAllowlistSource, DEFAULT_ALLOWLIST_PATH } from './allowlist-source';
import { runReviewCli } from './review-cli';
import { createSqliteStore, DEFAULT_DATABASE_PATH } from './store/sqlite-store';

/** `npm run reports -- <command>`: the reviewer's tool. See USAGE in review-cli.ts. */
const store = createSqliteStore(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
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
  await store.close();
}

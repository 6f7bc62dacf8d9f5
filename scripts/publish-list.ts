/**
 * The whole list pipeline, once: feeds plus approved reports in, the next version signed
 * and published, or nothing when nothing changed. Safe to run from cron every few minutes:
 *
 *   0-59/5 * * * *  cd /srv/scam-guard && npm run publish-list -- \
 *     --source phishing:feeds/phishing.txt --source scam:feeds/scam.csv --out /srv/list
 *
 * Reports come from the same DATABASE_URL / DATABASE_PATH as the service (--no-reports to
 * skip them). Exit code 0 when published, unchanged or another run holds the lock.
 */
import { parseArgs } from 'node:util';
import { openBackend } from '../server/store/backend';
import { DEFAULT_DATABASE_PATH } from '../server/store/sqlite-store';
import { DEFAULT_MINIMUM_WAIT_SECONDS } from './lib/build-release';
import { readKey } from './lib/key-files';
import { runPublishPipeline } from './lib/publish-pipeline';
import { parseSourceSpec } from './lib/source-files';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', multiple: true, default: [] },
      allowlist: { type: 'string', default: 'data/allowlist.txt' },
      key: { type: 'string', default: '.keys/list-signing.key' },
      out: { type: 'string', default: 'public-list' },
      'minimum-wait': { type: 'string', default: String(DEFAULT_MINIMUM_WAIT_SECONDS) },
      'no-reports': { type: 'boolean', default: false },
    },
  });
  if (values.source.length === 0) throw new Error('give at least one --source <category>:<path>');
  const backend = values['no-reports']
    ? null
    : await openBackend({
        databaseUrl: process.env.DATABASE_URL || undefined,
        databasePath: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
        poolSize: 1,
      });
  try {
    const result = await runPublishPipeline({
      sources: values.source.map(parseSourceSpec),
      reports: backend?.reports ?? null,
      allowlistPath: values.allowlist,
      privateKey: await readKey(values.key),
      outDir: values.out,
      minimumWaitSeconds: Number(values['minimum-wait']),
    });
    const says = {
      published: `published version ${'version' in result ? result.version : ''}`,
      unchanged: `unchanged: version ${'version' in result ? result.version : ''} is current`,
      locked: 'another publish is running; nothing done',
    }[result.status];
    console.log(`publish-list: ${says}`);
    console.log(JSON.stringify(result));
  } finally {
    await backend?.close();
  }
}

main().catch((error: unknown) => {
  console.error(`publish-list: ${(error as Error).message}`);
  process.exit(1);
});

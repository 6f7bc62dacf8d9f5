/**
 * Compiles feeds into a signed list release.
 *
 *   npm run build-list -- --source phishing:feeds/phishing.txt --source scam:feeds/scam.csv \
 *     --allowlist data/allowlist.txt --version 2 --key .keys/list-signing.key --out public-list \
 *     [--previous public-list/snapshot-1.sgl] [--minimum-wait 60]
 *
 * A source is `<category>:<path>` or `<category>:<name>=<path>`; the format (domains, hosts,
 * Adblock, URLs, CSV with a `url` column, JSON) is sniffed from the content.
 */
import { parseArgs } from 'node:util';
import { buildRelease, DEFAULT_MINIMUM_WAIT_SECONDS } from './lib/build-release';
import { readKey } from './lib/key-files';
import { parseSourceSpec } from './lib/source-files';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', multiple: true, default: [] },
      allowlist: { type: 'string', default: 'data/allowlist.txt' },
      version: { type: 'string' },
      key: { type: 'string', default: '.keys/list-signing.key' },
      out: { type: 'string', default: 'public-list' },
      previous: { type: 'string' },
      'minimum-wait': { type: 'string', default: String(DEFAULT_MINIMUM_WAIT_SECONDS) },
    },
  });
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1 || version > 0xffffffff)
    throw new Error('--version must be a positive integer');
  if (values.source.length === 0) throw new Error('give at least one --source <category>:<path>');
  const report = await buildRelease({
    sources: values.source.map(parseSourceSpec),
    allowlistPath: values.allowlist,
    version,
    privateKey: await readKey(values.key),
    outDir: values.out,
    ...(values.previous ? { previousPath: values.previous } : {}),
    minimumWaitSeconds: Number(values['minimum-wait']),
  });
  for (const s of report.compile.sources) {
    console.log(
      `${s.name} (${s.category}, ${s.format}): ${s.entries} entries, ${s.duplicates} duplicates, ` +
        `${s.covered} covered by a parent, ${s.allowlisted} allowlisted, ${s.skipped} invalid lines skipped`,
    );
    for (const example of s.examples) console.log(`    skipped ${example}`);
  }
  console.log(`allowlist: ${report.compile.allowEntries} allow entries`);
  console.log(
    `snapshot-${version}.sgl: ${report.compile.entries.length} entries, ${report.snapshotBytes} bytes`,
  );
  if (report.delta) {
    console.log(
      `delta: ${report.delta.removed} removed, ${report.delta.added} added, ${report.delta.bytes} bytes`,
    );
  }
  console.log(
    `manifest: ${values.out}/manifest.json (checksum ${report.manifest.checksum}), ${report.ms.toFixed(0)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(`build-list: ${(error as Error).message}`);
  process.exit(1);
});

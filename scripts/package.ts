/**
 * `npm run package`: builds both browsers dated by the commit (SOURCE_DATE_EPOCH), then writes packages/ with the Chrome Web Store zip,
 * the Firefox .xpi and the source archive AMO asks for (the files at HEAD, the public
 * feeds the starter list is compiled from, and BUILD.md). Each is reproducible: the
 * same commit and feeds give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from './lib/package-zip';
import { storePackages } from './lib/store-packages';
import { starterDataDir } from './lib/vite-starter-list';

const OUT = 'packages';

const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
  encoding: 'utf8',
});
if (dirty) console.warn('warning: uncommitted changes are not in the source archive');

const epoch = execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim();
const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? epoch };
for (const script of ['build', 'build:firefox']) {
  execFileSync('npm', ['run', '--silent', script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

const feeds = new Map(
  [...readTree(starterDataDir())].map(([path, bytes]) => [`data/blocklists/${path}`, bytes]),
);
feeds.set('SOURCE_DATE_EPOCH', Buffer.from(`${env.SOURCE_DATE_EPOCH}\n`));
const packages = storePackages({ root: '.', chromeDir: 'dist', firefoxDir: 'dist-firefox', feeds });

mkdirSync(OUT, { recursive: true });
const written = {
  chrome: join(OUT, `scam-guard-${packages.version}-chrome.zip`),
  firefox: join(OUT, `scam-guard-${packages.version}-firefox.xpi`),
  source: join(OUT, `scam-guard-${packages.version}-source.zip`),
} as const;
for (const kind of ['chrome', 'firefox', 'source'] as const) {
  writeFileSync(written[kind], packages[kind]);
  console.log(`${written[kind]}: ${(packages[kind].length / 1024).toFixed(0)} KiB`);
}

/**
 * `tsx scripts/check-store-package.ts [package.zip]`: checks the Chrome package (by
 * default the one `npm run package` wrote) against the store rules a script can check.
 */
import { readFileSync } from 'node:fs';
import { unzip } from './lib/package-zip';
import { storeProblems } from './lib/store-rules';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };
const path = process.argv[2] ?? `packages/scam-guard-${version}-chrome.zip`;
const bytes = readFileSync(path);
const problems = storeProblems(unzip(bytes), bytes.length, readFileSync('README.md', 'utf8'));
for (const problem of problems) console.error(`${path}: ${problem}`);
if (problems.length) process.exit(1);
console.log(`${path}: passes the store checks (${(bytes.length / 1024).toFixed(0)} KiB)`);

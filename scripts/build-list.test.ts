import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDelta } from '../shared/list/apply-delta';
import { BlockList } from '../shared/list/block-list';
import { verifyFile } from '../shared/list/sign-file';
import { buildRelease } from './lib/build-release';
import { readKey, writeKeyPair } from './lib/key-files';

const run = promisify(execFile);
// The CLIs run in a temp folder, so point node at this repository's tsx loader explicitly.
const loader = pathToFileURL(join(__dirname, '../node_modules/tsx/dist/loader.mjs')).href;
const tsx = (script: string, ...args: string[]) =>
  run(process.execPath, ['--import', loader, join(__dirname, script), ...args], { cwd: dir });
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-list-'));
  await writeFile(
    join(dir, 'phishing.txt'),
    '# feed\nevil.com\nlogin.evil.com\nnot a domain\nbank-secure.example\n',
  );
  await writeFile(
    join(dir, 'reports.csv'),
    'url,category\nhttp://loan.example/apply,credit-loan\nhttp://bet.example/,gambling\n',
  );
  await writeFile(join(dir, 'allow.txt'), 'bank.example\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('keygen, build-list and lookup CLIs', () => {
  it('writes a key pair and refuses to overwrite it without --force', async () => {
    await tsx('keygen.ts', '--out', 'keys');
    expect((await stat(join(dir, 'keys/list-signing.key'))).mode & 0o777).toBe(0o600);
    await expect(writeKeyPair(join(dir, 'keys'))).rejects.toThrow(/--force/);
  });

  it('builds a signed snapshot, then a delta and a manifest that keeps the chain', async () => {
    const common = ['--allowlist', 'allow.txt', '--key', 'keys/list-signing.key', '--out', 'out'];
    const first = await tsx(
      'build-list.ts',
      '--source',
      'phishing:phishing.txt',
      ...common,
      '--version',
      '1',
    );
    expect(first.stdout).toMatch(
      /phishing \(phishing, lines\): 2 entries, 0 duplicates, 1 covered by a parent, 0 allowlisted, 1 invalid lines skipped/,
    );
    expect(first.stdout).toMatch(/skipped line 4: not a domain/);
    // Later versions go through the same code in-process: each CLI start costs seconds on a busy machine.
    const privateKey = await readKey(join(dir, 'keys/list-signing.key'));
    const release = (version: number, sources: string[], previous = version - 1) =>
      buildRelease({
        sources: sources.map((s) => ({
          category: s === 'reports.csv' ? 'scam' : 'phishing',
          path: join(dir, s),
        })),
        allowlistPath: join(dir, 'allow.txt'),
        version,
        privateKey,
        outDir: join(dir, 'out'),
        previousPath: join(dir, `out/snapshot-${previous}.sgl`),
      });
    await release(2, ['phishing.txt', 'reports.csv']);
    expect((await release(3, ['reports.csv'])).delta).toMatchObject({ removed: 2, added: 0 });

    const manifest = JSON.parse(await readFile(join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: 3,
      snapshot: { url: 'snapshot-3.sgl' },
      minimumWaitSeconds: 60, // the default: below the 4-minute sync period
    });
    expect(manifest.deltas.map((d: { url: string }) => d.url)).toEqual([
      'delta-1-2.sgl',
      'delta-2-3.sgl',
    ]);

    const pub = await readKey(join(dir, 'keys/list-signing.pub'));
    const v1 = await verifyFile(
      new Uint8Array(await readFile(join(dir, 'out/snapshot-1.sgl'))),
      pub,
    );
    const d12 = await verifyFile(
      new Uint8Array(await readFile(join(dir, 'out/delta-1-2.sgl'))),
      pub,
    );
    const applied = await applyDelta(v1, d12, 1);
    const v2Bytes = await verifyFile(
      new Uint8Array(await readFile(join(dir, 'out/snapshot-2.sgl'))),
      pub,
    );
    const v2 = BlockList.load(v2Bytes);
    expect(applied.checksum).toBe(v2.checksum);
    expect(applied.snapshot).toEqual(v2Bytes);
    expect(v2.matchSync('http://loan.example/apply')).toMatchObject({
      category: 'credit-loan',
      source: 'reports',
    });
    expect(v2.matchSync('https://www.bank.example/')).toMatchObject({ action: 'allow' });
    await expect(release(3, ['phishing.txt'], 3)).rejects.toThrow(/not newer/);
  });

  it('looks URLs up and names the verdict, expression, category, source and version', async () => {
    const { stdout } = await tsx(
      'lookup.ts',
      'out/snapshot-2.sgl',
      'https://a.evil.com/x',
      'https://fine.example/',
      '--pub',
      'keys/list-signing.pub',
    );
    expect(stdout).toMatch(
      /blocked: evil\.com\/ category phishing, source phishing, list version 2/,
    );
    expect(stdout).toMatch(/fine\.example\/\n {2}not listed \(list version 2\)/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockList } from '../../shared/list/block-list';
import { generatePrivateKey, publicKeyOf, verifyFile } from '../../shared/list/sign-file';
import { compileStarterSnapshot } from './compile-starter-snapshot';

const dataDir = join(__dirname, '../../../shared/data/blocklists');
const allowlistPath = join(__dirname, '../../data/allowlist.txt');

describe('compileStarterSnapshot', () => {
  it('compiles the bundled feeds into a signed list in a few seconds', async () => {
    const key = generatePrivateKey();
    const started = performance.now();
    const signed = await compileStarterSnapshot({
      dataDir,
      allowlistPath,
      version: 1,
      privateKey: key,
    });
    expect(performance.now() - started).toBeLessThan(8000);
    const list = BlockList.load(await verifyFile(signed, publicKeyOf(key)));
    expect(list.entryCount).toBeGreaterThan(100_000);
    expect(list.matchSync('http://0001interac.com/')).toMatchObject({
      action: 'block',
      category: 'phishing',
      source: 'blocklistproject-phishing',
    });
    expect(list.matchSync('https://www.icbc.com.cn/')).toMatchObject({ action: 'allow' });
    expect(list.metadata.protectedNames).toBeTruthy();
    expect(list.metadata.contentModel).toMatchObject({
      classes: expect.arrayContaining(['benign']),
    });
  });

  it('uses the single file named by SCAM_GUARD_STARTER_LIST instead, as phishing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'starter-'));
    const file = join(dir, 'list.json');
    await writeFile(
      file,
      JSON.stringify(['evil.example', { url: 'http://bet.example/', category: 'gambling' }]),
    );
    const key = generatePrivateKey();
    const signed = await compileStarterSnapshot({
      dataDir,
      allowlistPath,
      version: 2,
      privateKey: key,
      starterList: file,
    });
    const list = BlockList.load(await verifyFile(signed, publicKeyOf(key)));
    expect(list.matchSync('https://evil.example/')).toMatchObject({
      category: 'phishing',
      source: 'list',
    });
    expect(list.matchSync('https://bet.example/')).toMatchObject({ category: 'gambling' });
    await rm(dir, { recursive: true });
  });
});

import { describe, expect, it } from 'vitest';
import { BlockList } from './block-list';
import { encodeList } from './encode-list';
import { readEntries } from './read-entries';
import { snapshotChecksum } from './list-checksum';
import { sortEntries } from './list-entry';
import { entry, syntheticEntries } from './test-entries';

const entries = [
  entry('evil.com/'),
  entry('scam-bank.cn/', { category: 'police-impersonation', source: 'reports' }),
  entry('sites.example.org/phish/', { category: 'fake-refund' }),
  entry('files.example.org/login.php?id=7', { category: 'credit-loan' }),
  entry('icbc.com.cn/', { action: 'allow', category: 'scam', source: 'allowlist' }),
  entry('fake.icbc.com.cn/', { category: 'phishing' }),
  ...syntheticEntries(5000),
];
const bytes = await encodeList(entries, {
  version: 7,
  createdAt: 1_700_000_000_000,
  metadata: { protectedNames: ['icbc'] },
});
const list = BlockList.load(bytes);

describe('BlockList', () => {
  it('round-trips header fields, metadata and every entry', async () => {
    expect(list.version).toBe(7);
    expect(list.createdAt).toBe(1_700_000_000_000);
    expect(list.entryCount).toBe(entries.length);
    expect(list.allowCount).toBe(1);
    expect(list.metadata).toEqual({ protectedNames: ['icbc'] });
    const decoded = readEntries(bytes);
    expect(decoded).toEqual(sortEntries(entries));
    expect(list.checksum).toBe(await snapshotChecksum(bytes));
  });

  it('blocks a listed domain and all its subdomains', () => {
    expect(list.matchSync('http://evil.com/')).toMatchObject({
      action: 'block',
      expression: 'evil.com/',
      category: 'phishing',
      source: 'test-feed',
      listVersion: 7,
    });
    expect(list.matchSync('https://login.secure.evil.com/account?id=1')?.expression).toBe(
      'evil.com/',
    );
    expect(list.matchSync('https://notevil.com/')).toBeNull();
    expect(list.matchSync('https://evil.com.example.net/')).toBeNull();
  });

  it('blocks everything under a path-prefix entry and nothing beside it', () => {
    expect(list.matchSync('https://sites.example.org/phish/step2/pay.html')).toMatchObject({
      expression: 'sites.example.org/phish/',
      category: 'fake-refund',
    });
    expect(list.matchSync('https://sites.example.org/phish/')).not.toBeNull();
    expect(list.matchSync('https://sites.example.org/other/')).toBeNull();
    expect(list.matchSync('https://sites.example.org/')).toBeNull();
  });

  it('blocks an exact-URL entry only for that URL', () => {
    expect(list.matchSync('http://files.example.org/login.php?id=7')).toMatchObject({
      category: 'credit-loan',
    });
    expect(list.matchSync('http://files.example.org/login.php?id=8')).toBeNull();
    expect(list.matchSync('http://files.example.org/')).toBeNull();
  });

  it('prefers the allowlist when a domain is in both lists', () => {
    expect(list.matchSync('https://fake.icbc.com.cn/login')).toMatchObject({
      action: 'allow',
      expression: 'icbc.com.cn/',
      source: 'allowlist',
    });
    expect(list.matchSync('https://www.icbc.com.cn/')).toMatchObject({ action: 'allow' });
  });

  it('canonicalises before matching', () => {
    expect(list.matchSync('HTTP://EVIL.COM.:80/a/../')?.expression).toBe('evil.com/');
    expect(list.matchSync('not a url')).toBeNull();
  });

  it('finds every synthetic entry and nothing unlisted', () => {
    for (const e of entries.slice(-5000))
      expect(list.matchSync(`https://${e.expression}x`)?.expression).toBe(e.expression);
    for (let i = 0; i < 20_000; i++)
      expect(list.matchSync(`https://unlisted${i}.example${i % 7}.com/`)).toBeNull();
  });

  it('confirms hits through an async page reader when pages are not resident', async () => {
    const lean = BlockList.load(bytes, { retainPages: false });
    const reads: number[] = [];
    const readPage = async (page: number) => {
      reads.push(page);
      const { start, end } = lean.pageRange(page);
      return bytes.slice(start, end);
    };
    expect(await lean.match('https://a.evil.com/', readPage)).toMatchObject({
      expression: 'evil.com/',
    });
    expect(await lean.match('https://unlisted.example.net/', readPage)).toBeNull();
    expect(reads).toEqual([lean.pageOf('evil.com/')]);
    expect(() => lean.matchSync('https://evil.com/')).toThrow(/page reader/);
    expect(await list.match('https://evil.com/')).toMatchObject({ action: 'block' });
  });

  it('reports the expressions that hit the filter, usually none', () => {
    expect(list.candidates(['nothing.example/', 'evil.com/'])).toEqual([1]);
    expect(list.candidates([])).toEqual([]);
  });

  it('keeps only the filter and page table resident (~19 bits per entry)', () => {
    expect((list.residentBytes() * 8) / list.entryCount).toBeLessThan(24);
  });

  it('rejects duplicate entries at encode time', async () => {
    await expect(
      encodeList([entry('a.com/'), entry('a.com/', { category: 'scam' })], {
        version: 1,
        createdAt: 0,
      }),
    ).rejects.toThrow(/duplicate/);
  });

  it('encodes and loads an empty list', async () => {
    const empty = BlockList.load(await encodeList([], { version: 1, createdAt: 0 }));
    expect(empty.entryCount).toBe(0);
    expect(empty.matchSync('https://evil.com/')).toBeNull();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { createPersonalBlocklist } from './personal-blocklist';

let dbCount = 0;
const freshDb = () => openDatabase(`test-${++dbCount}`);

describe('personal blocklist', () => {
  it('covers the blocked domain and its subdomains, nothing else', async () => {
    const list = await createPersonalBlocklist(await freshDb());
    await list.add('scam-shop.top');
    expect(list.covering('scam-shop.top')).toBe('scam-shop.top');
    expect(list.covering('pay.www.scam-shop.top')).toBe('scam-shop.top');
    expect(list.covering('scam-shop.top.example.com')).toBeNull();
    expect(list.covering('xscam-shop.top')).toBeNull();
    expect(list.covering('top')).toBeNull();
  });

  it('survives a restart: a new instance on the same database sees the block', async () => {
    const db = await freshDb();
    await (await createPersonalBlocklist(db)).add('fake-bank.xyz', 1000);
    const reopened = await createPersonalBlocklist(db);
    expect(reopened.covering('login.fake-bank.xyz')).toBe('fake-bank.xyz');
    expect(reopened.entries()).toEqual([{ domain: 'fake-bank.xyz', addedAt: 1000 }]);
  });

  it('undoes a block, in memory and on disk', async () => {
    const db = await freshDb();
    const list = await createPersonalBlocklist(db);
    await list.add('fake-bank.xyz');
    expect(await list.remove('fake-bank.xyz')).toBe(true);
    expect(list.covering('fake-bank.xyz')).toBeNull();
    expect((await createPersonalBlocklist(db)).entries()).toEqual([]);
    expect(await list.remove('fake-bank.xyz')).toBe(false);
  });

  it('keeps the first time a domain was added when it is added again', async () => {
    const list = await createPersonalBlocklist(await freshDb());
    await list.add('a.top', 1);
    await list.add('a.top', 2);
    expect(list.entries()).toEqual([{ domain: 'a.top', addedAt: 1 }]);
  });

  it('lists the newest blocks first', async () => {
    const list = await createPersonalBlocklist(await freshDb());
    await list.add('old.top', 1);
    await list.add('new.top', 2);
    expect(list.entries().map((e) => e.domain)).toEqual(['new.top', 'old.top']);
  });
});

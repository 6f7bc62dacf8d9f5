import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { createTrustedSites } from './trusted-sites';

let dbCount = 0;
const freshName = () => `trusted-test-${++dbCount}`;

describe('sites marked as fine', () => {
  it('covers the trusted domain and its subdomains, nothing else', async () => {
    const sites = await createTrustedSites(await openDatabase(freshName()));
    await sites.add('icbc-kefu.top');
    expect(sites.covering('icbc-kefu.top')).toBe('icbc-kefu.top');
    expect(sites.covering('www.icbc-kefu.top')).toBe('icbc-kefu.top');
    expect(sites.covering('icbc-kefu.top.example.com')).toBeNull();
    expect(sites.covering('xicbc-kefu.top')).toBeNull();
    expect(sites.covering('top')).toBeNull();
  });

  it('survives a restart: a new instance on the same database still trusts the site', async () => {
    const db = await openDatabase(freshName());
    await (await createTrustedSites(db)).add('my-paypal-shop.com', 1000);
    const reopened = await createTrustedSites(db);
    expect(reopened.covering('my-paypal-shop.com')).toBe('my-paypal-shop.com');
    expect(reopened.entries()).toEqual([{ domain: 'my-paypal-shop.com', addedAt: 1000 }]);
  });

  it('undoes a decision, in memory and on disk', async () => {
    const db = await openDatabase(freshName());
    const sites = await createTrustedSites(db);
    await sites.add('a.top');
    expect(await sites.remove('a.top')).toBe(true);
    expect(sites.covering('a.top')).toBeNull();
    expect((await createTrustedSites(db)).entries()).toEqual([]);
    expect(await sites.remove('a.top')).toBe(false);
  });

  it('keeps the first time a site was marked, and lists the newest first', async () => {
    const sites = await createTrustedSites(await openDatabase(freshName()));
    await sites.add('old.top', 1);
    await sites.add('new.top', 2);
    await sites.add('old.top', 3);
    expect(sites.entries()).toEqual([
      { domain: 'new.top', addedAt: 2 },
      { domain: 'old.top', addedAt: 1 },
    ]);
  });

  it('adds its store to a database made before it existed, keeping what was there', async () => {
    const name = freshName();
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('personal', { keyPath: 'domain' });
        db.createObjectStore('lists', { keyPath: 'version' });
        db.createObjectStore('list-pages');
        db.createObjectStore('meta');
        db.createObjectStore('reports', { keyPath: 'report.id' });
      },
    });
    await old.put('personal', { domain: 'scam.top', addedAt: 1 });
    old.close();
    const db = await openDatabase(name);
    expect(await db.getAll('personal')).toEqual([{ domain: 'scam.top', addedAt: 1 }]);
    await (await createTrustedSites(db)).add('fine.top');
    expect((await createTrustedSites(db)).covering('fine.top')).toBe('fine.top');
  });
});

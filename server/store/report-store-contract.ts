import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReport } from '../test-server';
import type { ReportStore } from './report-store';

const meta = { allowlisted: false, receivedAt: Date.parse('2025-06-01T12:00:00Z') };

/**
 * The ReportStore contract, one suite for every backend: sqlite-store.test.ts and
 * postgres-store.test.ts each call it with a way to open a fresh, empty store.
 */
export function reportStoreContract(name: string, open: () => Promise<ReportStore>): void {
  describe(`ReportStore contract: ${name}`, () => {
    let store: ReportStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores a report once per id', async () => {
      const report = makeReport({ note: 'asked for a "safe account"' });
      expect(await store.insert(report, meta)).toBe('accepted');
      expect(await store.insert({ ...report, url: 'https://other.test/' }, meta)).toBe('duplicate');
      expect(await store.count()).toBe(1);
      const stored = await store.get(report.id);
      expect(stored).toMatchObject({
        url: report.url,
        note: report.note,
        listVersion: report.listVersion,
        receivedAt: '2025-06-01T12:00:00.000Z',
        domain: 'icbc-kefu.top',
        allowlisted: false,
        status: 'new',
      });
      expect(await store.get('no-such-id')).toBeNull();
    });

    it('stores a report once when the same id arrives many times at once', async () => {
      const report = makeReport();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () => store.insert(report, meta)),
      );
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
      expect(await store.count()).toBe(1);
    });

    it('lists by distinct reporters of the same URL, then oldest first', async () => {
      const at = (minutes: number) => ({ ...meta, receivedAt: meta.receivedAt + minutes * 60_000 });
      const lone = makeReport({ url: 'https://lone.test/' });
      const install = makeReport().installId;
      await store.insert(lone, at(0));
      // Two reports from one install count once; the fragment is ignored.
      await store.insert(makeReport({ url: 'https://pair.test/#a', installId: install }), at(1));
      await store.insert(makeReport({ url: 'https://pair.test/#b', installId: install }), at(2));
      await store.insert(makeReport({ url: 'https://pair.test/' }), at(3));
      // A false-positive report is a different signal and does not add up with scam reports.
      await store.insert(makeReport({ url: 'https://lone.test/', kind: 'false-positive' }), at(4));

      const queue = await store.list({ status: 'new' });
      expect(queue.map((r) => [r.url, r.kind, r.priority])).toEqual([
        ['https://pair.test/#a', 'scam', 2],
        ['https://pair.test/#b', 'scam', 2],
        ['https://pair.test/', 'scam', 2],
        ['https://lone.test/', 'scam', 1],
        ['https://lone.test/', 'false-positive', 1],
      ]);
      expect(await store.list({ limit: 2 })).toHaveLength(2);
      await store.setStatus(lone.id, 'rejected');
      expect((await store.list({ status: 'rejected' })).map((r) => r.id)).toEqual([lone.id]);
    });

    it('ranks by distinct address ranges before install ids, which one machine can invent', async () => {
      // Five invented installs from one /24 …
      for (let i = 0; i < 5; i++) {
        await store.insert(makeReport({ url: 'https://sybil.test/' }), {
          ...meta,
          network: '203.0.113.0/24',
        });
      }
      // … rank below two installs in two ranges.
      for (const network of ['198.51.100.0/24', '2001:db8:1::/48']) {
        await store.insert(makeReport({ url: 'https://real.test/' }), { ...meta, network });
      }
      await store.insert(makeReport({ url: 'https://unknown.test/' }), meta);
      const queue = await store.list();
      expect(queue.map((r) => [r.url, r.networks, r.priority])).toEqual([
        ['https://real.test/', 2, 2],
        ['https://real.test/', 2, 2],
        ...Array(5).fill(['https://sybil.test/', 1, 5]),
        ['https://unknown.test/', 0, 1],
      ]);
      expect((await store.get(queue[0]?.id ?? ''))?.networks).toBe(2);
    });

    it('refuses to approve an allowlisted scam report unless forced', async () => {
      const bank = makeReport({ url: 'https://www.icbc.com.cn/' });
      await store.insert(bank, { ...meta, allowlisted: true });
      expect(await store.setStatus(bank.id, 'approved')).toBe('allowlisted');
      expect((await store.get(bank.id))?.status).toBe('new');
      expect(await store.setStatus(bank.id, 'rejected')).toBe('updated');
      expect(await store.setStatus(bank.id, 'approved', { force: true })).toBe('updated');
      expect((await store.get(bank.id))?.status).toBe('approved');
      expect(await store.setStatus('missing', 'approved')).toBe('not-found');
    });

    it('exports approved scam reports once per URL with the reviewer category', async () => {
      const a = makeReport({ url: 'https://a.test/x#frag', category: 'phishing' });
      const b = makeReport({ url: 'https://b.test/', category: undefined });
      const again = makeReport({ url: 'https://a.test/x', category: 'gambling' });
      const fp = makeReport({ url: 'https://c.test/', kind: 'false-positive' });
      const pending = makeReport({ url: 'https://d.test/' });
      for (const r of [a, b, again, fp, pending]) await store.insert(r, meta);
      await store.setStatus(a.id, 'approved', { category: 'fake-refund', reviewedAt: 1 });
      await store.setStatus(again.id, 'approved', { reviewedAt: 2 });
      await store.setStatus(b.id, 'approved');
      await store.setStatus(fp.id, 'approved');
      expect(await store.approvedEntries()).toEqual([
        // The latest review of a URL decides its category.
        { url: 'https://a.test/x', category: 'gambling' },
        { url: 'https://b.test/' },
      ]);
      const reviewed = await store.get(a.id);
      expect(reviewed?.reviewCategory).toBe('fake-refund');
      expect(reviewed?.reviewedAt).toBe('1970-01-01T00:00:00.001Z');
    });
  });
}

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../shared/report';
import { MAX_BACKOFF_MS } from '../../shared/sync/sync-schedule';
import { openDatabase, type Database } from './db';
import { createReportQueue, type ReportDraft, type ReportQueueDeps } from './report-queue';

const MINUTE = 60_000;
const START = Date.UTC(2025, 0, 1);
let dbCount = 0;

/** A fake report server: answers from `replies` in turn, then 201; records every body. */
function fakeServer(...replies: (number | [number, Record<string, string>] | 'offline')[]) {
  const received: Report[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const reply = replies.shift() ?? 201;
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    const [status, headers] = typeof reply === 'number' ? [reply, {}] : reply;
    received.push(JSON.parse(String(init?.body)) as Report);
    return new Response(JSON.stringify({ error: 'x', reason: 'because' }), { status, headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, received, calls: fetch };
}

const draft = (url: string, kind: Report['kind'] = 'scam'): ReportDraft => ({
  kind,
  url,
  extensionVersion: '0.1.0',
  listVersion: 7,
});

let db: Database;
let clock: number;
let ids: number;
const queueOn = (fetch: typeof globalThis.fetch, more: Partial<ReportQueueDeps> = {}) =>
  createReportQueue({
    db,
    fetch,
    reportUrl: async () => 'https://reports.example/v1/reports',
    now: () => clock,
    random: () => 0,
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...more,
  });

beforeEach(async () => {
  db = await openDatabase(`report-queue-${++dbCount}`);
  clock = START;
  ids = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('report queue', () => {
  it('sends exactly the Report fields, with an id, install id and time fixed at queue time', async () => {
    const server = fakeServer();
    const queue = queueOn(server.fetch);
    const { report } = await queue.enqueue({ ...draft('https://scam.top/pay'), note: 'hi' });
    await queue.flush();
    expect(server.received).toEqual([report]);
    expect(Object.keys(report).sort()).toEqual([
      'createdAt',
      'extensionVersion',
      'id',
      'installId',
      'kind',
      'listVersion',
      'note',
      'url',
    ]);
    expect(report.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expect(report.installId).toBe(await queue.installId());
    expect(await queue.pending()).toEqual([]);
  });

  it('keeps one install id for the installation, across restarts', async () => {
    const first = await queueOn(fakeServer().fetch).installId();
    expect(await queueOn(fakeServer().fetch).installId()).toBe(first);
  });

  it('survives being re-created on the same database (worker or browser restart)', async () => {
    const down = fakeServer('offline');
    const { report } = await queueOn(down.fetch).enqueue(draft('https://scam.top/'));
    await queueOn(down.fetch).flush();
    const up = fakeServer();
    clock += MAX_BACKOFF_MS;
    await queueOn(up.fetch).flush();
    expect(up.received.map((r) => r.id)).toEqual([report.id]);
  });

  it('resends the same id after a lost response, so the server sees a duplicate (200)', async () => {
    const server = fakeServer(503, 200);
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://scam.top/'));
    expect((await queue.flush()).pending).toBe(1);
    clock += MAX_BACKOFF_MS;
    expect(await queue.flush()).toEqual({ delivered: 1, refused: 0, pending: 0 });
    expect(server.received[0]!.id).toBe(server.received[1]!.id);
  });

  it('backs off 15, 30, 60 … minutes after consecutive failures, up to a day', async () => {
    const schedule = vi.fn();
    const server = fakeServer(...Array<'offline'>(10).fill('offline'));
    const queue = queueOn(server.fetch, { schedule });
    await queue.enqueue(draft('https://scam.top/'));
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await queue.flush();
      const { nextAttemptAt } = await queue.state();
      waits.push((nextAttemptAt - clock) / MINUTE);
      expect(schedule).toHaveBeenLastCalledWith(nextAttemptAt);
      clock = nextAttemptAt;
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
  });

  it('does not try again before the back-off is over, unless forced', async () => {
    const server = fakeServer('offline');
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://scam.top/'));
    await queue.flush();
    clock += 5 * MINUTE;
    await queue.flush();
    expect(server.calls).toHaveBeenCalledTimes(1);
    expect(await queue.flush({ force: true })).toMatchObject({ delivered: 1, pending: 0 });
    expect((await queue.state()).failures).toBe(0);
  });

  it.each([429, 503])('honours Retry-After on %i, even when forced', async (status) => {
    const server = fakeServer([status, { 'retry-after': '7200' }]);
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://scam.top/'));
    await queue.flush();
    expect((await queue.state()).nextAttemptAt - clock).toBe(120 * MINUTE);
    clock += 119 * MINUTE;
    expect((await queue.flush({ force: true })).pending).toBe(1);
    expect(server.calls).toHaveBeenCalledTimes(1);
    clock += MINUTE;
    expect((await queue.flush()).delivered).toBe(1);
  });

  it('counts 201 accepted and 200 duplicate both as delivered', async () => {
    const server = fakeServer(201, 200);
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://a.top/'));
    await queue.enqueue(draft('https://b.top/'));
    expect(await queue.flush()).toEqual({ delivered: 2, refused: 0, pending: 0 });
  });

  it('drops a report the server refuses (4xx), counts it and goes on with the next', async () => {
    const server = fakeServer(400, 201);
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://a.top/'));
    await queue.enqueue(draft('https://b.top/'));
    expect(await queue.flush()).toEqual({ delivered: 1, refused: 1, pending: 0 });
    expect((await queue.state()).refused).toBe(1);
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('keeps one report per URL and kind while it is queued', async () => {
    const queue = queueOn(fakeServer('offline').fetch);
    const first = await queue.enqueue(draft('https://scam.top/'));
    const again = await queue.enqueue(draft('https://scam.top/'));
    const mistake = await queue.enqueue(draft('https://scam.top/', 'false-positive'));
    expect(again).toEqual({ report: first.report, duplicate: true });
    expect(mistake.duplicate).toBe(false);
    expect(await queue.pending()).toHaveLength(2);
  });

  it('drops the oldest report when full and counts what it dropped', async () => {
    const queue = queueOn(fakeServer().fetch, { limit: 3 });
    for (const n of [1, 2, 3, 4, 5]) {
      clock += 1000;
      await queue.enqueue(draft(`https://scam-${n}.top/`));
    }
    expect((await queue.pending()).map((q) => q.report.url)).toEqual([
      'https://scam-3.top/',
      'https://scam-4.top/',
      'https://scam-5.top/',
    ]);
    expect((await queue.state()).dropped).toBe(2);
  });

  it('withdraws a queued report, and says so only while it is queued', async () => {
    const server = fakeServer('offline');
    const queue = queueOn(server.fetch);
    const { report } = await queue.enqueue(draft('https://scam.top/'));
    expect(await queue.withdraw(report.id)).toBe(true);
    const sent = await queue.enqueue(draft('https://other.top/'));
    await queue.flush({ force: true });
    await queue.flush({ force: true });
    expect(await queue.withdraw(sent.report.id)).toBe(false);
    expect(server.received.map((r) => r.url)).toEqual(['https://other.top/']);
  });

  it('sends each report once when two flushes overlap', async () => {
    const server = fakeServer();
    const queue = queueOn(server.fetch);
    await queue.enqueue(draft('https://scam.top/'));
    await Promise.all([queue.flush(), queue.flush()]);
    expect(server.received).toHaveLength(1);
  });

  it('remembers that the user has seen the preview', async () => {
    expect(await queueOn(fakeServer().fetch).previewSeen()).toBe(false);
    await queueOn(fakeServer().fetch).markPreviewSeen();
    expect(await queueOn(fakeServer().fetch).previewSeen()).toBe(true);
  });
});

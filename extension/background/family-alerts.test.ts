import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { createSqliteRelayStore } from '../../server/relay/sqlite-relay-store';
import type { RelayStore } from '../../server/relay/relay-store';
import { createSqliteStore } from '../../server/store/sqlite-store';
import type { ReportStore } from '../../server/store/report-store';
import { parseAlert, SILENCE_HOURS } from '../../shared/family-alerts';
import { fromBase64url, open, seal } from '../../shared/family-crypto';
import type { FamilyChannel } from '../../shared/settings';
import { openDatabase } from './db';
import { createFamilyLink, type LinkRecord } from './family-link';
import {
  createFamilyWatch,
  EMPTY_WATCH_STATE,
  type WatchNotice,
  type WatchState,
} from './family-watch';
import { createRelayClient } from './relay-client';

// Both sides of family alerts against the real service (relay on a SQLite file) over real
// HTTP on loopback; only the browser storage is replaced, by fake-indexeddb and memory.
const HOUR = 3_600_000;
let dir: string;
let app: FastifyInstance;
let reports: ReportStore;
let relayStore: RelayStore;
let relayUrl: string;
const clock = { now: Date.parse('2026-06-01T12:00:00Z') };
let dbCount = 0;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scam-guard-alerts-'));
  reports = createSqliteStore(join(dir, 'service.db'));
  relayStore = createSqliteRelayStore(join(dir, 'service.db'));
  app = buildServer({ store: reports, relay: relayStore, now: () => clock.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  relayUrl = `http://127.0.0.1:${address.port}/v1/relay`;
});

afterEach(async () => {
  await app.close();
  await relayStore.close();
  await reports.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `fetch` that can be taken offline, or made to lose the answer after the request arrived. */
function network() {
  const state = { offline: false, loseAnswers: 0 };
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (state.offline) throw new TypeError('Failed to fetch');
    const response = await fetch(input, init);
    if (state.loseAnswers > 0) {
      state.loseAnswers--;
      throw new TypeError('network changed');
    }
    return response;
  }) as typeof fetch;
  return { state, fetch: fetcher };
}

async function protectedBrowser(
  policy: { channel: FamilyChannel | null; required: boolean } = {
    channel: null,
    required: false,
  },
) {
  const net = network();
  let record: LinkRecord | null = null;
  const uninstallUrls: string[] = [];
  const scheduled: (number | null)[] = [];
  const link = createFamilyLink({
    db: await openDatabase(`alerts-${dbCount++}`),
    relay: createRelayClient({ fetch: net.fetch, relayUrl: async () => relayUrl }),
    store: {
      get: async () => record,
      set: async (next) => {
        record = next;
      },
    },
    policy: async () => policy,
    relayUrl: async () => relayUrl,
    setUninstallUrl: async (url) => {
      uninstallUrls.push(url);
    },
    schedule: (at) => scheduled.push(at),
    now: () => clock.now,
  });
  return { link, net, uninstallUrls, scheduled, record: () => record };
}

function relativeBrowser() {
  const net = network();
  let state: WatchState = structuredClone(EMPTY_WATCH_STATE);
  const shown: { id: string; notice: WatchNotice }[] = [];
  const watch = createFamilyWatch({
    relay: createRelayClient({ fetch: net.fetch, relayUrl: async () => relayUrl }),
    store: {
      get: async () => structuredClone(state),
      set: async (next) => {
        state = structuredClone(next);
      },
    },
    notify: async (id, notice) => {
      shown.push({ id, notice });
    },
    polling: () => undefined,
    now: () => clock.now,
  });
  return { watch, net, shown };
}

async function paired() {
  const relative = relativeBrowser();
  const mum = await protectedBrowser();
  const { code } = await relative.watch.start('Mum', '+86 138 0000 0000');
  const link = await mum.link.pair(code);
  const { paired: watch } = await relative.watch.pending();
  return { relative, mum, link, watch: watch! };
}

const alertsShown = (shown: { notice: WatchNotice }[]) =>
  shown.flatMap(({ notice }) => (notice.kind === 'alert' ? [notice.alert] : []));

describe('pairing', () => {
  it('pairs with the one-time code, and both screens show the same check code', async () => {
    const { link, watch } = await paired();
    expect(link.paired).toBe(true);
    expect(link.checkCode).toMatch(/^[0-9]{3} [0-9]{3}$/);
    expect(watch.checkCode).toBe(link.checkCode);
    expect(watch.name).toBe('Mum');
  });

  it('shows the check code even when the poll alarm completed the pairing first', async () => {
    const relative = relativeBrowser();
    const mum = await protectedBrowser();
    const { code } = await relative.watch.start('Mum', '');
    const link = await mum.link.pair(code);
    await relative.watch.poll();
    const { pending, paired } = await relative.watch.pending();
    expect(pending).toBeNull();
    expect(paired?.checkCode).toBe(link.checkCode);
    expect((await relative.watch.pending()).paired).toBeNull();
  });

  it('refuses a used code without pairing a second browser', async () => {
    const relative = relativeBrowser();
    const first = await protectedBrowser();
    const second = await protectedBrowser();
    const { code } = await relative.watch.start('Dad', '');
    await first.link.pair(code);
    const again = await second.link.pair(code);
    expect(again).toMatchObject({ refused: true, paired: false });
    expect(second.record()).toBeNull();
  });

  it('refuses an expired code, and the relative is told it expired', async () => {
    const relative = relativeBrowser();
    const mum = await protectedBrowser();
    const { code } = await relative.watch.start('Mum', '');
    clock.now += 11 * 60_000;
    expect(await mum.link.pair(code)).toMatchObject({ refused: true });
    expect(await relative.watch.pending()).toEqual({ pending: null, paired: null });
  });

  it('points the uninstall page at the relay with a sealed "removed" alert', async () => {
    const { mum, watch } = await paired();
    const url = mum.uninstallUrls.at(-1)!;
    // Chrome refuses an uninstall URL of more than 1,023 characters.
    expect(url.length).toBeLessThanOrEqual(1023);
    const box = new URL(url).searchParams.get('box')!;
    expect(url.startsWith(`${relayUrl}/channels/${watch.channelId}/farewell?box=`)).toBe(true);
    const key = mum.record()!.key;
    expect(parseAlert(await open(fromBase64url(key), watch.channelId, box))).toMatchObject({
      kind: 'removed',
    });
  });
});

describe('alerts', () => {
  it('tells the relative of a warning with its host and category, once', async () => {
    const { relative, mum } = await paired();
    await mum.link.notify('warning', {
      url: 'https://fake-police.example/case?id=123#secret',
      category: 'police-impersonation',
    });
    await relative.watch.poll();
    await relative.watch.poll();
    const shown = alertsShown(relative.shown);
    expect(shown).toHaveLength(1);
    // The host only: never the path, the query or the fragment.
    expect(shown[0]).toMatchObject({
      kind: 'warning',
      host: 'fake-police.example',
      category: 'police-impersonation',
    });
    expect(JSON.stringify(shown[0])).not.toContain('case');
    // The check-in sent at pairing is heard, not shown.
    expect((await relative.watch.list()).watches[0]!.lastHeardAt).toBe(clock.now);
    expect((await relative.watch.list()).alerts).toHaveLength(1);
  });

  it('sends one warning per host in ten minutes, however often the page is reloaded', async () => {
    const { relative, mum } = await paired();
    for (let i = 0; i < 3; i++) await mum.link.notify('warning', { url: 'https://a.example/' });
    await mum.link.notify('warning', { url: 'https://b.example/' });
    clock.now += 11 * 60_000;
    await mum.link.notify('warning', { url: 'https://a.example/' });
    await relative.watch.poll();
    expect(alertsShown(relative.shown).map((a) => a.host)).toEqual([
      'a.example',
      'b.example',
      'a.example',
    ]);
  });

  it('keeps alerts raised offline and sends them when back, in order', async () => {
    const { relative, mum } = await paired();
    mum.net.state.offline = true;
    await mum.link.notify('warning', { url: 'https://one.example/' });
    await mum.link.notify('proceed', { url: 'https://one.example/' });
    expect((await mum.link.status()).pending).toBe(2);
    expect(mum.scheduled.at(-1)).toBeGreaterThan(clock.now);
    mum.net.state.offline = false;
    clock.now += 60_000;
    await mum.link.flush();
    expect((await mum.link.status()).pending).toBe(0);
    await relative.watch.poll();
    expect(alertsShown(relative.shown).map((a) => a.kind)).toEqual(['warning', 'proceed']);
  });

  it('shows an alert whose answer was lost, and so was sent twice, only once', async () => {
    const { relative, mum, watch } = await paired();
    mum.net.state.loseAnswers = 1;
    await mum.link.notify('report', { url: 'https://shop.example/' });
    expect((await mum.link.status()).pending).toBe(1);
    clock.now += 60_000;
    await mum.link.flush();
    // The check-in from pairing, and the report twice.
    expect(await relayStore.messages(watch.channelId, 0, clock.now, 50)).toHaveLength(3);
    await relative.watch.poll();
    expect(alertsShown(relative.shown)).toHaveLength(1);
  });

  it('ignores a box sealed with another key', async () => {
    const { relative, watch } = await paired();
    const stranger = new Uint8Array(32).fill(7);
    const forged = await seal(stranger, watch.channelId, {
      v: 1,
      id: 'x'.repeat(22),
      kind: 'warning',
      at: clock.now,
      host: 'evil.example',
    });
    await relayStore.postMessage(watch.channelId, forged, clock.now + HOUR);
    await relative.watch.poll();
    expect(alertsShown(relative.shown)).toEqual([]);
  });

  it('tells the relative when the browser has gone quiet, once', async () => {
    const { relative } = await paired();
    await relative.watch.poll();
    clock.now += (SILENCE_HOURS + 1) * HOUR;
    await relative.watch.poll();
    await relative.watch.poll();
    expect(relative.shown.filter(({ notice }) => notice.kind === 'quiet')).toHaveLength(1);
  });
});

describe('unpairing', () => {
  it('unpairing on the protected browser stops alerts, and the relative is told', async () => {
    const { relative, mum } = await paired();
    await mum.link.unpair();
    await mum.link.notify('warning', { url: 'https://after.example/' });
    await relative.watch.poll();
    expect(relative.shown.map(({ notice }) => notice.kind)).toEqual(['ended']);
    expect(mum.uninstallUrls.at(-1)).toBe('');
  });

  it('when the relative removes the pairing, the protected browser stops sending', async () => {
    const { relative, mum, watch } = await paired();
    await relative.watch.remove(watch.channelId);
    await mum.link.notify('warning', { url: 'https://gone.example/' });
    const status = await mum.link.status();
    expect(status).toMatchObject({ ended: true, pending: 0 });
    expect(mum.uninstallUrls.at(-1)).toBe('');
  });

  it('cannot unpair a channel that policy set, or when policy requires alerts', async () => {
    const { mum } = await paired();
    const forced = await protectedBrowser({
      channel: { ...mum.record()!, pairedAt: undefined } as unknown as FamilyChannel,
      required: false,
    });
    await expect(forced.link.unpair()).rejects.toThrow(/administrator/);
    const required = await protectedBrowser({ channel: null, required: true });
    const relative = relativeBrowser();
    const { code } = await relative.watch.start('Gran', '');
    await required.link.pair(code);
    await expect(required.link.unpair()).rejects.toThrow(/administrator/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairingSlot, RelayStore } from './relay-store';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;
let serial = 0;

/** A slot with unique id, code and channel; override any field. */
function makeSlot(overrides: Partial<Omit<PairingSlot, 'watchedKey'>> = {}) {
  serial += 1;
  const n = String(serial).padStart(8, '0');
  return {
    id: `slot-${n}-${Math.random().toString(36).slice(2)}`,
    code: n,
    watcherKey: 'w'.repeat(43),
    channelId: `channel-${n}-${Math.random().toString(36).slice(2)}`,
    expiresAt: NOW + 600_000,
    ...overrides,
  };
}

/**
 * The RelayStore contract, one suite for every backend: sqlite-store.test.ts and
 * postgres-store.test.ts each call it with a way to open a fresh, empty store.
 */
export function relayStoreContract(name: string, open: () => Promise<RelayStore>): void {
  describe(`RelayStore contract: ${name}`, () => {
    let store: RelayStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    async function paired(): Promise<string> {
      const slot = makeSlot();
      await store.createPairing(slot);
      const claimed = await store.claimPairing(slot.code, 'k'.repeat(43), NOW);
      if (!claimed) throw new Error('claim refused');
      return claimed.channelId;
    }

    it('offers a slot once per code and shows it waiting until its code is used', async () => {
      const slot = makeSlot();
      expect(await store.createPairing(slot)).toBe('created');
      expect(await store.createPairing(makeSlot({ code: slot.code }))).toBe('code-taken');
      expect(await store.getPairing(slot.id, NOW)).toEqual({ ...slot, watchedKey: null });
      expect(await store.channelExists(slot.channelId)).toBe(false);
    });

    it('uses a code once: the claim opens the channel and hands over both keys', async () => {
      const slot = makeSlot();
      await store.createPairing(slot);
      const claimed = await store.claimPairing(slot.code, 'k'.repeat(43), NOW);
      expect(claimed).toMatchObject({
        id: slot.id,
        watcherKey: slot.watcherKey,
        watchedKey: 'k'.repeat(43),
        channelId: slot.channelId,
      });
      expect(await store.channelExists(slot.channelId)).toBe(true);
      expect((await store.getPairing(slot.id, NOW))?.watchedKey).toBe('k'.repeat(43));
      expect(await store.claimPairing(slot.code, 'x'.repeat(43), NOW)).toBeNull();
      // The spent code is free for a new slot.
      expect(await store.createPairing(makeSlot({ code: slot.code }))).toBe('created');
    });

    it('refuses a wrong code and an expired one, and forgets an expired slot', async () => {
      const slot = makeSlot({ expiresAt: NOW + 1000 });
      await store.createPairing(slot);
      expect(await store.claimPairing('99999999', 'k'.repeat(43), NOW)).toBeNull();
      expect(await store.claimPairing(slot.code, 'k'.repeat(43), NOW + 1000)).toBeNull();
      expect(await store.getPairing(slot.id, NOW + 1000)).toBeNull();
      expect(await store.channelExists(slot.channelId)).toBe(false);
    });

    it('lets exactly one of many claims of one code made at once succeed', async () => {
      const slot = makeSlot();
      await store.createPairing(slot);
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.claimPairing(slot.code, String(i).padStart(43, 'k'), NOW),
        ),
      );
      const won = claims.filter((c) => c !== null);
      expect(won).toHaveLength(1);
      expect((await store.getPairing(slot.id, NOW))?.watchedKey).toBe(won[0]?.watchedKey);
    });

    it('pages messages oldest first from a cursor, one channel at a time', async () => {
      const channel = await paired();
      const other = await paired();
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await store.postMessage(channel, `box-${i}`, NOW + HOUR)) ?? -1);
        await store.postMessage(other, `other-${i}`, NOW + HOUR);
      }
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const seen: string[] = [];
      let after = 0;
      for (;;) {
        const page = await store.messages(channel, after, NOW, 2);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((m) => m.box));
        after = page.at(-1)?.id ?? after;
      }
      expect(seen).toEqual(['box-0', 'box-1', 'box-2', 'box-3', 'box-4']);
      expect(await store.messages(channel, ids[2] ?? 0, NOW, 50)).toEqual([
        { id: ids[3], box: 'box-3' },
        { id: ids[4], box: 'box-4' },
      ]);
    });

    it('keeps every one of many messages posted at once, each under its own id', async () => {
      const channel = await paired();
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.postMessage(channel, `box-${i}`, NOW + HOUR)),
      );
      expect(new Set(ids).size).toBe(20);
      const boxes = (await store.messages(channel, 0, NOW, 50)).map((m) => m.box);
      expect(boxes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `box-${i}`).sort());
    });

    it('hides messages at their expiry and purges them and expired slots from storage', async () => {
      const channel = await paired();
      await store.postMessage(channel, 'short', NOW + 1000);
      await store.postMessage(channel, 'long', NOW + HOUR);
      const stale = makeSlot({ expiresAt: NOW + 1000 });
      await store.createPairing(stale);
      const boxes = async (at: number) =>
        (await store.messages(channel, 0, at, 50)).map((m) => m.box);
      expect(await boxes(NOW + 1000)).toEqual(['long']);

      expect(await store.purgeExpired(NOW + 1000)).toBe(2);
      // Asked as of an earlier time, only what is still stored can come back.
      expect(await boxes(NOW)).toEqual(['long']);
      expect(await store.getPairing(stale.id, NOW)).toBeNull();
      expect(await store.purgeExpired(NOW + 1000)).toBe(0);
    });

    it('unpairs: deleting a channel removes the messages queued on it', async () => {
      const channel = await paired();
      const other = await paired();
      await store.postMessage(channel, 'queued', NOW + HOUR);
      await store.postMessage(other, 'kept', NOW + HOUR);
      expect(await store.deleteChannel(channel)).toBe(true);
      expect(await store.channelExists(channel)).toBe(false);
      expect(await store.messages(channel, 0, NOW, 50)).toEqual([]);
      expect(await store.postMessage(channel, 'late', NOW + HOUR)).toBeNull();
      expect(await store.deleteChannel(channel)).toBe(false);
      expect((await store.messages(other, 0, NOW, 50)).map((m) => m.box)).toEqual(['kept']);
    });

    it('refuses a message for a channel that never existed', async () => {
      expect(await store.postMessage('no-such-channel', 'box', NOW + HOUR)).toBeNull();
    });
  });
}

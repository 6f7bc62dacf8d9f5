import type { AlertLinkView } from '../../shared/alert-messages';
import type { Category } from '../../shared/categories';
import {
  ALERT_TTL_SECONDS,
  REPEAT_WINDOW_MS,
  alertHost,
  type AlertKind,
  type FamilyAlert,
} from '../../shared/family-alerts';
import {
  agreeKeys,
  fromBase64url,
  newKeyPair,
  seal,
  toBase64url,
} from '../../shared/family-crypto';
import { scenarioCategory } from '../../shared/content';
import type { FamilyChannel } from '../../shared/settings';
import type { Verdict } from '../../shared/verdict';
import type { Database } from './db';
import { oneAtATime } from './one-at-a-time';
import { RelayError, type RelayClient } from './relay-client';

/**
 * The protected browser's side of family alerts: the pairing with one relative's browser,
 * and an outbox in IndexedDB so that an alert raised while offline, while the relay is down
 * or just before the worker is stopped is sent later rather than lost. Each alert's id is
 * fixed when it is queued, so a retry after a lost answer arrives as a duplicate the
 * relative's browser drops, never as a second alert.
 */

/** The pairing as stored on this browser (`storage.local`), or as policy gives it. */
export interface LinkRecord extends FamilyChannel {
  pairedAt: number | null;
}

export interface QueuedAlert {
  alert: FamilyAlert;
  channelId: string;
  /** Sending order: the time queued, in microseconds, so alerts of one millisecond keep theirs. */
  order: number;
}

interface OutboxState {
  failures: number;
  nextAttemptAt: number;
  lastSentAt: number | null;
  /** The channel the relay said is gone: the relative unpaired this browser. */
  endedChannel: string | null;
  /** When each host last raised a warning alert, to send one per REPEAT_WINDOW_MS. */
  recent: Record<string, number>;
}

const STATE_KEY = 'alertOutbox';
const INITIAL: OutboxState = {
  failures: 0,
  nextAttemptAt: 0,
  lastSentAt: null,
  endedChannel: null,
  recent: {},
};
const OUTBOX_LIMIT = 200;
const MAX_RETRY_MS = 30 * 60_000;

export interface FamilyLinkDeps {
  db: Database;
  relay: RelayClient;
  /** The pairing made on this browser, kept in `storage.local`. */
  store: { get(): Promise<LinkRecord | null>; set(record: LinkRecord | null): Promise<void> };
  /** What policy says: a channel paired beforehand, and whether alerts may be switched off. */
  policy: () => Promise<{ channel: FamilyChannel | null; required: boolean }>;
  relayUrl: () => Promise<string>;
  /** `runtime.setUninstallURL`: '' clears it. */
  setUninstallUrl: (url: string) => Promise<void>;
  /** Wakes the outbox at `at` (an alarm), or says nothing waits (null). */
  schedule: (at: number | null) => void;
  now?: () => number;
  randomId?: () => string;
}

export interface AlertDetails {
  url?: string;
  category?: Category;
}

/** What an alert says of a warning: its page (the host is all that is sent) and category. */
export function alertDetails(verdict: Verdict): AlertDetails {
  const category =
    verdict.category ??
    (verdict.content ? scenarioCategory(verdict.content.scenario) : undefined) ??
    (verdict.lookalike ? 'phishing' : undefined);
  return { url: verdict.url, ...(category ? { category } : {}) };
}

export interface FamilyLink {
  status(): Promise<AlertLinkView>;
  /** Uses the relative's code; `refused` when it is wrong, used or expired. */
  pair(code: string): Promise<AlertLinkView & { refused?: true }>;
  unpair(): Promise<AlertLinkView>;
  /**
   * Queues an alert and tries to send it; nothing happens on a browser that is not paired.
   * Never rejects: a failure is logged.
   */
  notify(kind: AlertKind, details?: AlertDetails): Promise<void>;
  flush(): Promise<void>;
  /** Points the uninstall page at the relay with a sealed "removed" alert, or clears it. */
  refreshFarewell(): Promise<void>;
}

export function createFamilyLink(deps: FamilyLinkDeps): FamilyLink {
  const { db, relay } = deps;
  const now = deps.now ?? Date.now;
  const randomId = deps.randomId ?? (() => toBase64url(crypto.getRandomValues(new Uint8Array(16))));
  let sequence = 0;
  // One send at a time, so two triggers never post the same alert at once.
  const serial = oneAtATime();

  const readState = async (): Promise<OutboxState> => ({
    ...INITIAL,
    ...((await db.get('meta', STATE_KEY)) as Partial<OutboxState> | undefined),
  });
  const writeState = async (change: Partial<OutboxState>) =>
    db.put('meta', { ...(await readState()), ...change }, STATE_KEY);

  /** The policy's channel wins over one paired here: an administrator's pairing sticks. */
  async function link(): Promise<{ record: LinkRecord; forced: boolean } | null> {
    const { channel, required } = await deps.policy();
    if (channel) return { record: { ...channel, pairedAt: null }, forced: true };
    const record = await deps.store.get();
    return record ? { record, forced: required } : null;
  }

  async function status(): Promise<AlertLinkView> {
    const [current, state, pending, { required }] = await Promise.all([
      link(),
      readState(),
      db.count('alerts'),
      deps.policy(),
    ]);
    return {
      paired: current !== null,
      checkCode: current?.record.checkCode ?? null,
      pairedAt: current?.record.pairedAt ?? null,
      ended: current !== null && state.endedChannel === current.record.channelId,
      forced: current?.forced ?? required,
      pending,
      lastSentAt: state.lastSentAt,
    };
  }

  async function retryLater(failures: number, retryAt?: number) {
    const wait = Math.min(30_000 * 2 ** (failures - 1), MAX_RETRY_MS);
    const at = Math.max(retryAt ?? 0, now() + wait);
    await writeState({ failures, nextAttemptAt: at });
    deps.schedule(at);
  }

  async function ended(channelId: string) {
    await db.clear('alerts');
    await writeState({ endedChannel: channelId, failures: 0, nextAttemptAt: 0 });
    deps.schedule(null);
    await deps.setUninstallUrl('');
  }

  const flush = () =>
    serial(async () => {
      const current = await link();
      const state = await readState();
      if (!current || state.endedChannel === current.record.channelId) return;
      const { channelId, key } = current.record;
      const entries = (await db.getAll('alerts')).sort((a, b) => a.order - b.order);
      for (const entry of entries) {
        if (entry.channelId !== channelId) {
          // Queued for an earlier pairing: never sent to whoever watches now.
          await db.delete('alerts', entry.alert.id);
          continue;
        }
        try {
          const box = await seal(fromBase64url(key), channelId, entry.alert);
          await relay.postMessage(channelId, box, ALERT_TTL_SECONDS);
        } catch (error) {
          if (!(error instanceof RelayError)) throw error;
          if (error.kind === 'gone') return ended(channelId);
          if (error.kind === 'refused') {
            // The relay will never take this one as it is; keep the rest moving.
            console.error('family alert refused', error.message);
            await db.delete('alerts', entry.alert.id);
            continue;
          }
          return retryLater(state.failures + 1, error.retryAt);
        }
        await db.delete('alerts', entry.alert.id);
        await writeState({ lastSentAt: now() });
      }
      await writeState({ failures: 0, nextAttemptAt: 0 });
      deps.schedule(null);
      return undefined;
    });

  async function enqueue(alert: FamilyAlert, channelId: string) {
    const tx = db.transaction('alerts', 'readwrite');
    await tx.store.put({ alert, channelId, order: now() * 1000 + (sequence++ % 1000) });
    // A flood of warnings must not fill the disk: the oldest go first.
    let excess = (await tx.store.count()) - OUTBOX_LIMIT;
    if (excess > 0) {
      const oldest = (await tx.store.getAll()).sort((a, b) => a.order - b.order);
      for (const entry of oldest) {
        if (excess-- <= 0) break;
        await tx.store.delete(entry.alert.id);
      }
    }
    await tx.done;
  }

  // Callers raise alerts on their way to something else (a warning, a reset): a failure
  // here is logged, never thrown into them.
  const notify = (kind: AlertKind, details: AlertDetails = {}) =>
    raise(kind, details).catch((error: unknown) => console.error('family alert', error));

  async function raise(kind: AlertKind, details: AlertDetails) {
    const current = await link();
    if (!current) return;
    const state = await readState();
    if (state.endedChannel === current.record.channelId) return;
    const host = details.url ? alertHost(details.url) : undefined;
    if (kind === 'warning' && host) {
      const last = state.recent[host];
      if (last !== undefined && now() - last < REPEAT_WINDOW_MS) return;
      const recent = Object.fromEntries(
        Object.entries(state.recent).filter(([, at]) => now() - at < REPEAT_WINDOW_MS),
      );
      await writeState({ recent: { ...recent, [host]: now() } });
    }
    const alert: FamilyAlert = {
      v: 1,
      id: randomId(),
      kind,
      at: now(),
      ...(host ? { host } : {}),
      ...(details.category ? { category: details.category } : {}),
    };
    await enqueue(alert, current.record.channelId);
    if (now() >= state.nextAttemptAt) await flush();
  }

  async function refreshFarewell() {
    const current = await link();
    const state = await readState();
    if (!current || state.endedChannel === current.record.channelId) {
      await deps.setUninstallUrl('');
      return;
    }
    const { channelId, key } = current.record;
    const box = await seal(fromBase64url(key), channelId, {
      v: 1,
      id: randomId(),
      kind: 'removed',
      at: now(),
    } satisfies FamilyAlert);
    const base = (await deps.relayUrl()).replace(/\/+$/, '');
    await deps.setUninstallUrl(`${base}/channels/${channelId}/farewell?box=${box}`);
  }

  async function pair(code: string) {
    const digits = code.replace(/\s+/g, '');
    if (!/^[0-9]{8}$/.test(digits)) throw new Error('the code is 8 digits');
    if ((await deps.policy()).channel) throw new Error('paired by your administrator');
    const own = newKeyPair();
    const claimed = await relay.claimPairing(digits, toBase64url(own.publicKey));
    if (!claimed) return { ...(await status()), refused: true as const };
    const peer = fromBase64url(claimed.peerPublicKey);
    const keys = agreeKeys(own.secretKey, peer, { watcher: peer, watched: own.publicKey });
    await deps.store.set({
      channelId: claimed.channelId,
      key: toBase64url(keys.key),
      checkCode: keys.checkCode,
      pairedAt: now(),
    });
    await db.clear('alerts');
    await writeState({ endedChannel: null, failures: 0, nextAttemptAt: 0 });
    await refreshFarewell();
    // The first word on the channel: the relative's screen shows the browser is there.
    await notify('check-in');
    return status();
  }

  async function unpair() {
    const current = await link();
    if (!current) return status();
    if (current.forced) throw new Error('alerts are required by your administrator');
    try {
      await relay.deleteChannel(current.record.channelId);
    } catch (error) {
      // Gone already is what unpairing wants; anything else must be retried, or the
      // relative would never learn that alerts stopped.
      if (!(error instanceof RelayError && error.kind === 'gone')) throw error;
    }
    await deps.store.set(null);
    await db.clear('alerts');
    await writeState({ endedChannel: null, failures: 0, nextAttemptAt: 0 });
    deps.schedule(null);
    await deps.setUninstallUrl('');
    return status();
  }

  return { status, pair, unpair, notify, flush, refreshFarewell };
}

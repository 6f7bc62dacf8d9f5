import type { PendingWatch, ReceivedAlert, WatchView } from '../../shared/alert-messages';
import { SILENCE_HOURS, isShown, parseAlert, type FamilyAlert } from '../../shared/family-alerts';
import {
  agreeKeys,
  fromBase64url,
  newKeyPair,
  open,
  toBase64url,
} from '../../shared/family-crypto';
import { oneAtATime } from './one-at-a-time';
import { RelayError, type RelayClient } from './relay-client';

/**
 * The relative's side of family alerts ("Watch over someone"): one-time codes offered to a
 * protected browser, the browsers paired that way, and the alerts fetched from the relay,
 * each shown once as a notification and kept in a short inbox the options page lists.
 */

interface PendingRecord extends PendingWatch {
  pairingId: string;
  phone: string;
  secretKey: string;
  publicKey: string;
}

interface WatchRecord extends WatchView {
  key: string;
  /** The relay's id of the last message read on this channel. */
  cursor: number;
  /** When the relative was told the browser went quiet; cleared when it speaks again. */
  quietSince: number | null;
}

export interface WatchState {
  pending: PendingRecord | null;
  watches: WatchRecord[];
  /** Newest first. */
  inbox: ReceivedAlert[];
  /** Alert ids already handled, newest last: the relay may deliver a retried alert twice. */
  seen: string[];
  /**
   * A pairing the poll alarm completed while the options page waited: the page's next
   * question still learns of it, and shows its check code.
   */
  justPaired: string | null;
}

export const EMPTY_WATCH_STATE: WatchState = {
  pending: null,
  watches: [],
  inbox: [],
  seen: [],
  justPaired: null,
};
const INBOX_LIMIT = 100;
const SEEN_LIMIT = 1000;
const HOUR = 3_600_000;

/** What the relative's browser shows; the text is made by the caller, in the user's language. */
export type WatchNotice =
  | { kind: 'alert'; watch: WatchView; alert: FamilyAlert }
  | { kind: 'quiet'; watch: WatchView; hours: number }
  | { kind: 'ended'; watch: WatchView };

export interface FamilyWatchDeps {
  relay: RelayClient;
  store: { get(): Promise<WatchState>; set(state: WatchState): Promise<void> };
  notify: (id: string, notice: WatchNotice) => Promise<void>;
  /** Told whether anything is left to poll for, so the poll alarm runs only when needed. */
  polling: (active: boolean) => void;
  now?: () => number;
}

export interface FamilyWatch {
  start(name: string, phone: string): Promise<PendingWatch>;
  pending(): Promise<{ pending: PendingWatch | null; paired: WatchView | null }>;
  cancel(): Promise<void>;
  list(): Promise<{ watches: WatchView[]; alerts: ReceivedAlert[] }>;
  remove(channelId: string): Promise<{ watches: WatchView[]; alerts: ReceivedAlert[] }>;
  /** Fetches what arrived on every channel; run by the poll alarm. */
  poll(): Promise<void>;
}

const view = ({ channelId, name, phone, checkCode, pairedAt, lastHeardAt, ended }: WatchRecord) =>
  ({ channelId, name, phone, checkCode, pairedAt, lastHeardAt, ended }) satisfies WatchView;
const pendingView = ({ code, expiresAt, name }: PendingRecord): PendingWatch => ({
  code,
  expiresAt,
  name,
});

export function createFamilyWatch(deps: FamilyWatchDeps): FamilyWatch {
  const { relay, store } = deps;
  const now = deps.now ?? Date.now;
  // Every change is read-modify-write of one record: one at a time.
  const serial = oneAtATime();
  const save = async (state: WatchState) => {
    await store.set(state);
    deps.polling(state.pending !== null || state.watches.some((w) => !w.ended));
  };

  const start = (name: string, phone: string) =>
    serial(async () => {
      const cleanName = name.trim();
      if (!cleanName || cleanName.length > 60) throw new Error('the name is 1 to 60 characters');
      if (!/^[0-9+\-() ]{0,24}$/.test(phone.trim()))
        throw new Error('the phone number is not valid');
      const own = newKeyPair();
      const publicKey = toBase64url(own.publicKey);
      const slot = await relay.createPairing(publicKey);
      const pending: PendingRecord = {
        ...slot,
        name: cleanName,
        phone: phone.trim(),
        secretKey: toBase64url(own.secretKey),
        publicKey,
      };
      await save({ ...(await store.get()), pending, justPaired: null });
      return pendingView(pending);
    });

  /** Asks the relay once whether the code was used; pairs when it was. */
  async function settlePending(state: WatchState): Promise<WatchRecord | null> {
    const { pending } = state;
    if (!pending) return null;
    let answer: Awaited<ReturnType<RelayClient['pairingState']>>;
    try {
      answer = await relay.pairingState(pending.pairingId);
    } catch (error) {
      if (error instanceof RelayError && error.kind === 'gone') {
        state.pending = null;
        return null;
      }
      throw error;
    }
    if (answer.state === 'waiting') {
      if (now() >= pending.expiresAt) state.pending = null;
      return null;
    }
    const own = fromBase64url(pending.publicKey);
    const peer = fromBase64url(answer.peerPublicKey);
    const keys = agreeKeys(fromBase64url(pending.secretKey), peer, { watcher: own, watched: peer });
    const watch: WatchRecord = {
      channelId: answer.channelId,
      name: pending.name,
      phone: pending.phone,
      checkCode: keys.checkCode,
      pairedAt: now(),
      lastHeardAt: null,
      ended: false,
      key: toBase64url(keys.key),
      cursor: 0,
      quietSince: null,
    };
    state.pending = null;
    state.watches = [...state.watches.filter((w) => w.channelId !== watch.channelId), watch];
    state.justPaired = watch.channelId;
    return watch;
  }

  const pending = () =>
    serial(async () => {
      const state = await store.get();
      await settlePending(state);
      const paired = state.watches.find((w) => w.channelId === state.justPaired);
      state.justPaired = null;
      await save(state);
      return {
        pending: state.pending ? pendingView(state.pending) : null,
        paired: paired ? view(paired) : null,
      };
    });

  const cancel = () =>
    serial(async () => {
      await save({ ...(await store.get()), pending: null });
    });

  const listOf = (state: WatchState) => ({
    watches: state.watches.map(view),
    alerts: state.inbox,
  });
  const list = async () => listOf(await store.get());

  const remove = (channelId: string) =>
    serial(async () => {
      const state = await store.get();
      if (!state.watches.some((w) => w.channelId === channelId)) return listOf(state);
      try {
        await relay.deleteChannel(channelId);
      } catch (error) {
        if (!(error instanceof RelayError && error.kind === 'gone')) throw error;
      }
      const next = {
        ...state,
        watches: state.watches.filter((w) => w.channelId !== channelId),
        inbox: state.inbox.filter((a) => a.channelId !== channelId),
      };
      await save(next);
      return listOf(next);
    });

  /** Reads one channel to its end; the alerts to show, oldest first. */
  async function read(watch: WatchRecord, state: WatchState): Promise<WatchNotice[]> {
    const notices: WatchNotice[] = [];
    for (;;) {
      let page: Awaited<ReturnType<RelayClient['messages']>>;
      try {
        page = await relay.messages(watch.channelId, watch.cursor);
      } catch (error) {
        if (error instanceof RelayError && error.kind === 'gone') {
          watch.ended = true;
          notices.push({ kind: 'ended', watch: view(watch) });
          return notices;
        }
        throw error;
      }
      for (const message of page.messages) {
        const alert = await open(fromBase64url(watch.key), watch.channelId, message.box)
          .then(parseAlert)
          // Sealed with another key, altered, or malformed inside: not from the paired browser.
          .catch(() => null);
        if (!alert) continue;
        watch.lastHeardAt = now();
        watch.quietSince = null;
        if (state.seen.includes(alert.id)) continue;
        state.seen = [...state.seen, alert.id].slice(-SEEN_LIMIT);
        if (!isShown(alert.kind)) continue;
        const received = { channelId: watch.channelId, alert, receivedAt: now() };
        state.inbox = [received, ...state.inbox].slice(0, INBOX_LIMIT);
        notices.push({ kind: 'alert', watch: view(watch), alert });
      }
      watch.cursor = page.next;
      if (page.messages.length === 0) return notices;
    }
  }

  const poll = () =>
    serial(async () => {
      const state = await store.get();
      await settlePending(state).catch((error: unknown) => console.error('pairing check', error));
      const notices: { id: string; notice: WatchNotice }[] = [];
      for (const watch of state.watches.filter((w) => !w.ended)) {
        try {
          for (const notice of await read(watch, state)) {
            const id = notice.kind === 'alert' ? notice.alert.id : `${watch.channelId}:ended`;
            notices.push({ id, notice });
          }
        } catch (error) {
          // Offline or the relay is down: the next poll reads from the same cursor.
          console.error('family alerts could not be fetched', error);
        }
        const heard = watch.lastHeardAt ?? watch.pairedAt;
        if (!watch.ended && watch.quietSince === null && now() - heard > SILENCE_HOURS * HOUR) {
          watch.quietSince = now();
          notices.push({
            id: `${watch.channelId}:quiet:${now()}`,
            notice: { kind: 'quiet', watch: view(watch), hours: SILENCE_HOURS },
          });
        }
      }
      // Saved before anything is shown: a worker stopped half-way shows nothing twice.
      await save(state);
      for (const { id, notice } of notices) await deps.notify(id, notice);
    });

  return { start, pending, cancel, list, remove, poll };
}

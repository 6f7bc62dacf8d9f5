import type { Report } from '../../shared/report';
import { backoffMs } from '../../shared/sync/sync-schedule';
import type { Database } from './db';
import sendReport from './report-sender';

/** One report waiting to be sent; `report` is exactly the body that will be POSTed. */
export interface QueuedReport {
  report: Report;
  /** Local clock, only to drop the oldest first when the queue is full. */
  queuedAt: number;
  attempts: number;
}

/** Kept in `meta` under STATE_KEY. The counters are for diagnostics and shown nowhere. */
export interface QueueState {
  /** Consecutive failed attempts; drives the back-off. */
  failures: number;
  /** No automatic attempt before this (ms since epoch): back-off or Retry-After. */
  nextAttemptAt: number;
  /** No attempt at all, not even "Send now", before this: the server's Retry-After. */
  retryAfterUntil: number;
  dropped: number;
  refused: number;
  lastError: string | null;
}

/** What the caller fills in; the queue adds `id`, `installId` and `createdAt`. */
export type ReportDraft = Omit<Report, 'id' | 'installId' | 'createdAt'>;

export interface FlushResult {
  delivered: number;
  refused: number;
  pending: number;
}

export interface ReportQueueDeps {
  db: Database;
  fetch: typeof fetch;
  reportUrl: () => Promise<string>;
  now?: () => number;
  random?: () => number;
  uuid?: () => string;
  /** Most reports kept; beyond it the oldest is dropped (a report flood must not fill the disk). */
  limit?: number;
  /** Asked to wake the queue at `at` (an alarm), or told nothing is waiting (null). */
  schedule?: (at: number | null) => void;
}

export interface ReportQueue {
  enqueue(draft: ReportDraft): Promise<{ report: Report; duplicate: boolean }>;
  /** Withdraws a queued report; false if it is no longer queued (sent, or being sent). */
  withdraw(id: string): Promise<boolean>;
  /** Sends what is due; `force` ignores the back-off (never a Retry-After). */
  flush(options?: { force?: boolean }): Promise<FlushResult>;
  pending(): Promise<QueuedReport[]>;
  state(): Promise<QueueState>;
  /** A random id made once per installation, so reviewers can count independent reporters. */
  installId(): Promise<string>;
  /** Whether the user has seen what a report sends (shown once, before the first report). */
  previewSeen(): Promise<boolean>;
  markPreviewSeen(): Promise<void>;
}

export const REPORT_QUEUE_LIMIT = 500;
const STATE_KEY = 'reportQueue';
const INSTALL_ID_KEY = 'installId';
const PREVIEW_SEEN_KEY = 'reportPreviewSeen';
const INITIAL: QueueState = {
  failures: 0,
  nextAttemptAt: 0,
  retryAfterUntil: 0,
  dropped: 0,
  refused: 0,
  lastError: null,
};

const oldestFirst = (a: QueuedReport, b: QueuedReport) =>
  a.queuedAt - b.queuedAt || a.report.id.localeCompare(b.report.id);

/**
 * The outbox for reports, in IndexedDB so that nothing is lost while the server is down,
 * the browser is offline or the worker is stopped. Each report's id is fixed when it is
 * queued, so a retry after a lost response is a duplicate on the server, not a second report.
 */
export function createReportQueue(deps: ReportQueueDeps): ReportQueue {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const uuid = deps.uuid ?? (() => crypto.randomUUID());
  const limit = deps.limit ?? REPORT_QUEUE_LIMIT;
  const sending = new Set<string>();
  // Runs are chained, so two triggers never send the same report twice at once.
  let chain: Promise<unknown> = Promise.resolve();

  const readState = async () => ({ ...INITIAL, ...((await db.get('meta', STATE_KEY)) ?? {}) });
  async function updateState(change: (state: QueueState) => Partial<QueueState>) {
    const tx = db.transaction('meta', 'readwrite');
    const state = { ...INITIAL, ...((await tx.store.get(STATE_KEY)) as QueueState | undefined) };
    const next = { ...state, ...change(state) };
    await Promise.all([tx.store.put(next, STATE_KEY), tx.done]);
    return next;
  }

  async function installId(): Promise<string> {
    const tx = db.transaction('meta', 'readwrite');
    let id = (await tx.store.get(INSTALL_ID_KEY)) as string | undefined;
    if (!id) {
      id = uuid();
      await tx.store.put(id, INSTALL_ID_KEY);
    }
    await tx.done;
    return id;
  }

  async function enqueue(draft: ReportDraft) {
    const report: Report = {
      ...draft,
      id: uuid(),
      installId: await installId(),
      createdAt: new Date(now()).toISOString(),
    };
    const tx = db.transaction(['reports', 'meta'], 'readwrite');
    const queued = (await tx.objectStore('reports').getAll()).sort(oldestFirst);
    const same = queued.find((q) => q.report.url === draft.url && q.report.kind === draft.kind);
    if (same) {
      await tx.done;
      return { report: same.report, duplicate: true };
    }
    await tx.objectStore('reports').add({ report, queuedAt: now(), attempts: 0 });
    const overflow = queued.slice(0, Math.max(0, queued.length + 1 - limit));
    for (const old of overflow) await tx.objectStore('reports').delete(old.report.id);
    if (overflow.length) {
      const state = { ...INITIAL, ...((await tx.objectStore('meta').get(STATE_KEY)) ?? {}) };
      await tx
        .objectStore('meta')
        .put({ ...state, dropped: state.dropped + overflow.length }, STATE_KEY);
    }
    await tx.done;
    return { report, duplicate: false };
  }

  async function run(force: boolean): Promise<FlushResult> {
    const result = { delivered: 0, refused: 0, pending: 0 };
    const state = await readState();
    const due = force
      ? state.retryAfterUntil
      : Math.max(state.nextAttemptAt, state.retryAfterUntil);
    const queued = (await db.getAll('reports')).sort(oldestFirst);
    if (queued.length === 0 || now() < due) {
      deps.schedule?.(queued.length ? due : null);
      return { ...result, pending: queued.length };
    }
    const url = await deps.reportUrl();
    for (const [index, item] of queued.entries()) {
      sending.add(item.report.id);
      const outcome = await sendReport({ fetch: deps.fetch, now }, url, item.report);
      sending.delete(item.report.id);
      if (outcome.kind === 'delivered') {
        await db.delete('reports', item.report.id);
        result.delivered++;
      } else if (outcome.kind === 'refused') {
        console.warn(`report ${item.report.id} refused by the server, dropped:`, outcome.reason);
        await db.delete('reports', item.report.id);
        await updateState((s) => ({ refused: s.refused + 1 }));
        result.refused++;
      } else {
        // The server is down, overloaded or unreachable: stop here and retry them all later.
        if (await db.get('reports', item.report.id)) {
          await db.put('reports', { ...item, attempts: item.attempts + 1 });
        }
        const next = await updateState((s) => {
          const failures = s.failures + 1;
          const retryAfterMs = (outcome.retryAfterSeconds ?? 0) * 1000;
          return {
            failures,
            nextAttemptAt: now() + Math.max(backoffMs(failures, random()), retryAfterMs),
            retryAfterUntil: now() + retryAfterMs,
            lastError: outcome.reason,
          };
        });
        deps.schedule?.(next.nextAttemptAt);
        return { ...result, pending: queued.length - index };
      }
    }
    await updateState(() => ({
      failures: 0,
      nextAttemptAt: 0,
      retryAfterUntil: 0,
      lastError: null,
    }));
    const left = await db.count('reports');
    // Something queued while this run was sending: the next run (already chained) sends it.
    deps.schedule?.(left ? now() : null);
    return { ...result, pending: left };
  }

  return {
    enqueue,
    installId,
    async withdraw(id) {
      if (sending.has(id)) return false;
      const tx = db.transaction('reports', 'readwrite');
      const found = await tx.store.get(id);
      if (found) await tx.store.delete(id);
      await tx.done;
      return !!found;
    },
    flush({ force = false } = {}) {
      const next = chain.then(() => run(force));
      chain = next.catch(() => undefined);
      return next;
    },
    async pending() {
      return (await db.getAll('reports')).sort(oldestFirst);
    },
    state: readState,
    previewSeen: async () => (await db.get('meta', PREVIEW_SEEN_KEY)) === true,
    markPreviewSeen: async () => void (await db.put('meta', true, PREVIEW_SEEN_KEY)),
  };
}

import { bytesToHex } from '@noble/hashes/utils.js';
import {
  applyDelta,
  BlockList,
  parseDelta,
  type AppliedDelta,
  type ParsedDelta,
  DeltaError,
  ListFormatError,
  sha256,
  SignatureError,
  verifyFile,
  verifySnapshot,
} from '../../shared/list';
import {
  parseListManifest,
  type FileRef,
  type ListManifest,
} from '../../shared/sync/list-manifest';
import { listUrlProblem } from '../../shared/sync/list-url';
import { BodyTooLargeError, MAX_MANIFEST_BYTES, readLimited } from '../../shared/sync/read-limited';
import { nextAllowedAt, parseRetryAfter } from '../../shared/sync/sync-schedule';
import { planUpdate } from '../../shared/sync/update-plan';
import type { ListHolder } from './active-list';
import type { ListStore, SyncState } from './list-store';

/** Why the last update failed, in categories the popup can say in plain words. */
export type SyncErrorKind =
  | 'network'
  | 'server'
  | 'bad-manifest'
  | 'bad-signature'
  | 'bad-checksum'
  | 'truncated'
  | 'older-version'
  | 'quota';

class SyncFailure extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface SyncDeps {
  fetch: typeof fetch;
  lists: ListHolder;
  store: ListStore;
  publicKey: Uint8Array;
  manifestUrl: () => Promise<string>;
  now?: () => number;
  random?: () => number;
  /** Per request; a worker is not stopped while a fetch is under way, but a hung one must end. */
  timeoutMs?: number;
}

export interface ListSync {
  /** Runs a sync unless one is running (then joins it) or, for automatic runs, it is too soon. */
  run(trigger: 'alarm' | 'manual' | 'startup'): Promise<SyncState>;
  state(): Promise<SyncState>;
}

/**
 * Keeps the list fresh: manifest → the chain of deltas or the snapshot, whichever is
 * smaller → size, signature and list checksum checks (the manifest's SHA-256 says why a
 * signature failed) → one atomic install. Any failure leaves the previous list active and
 * is recorded for the popup; a delta whose result fails its checksum costs exactly one
 * snapshot download.
 */
export function createListSync(deps: SyncDeps): ListSync {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  let inFlight: Promise<SyncState> | null = null;

  /** Reads a body as it streams, never past `limit` bytes (the manifest's size for a file). */
  async function readBody(url: string, response: Response, limit: number): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    try {
      if (declared > limit) throw new BodyTooLargeError(`body is larger than ${limit} bytes`);
      return await readLimited(response.body, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) {
        throw new SyncFailure('network', `${url}: ${(error as Error).message}`);
      }
      await response.body?.cancel().catch(() => undefined);
      throw new SyncFailure('truncated', `${url}: ${error.message}`);
    }
  }

  async function download(ref: FileRef): Promise<Uint8Array> {
    const bytes = await readBody(ref.url, await get(ref.url), ref.bytes);
    if (bytes.length !== ref.bytes) {
      throw new SyncFailure('truncated', `${ref.url}: got ${bytes.length} of ${ref.bytes} bytes`);
    }
    try {
      return await verifyFile(bytes, deps.publicKey);
    } catch (error) {
      if (!(error instanceof SignatureError)) throw error;
      // Only a file that fails its signature is hashed whole (a second pass over 26 MB for
      // a snapshot otherwise): the manifest's SHA-256 tells damage on the way from a file
      // that is not ours. A signed file other than the one named is caught after, by the
      // version and list checksum it must have.
      if (bytesToHex(await sha256(bytes)) !== ref.sha256) {
        throw new SyncFailure('bad-checksum', `${ref.url}: SHA-256 differs from the manifest`);
      }
      throw new SyncFailure('bad-signature', `${ref.url}: ${error.message}`);
    }
  }

  async function get(url: string): Promise<Response> {
    // Checked per request: a manifest may name files on another host.
    const refused = listUrlProblem(url);
    if (refused) throw new SyncFailure('network', `${url}: refused, ${refused}`);
    let response: Response;
    try {
      response = await deps.fetch(url, {
        cache: 'no-cache',
        signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SyncFailure('network', `${url}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      throw new SyncFailure('server', `${url}: HTTP ${response.status}`, retryAfter);
    }
    return response;
  }

  async function viaSnapshot(
    manifest: ListManifest,
    installed: number | null,
  ): Promise<Uint8Array> {
    const payload = await download(manifest.snapshot);
    const list = BlockList.load(payload);
    if (installed !== null && list.version <= installed) {
      throw new SyncFailure(
        'older-version',
        `snapshot is version ${list.version}, have ${installed}`,
      );
    }
    if (list.version !== manifest.version || list.checksum !== manifest.checksum) {
      throw new SyncFailure('bad-manifest', 'snapshot does not match the manifest');
    }
    try {
      await verifySnapshot(payload);
    } catch (error) {
      if (!(error instanceof ListFormatError)) throw error;
      throw new SyncFailure('bad-checksum', `snapshot is not consistent: ${error.message}`);
    }
    return payload;
  }

  async function viaDeltas(
    manifest: ListManifest,
    steps: FileRef[],
    installed: number,
  ): Promise<Uint8Array> {
    const current = await deps.store.activePayload();
    if (!current) throw new DeltaError('no installed list to apply deltas to');
    const deltas: ParsedDelta[] = [];
    for (const step of steps) deltas.push(parseDelta(await download(step)));
    // Each delta turns the stored snapshot into the next one, copying what it does not
    // change (see mergeSnapshot): no entry of the million is decoded.
    let snapshot = current;
    let at = installed;
    let last: AppliedDelta | null = null;
    for (const delta of deltas) {
      last = await applyDelta(snapshot, delta, at);
      snapshot = last.snapshot;
      at = last.version;
    }
    if (!last || last.version !== manifest.version || last.checksum !== manifest.checksum) {
      throw new DeltaError('the delta chain does not end at the published list');
    }
    return snapshot;
  }

  async function update(): Promise<number | null> {
    const url = await deps.manifestUrl();
    let manifest: ListManifest;
    try {
      const body = await readBody(url, await get(url), MAX_MANIFEST_BYTES);
      manifest = parseListManifest(JSON.parse(new TextDecoder().decode(body)), url);
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure('bad-manifest', `${url}: ${(error as Error).message}`);
    }
    const installed = deps.lists.current()?.version ?? null;
    const plan = planUpdate(manifest, installed);
    if (plan.kind === 'current') return manifest.minimumWaitSeconds;
    if (plan.kind === 'older') {
      throw new SyncFailure('older-version', `server offers ${plan.published}, have ${installed}`);
    }
    let payload: Uint8Array;
    if (plan.kind === 'deltas' && installed !== null) {
      try {
        payload = await viaDeltas(manifest, plan.steps, installed);
      } catch (error) {
        if (!(error instanceof DeltaError)) throw error;
        console.warn('delta failed, fetching the full snapshot once', error.message);
        payload = await viaSnapshot(manifest, installed);
      }
    } else {
      payload = await viaSnapshot(manifest, installed);
    }
    try {
      await deps.lists.activate(payload);
    } catch (error) {
      const quota = (error as Error).name === 'QuotaExceededError';
      throw new SyncFailure(
        quota ? 'quota' : 'server',
        `install failed: ${(error as Error).message}`,
      );
    }
    return manifest.minimumWaitSeconds;
  }

  async function runOnce(trigger: 'alarm' | 'manual' | 'startup'): Promise<SyncState> {
    const before = await deps.store.syncState();
    if (trigger !== 'manual' && before.nextAllowedAt > now()) return before;
    const attemptAt = now();
    let state: SyncState;
    try {
      const minimumWaitSeconds = await update();
      state = {
        ...before,
        lastAttemptAt: attemptAt,
        lastSuccessAt: now(),
        failures: 0,
        lastError: null,
        lastErrorDetail: null,
        nextAllowedAt: nextAllowedAt({
          now: now(),
          failures: 0,
          random: random(),
          minimumWaitSeconds: minimumWaitSeconds ?? 0,
        }),
      };
    } catch (error) {
      const failure =
        error instanceof SyncFailure
          ? error
          : new SyncFailure(
              error instanceof DeltaError ? 'bad-checksum' : 'bad-manifest',
              (error as Error).message,
            );
      console.warn(`list update failed (${failure.kind}): ${failure.message}`);
      const failures = before.failures + 1;
      state = {
        ...before,
        lastAttemptAt: attemptAt,
        failures,
        lastError: failure.kind,
        lastErrorDetail: failure.message,
        nextAllowedAt: nextAllowedAt({
          now: now(),
          failures,
          random: random(),
          retryAfterSeconds: failure.retryAfterSeconds,
        }),
      };
    }
    await deps.store.saveSyncState(state);
    return state;
  }

  return {
    run(trigger) {
      inFlight ??= runOnce(trigger).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    state: () => deps.store.syncState(),
  };
}

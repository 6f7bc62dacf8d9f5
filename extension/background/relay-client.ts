import { parseRetryAfter } from '../../shared/sync/sync-schedule';

/**
 * The family-alert relay's HTTP API (server/relay/relay-routes.ts), for both sides. Every
 * failure is a RelayError saying what the caller can do about it: `gone` (the channel or
 * slot no longer exists: stop), `refused` (the request itself is wrong: do not retry as is),
 * `busy` (429 or 5xx: retry after `retryAt`), `unreachable` (offline: retry later).
 */
export type RelayFailure = 'gone' | 'refused' | 'busy' | 'unreachable';

export class RelayError extends Error {
  constructor(
    readonly kind: RelayFailure,
    message: string,
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export interface RelayClient {
  createPairing(publicKey: string): Promise<{ pairingId: string; code: string; expiresAt: number }>;
  /** null when the code is wrong, used or expired: the relay does not say which. */
  claimPairing(
    code: string,
    publicKey: string,
  ): Promise<{ channelId: string; peerPublicKey: string } | null>;
  pairingState(
    pairingId: string,
  ): Promise<{ state: 'waiting' } | { state: 'paired'; channelId: string; peerPublicKey: string }>;
  postMessage(channelId: string, box: string, ttlSeconds: number): Promise<void>;
  messages(
    channelId: string,
    after: number,
  ): Promise<{ messages: { id: number; box: string }[]; next: number }>;
  deleteChannel(channelId: string): Promise<void>;
}

export function createRelayClient(deps: {
  fetch: typeof fetch;
  relayUrl: () => Promise<string>;
  now?: () => number;
}): RelayClient {
  const now = deps.now ?? Date.now;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const base = (await deps.relayUrl()).replace(/\/+$/, '');
    let response: Response;
    try {
      response = await deps.fetch(`${base}${path}`, {
        method,
        // Nothing about the user rides along: no cookies, no referrer.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        ...(body === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new RelayError('unreachable', `relay unreachable: ${String(error)}`);
    }
    if (response.ok) {
      return (response.status === 204 ? undefined : await response.json()) as T;
    }
    const reason = await response
      .json()
      .then((json: { reason?: unknown }) => String(json.reason ?? ''))
      .catch(() => '');
    const message = `relay answered ${response.status}${reason ? `: ${reason}` : ''}`;
    if (response.status === 404) throw new RelayError('gone', message);
    if (response.status === 429 || response.status >= 500) {
      const seconds = parseRetryAfter(response.headers.get('Retry-After'), now());
      throw new RelayError(
        'busy',
        message,
        seconds === undefined ? undefined : now() + seconds * 1000,
      );
    }
    throw new RelayError('refused', message);
  }

  const channel = (channelId: string) => `/channels/${encodeURIComponent(channelId)}`;
  return {
    createPairing: (publicKey) => call('POST', '/pairings', { publicKey }),
    claimPairing: (code, publicKey) =>
      call<{ channelId: string; peerPublicKey: string }>('POST', '/pairings/claim', {
        code,
        publicKey,
      }).catch((error: unknown) => {
        if (error instanceof RelayError && error.kind === 'gone') return null;
        throw error;
      }),
    pairingState: (pairingId) => call('GET', `/pairings/${encodeURIComponent(pairingId)}`),
    postMessage: (channelId, box, ttlSeconds) =>
      call('POST', `${channel(channelId)}/messages`, { box, ttlSeconds }),
    messages: (channelId, after) => call('GET', `${channel(channelId)}/messages?after=${after}`),
    deleteChannel: (channelId) => call('DELETE', channel(channelId)),
  };
}

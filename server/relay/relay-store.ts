/**
 * Storage of the family-alert relay, one implementation per backend (sqlite-relay-store.ts,
 * postgres-relay-store.ts; relay-store-contract.ts says what both do). Everything stored is
 * opaque to the service: public keys the two browsers agree a key from, and boxes sealed
 * with that key. No host, category, name or address is ever given to it.
 */

/** A one-time pairing code offered by the relative's browser ("Watch over someone"). */
export interface PairingSlot {
  /** Secret id the relative's browser polls with until the code is used. */
  id: string;
  code: string;
  /** The relative's public key (base64url), handed to whoever uses the code. */
  watcherKey: string;
  /** The protected browser's public key, once it used the code. */
  watchedKey: string | null;
  channelId: string;
  expiresAt: number;
}

export interface RelayMessage {
  id: number;
  box: string;
}

export interface RelayStore {
  createPairing(slot: Omit<PairingSlot, 'watchedKey'>): Promise<'created' | 'code-taken'>;
  /** Uses a code once, opening its channel; null when the code is wrong, used or expired. */
  claimPairing(code: string, watchedKey: string, now: number): Promise<PairingSlot | null>;
  getPairing(id: string, now: number): Promise<PairingSlot | null>;
  channelExists(channelId: string): Promise<boolean>;
  /** The message's id, increasing per channel; null when the channel is gone (unpaired). */
  postMessage(channelId: string, box: string, expiresAt: number): Promise<number | null>;
  /** Live messages after `after`, oldest first. */
  messages(channelId: string, after: number, now: number, limit: number): Promise<RelayMessage[]>;
  /** Unpairing: the channel and everything queued on it are gone. */
  deleteChannel(channelId: string): Promise<boolean>;
  /** Drops expired messages and pairing slots; how many rows went. */
  purgeExpired(now: number): Promise<number>;
  close(): Promise<void>;
}

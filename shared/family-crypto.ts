import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';

/**
 * The end-to-end encryption of family alerts. The two browsers agree a key by X25519 (from
 * @noble/curves), stretch it with HKDF-SHA-256, and seal each alert with AES-GCM
 * (WebCrypto, a global in browsers, workers and Node, so this stays pure). The relay only
 * ever sees public keys and sealed boxes of one fixed size.
 *
 * A relay that swapped the public keys could read everything; the check code stops that:
 * it is derived from both public keys and the shared secret, both screens show it, and the
 * family compares the two before trusting the pairing.
 */

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export interface ChannelKeys {
  /** AES-256-GCM key, raw. */
  key: Uint8Array;
  /** Six digits both screens show, "123 456". */
  checkCode: string;
}

const INFO_KEY = new TextEncoder().encode('scam-guard family alerts v1: key');
const INFO_CHECK = new TextEncoder().encode('scam-guard family alerts v1: check code');
/** Every box carries this many plaintext bytes, so its length says nothing about the host. */
export const SEALED_PLAINTEXT_BYTES = 256;
const NONCE_BYTES = 12;

export function newKeyPair(): KeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { secretKey, publicKey };
}

/**
 * The channel's key, from this side's secret key and the other side's public key. The
 * watcher (the relative) and the watched browser pass the two public keys in the same order.
 */
export function agreeKeys(
  secretKey: Uint8Array,
  peerPublicKey: Uint8Array,
  keys: { watcher: Uint8Array; watched: Uint8Array },
): ChannelKeys {
  const shared = x25519.getSharedSecret(secretKey, peerPublicKey);
  const salt = sha256(concatBytes(keys.watcher, keys.watched));
  const key = hkdf(sha256, shared, salt, INFO_KEY, 32);
  const check = hkdf(sha256, shared, salt, INFO_CHECK, 4);
  const number = new DataView(check.buffer, check.byteOffset, 4).getUint32(0) % 1_000_000;
  const digits = String(number).padStart(6, '0');
  return { key, checkCode: `${digits.slice(0, 3)} ${digits.slice(3)}` };
}

export const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)), (c) =>
    c.charCodeAt(0),
  );
}

const importKey = (raw: Uint8Array, use: KeyUsage) =>
  crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, [use]);

/** Seals `message` (JSON) for the channel `channelId`; a box for another channel will not open. */
export async function seal(key: Uint8Array, channelId: string, message: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(message));
  if (json.length > SEALED_PLAINTEXT_BYTES - 2) throw new Error('alert too long to seal');
  // Length-prefixed and zero-padded to one size.
  const plain = new Uint8Array(SEALED_PLAINTEXT_BYTES);
  new DataView(plain.buffer).setUint16(0, json.length);
  plain.set(json, 2);
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: new TextEncoder().encode(channelId) },
    await importKey(key, 'encrypt'),
    plain,
  );
  return toBase64url(concatBytes(nonce, new Uint8Array(sealed)));
}

/** Opens a box sealed by `seal`; throws if it was altered, or sealed with another key or channel. */
export async function open(key: Uint8Array, channelId: string, box: string): Promise<unknown> {
  const bytes = fromBase64url(box);
  const plain = new Uint8Array(
    await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytes.slice(0, NONCE_BYTES),
        additionalData: new TextEncoder().encode(channelId),
      },
      await importKey(key, 'decrypt'),
      bytes.slice(NONCE_BYTES),
    ),
  );
  const length = new DataView(plain.buffer).getUint16(0);
  if (length > plain.length - 2) throw new Error('damaged box');
  return JSON.parse(new TextDecoder().decode(plain.subarray(2, 2 + length)));
}

import { ed25519 } from '@noble/curves/ed25519.js';
import { SignatureError } from './errors';
import { sha256 } from './sha256';

/**
 * Signed file = payload · "SGSIG1" · 64-byte Ed25519 signature over SHA-256(payload): one
 * hashing pass over a 20 MB list instead of Ed25519's two SHA-512 passes. A fixed
 * trailer (rather than a header) lets the signer stream the payload and lets a reader
 * hand `verifyFile`'s result — a view, no copy — straight to the decoder.
 */
export const SIGNATURE_MAGIC = new Uint8Array([0x53, 0x47, 0x53, 0x49, 0x47, 0x31]); // "SGSIG1"
export const TRAILER_BYTES = SIGNATURE_MAGIC.length + 64;

export async function signFile(payload: Uint8Array, privateKey: Uint8Array): Promise<Uint8Array> {
  const signature = ed25519.sign(await sha256(payload), privateKey);
  const out = new Uint8Array(payload.length + TRAILER_BYTES);
  out.set(payload);
  out.set(SIGNATURE_MAGIC, payload.length);
  out.set(signature, payload.length + SIGNATURE_MAGIC.length);
  return out;
}

/** Resolves to the payload (a view into `bytes`) when the signature is valid; else rejects with SignatureError. */
export async function verifyFile(bytes: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array> {
  const { payload, signature } = splitSignedFile(bytes);
  const digest = await sha256(payload);
  let valid: boolean;
  try {
    valid = await verifyEd25519(signature, digest, publicKey);
  } catch (error) {
    throw new SignatureError(`Signature check failed: ${(error as Error).message}`);
  }
  if (!valid)
    throw new SignatureError('Signature check failed: the file was not signed by the list key');
  return payload;
}

/**
 * Ed25519 through WebCrypto where the engine has it (Chrome 137+, Firefox 129+, Node 20):
 * native, and ~25 ms faster than @noble/curves in a freshly started worker, whose first
 * verify builds its tables. @noble/curves remains for engines without it.
 */
export async function verifyEd25519(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<boolean> {
  // The keys and signatures are plain ArrayBuffer views; the typing only rules out shared ones.
  const view = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;
  let key: CryptoKey | null = null;
  if (publicKey.length === 32 && subtle) {
    try {
      key = await subtle.importKey('raw', view(publicKey), { name: 'Ed25519' }, false, ['verify']);
    } catch (error) {
      if ((error as Error).name !== 'NotSupportedError') throw error;
    }
  }
  if (key) return subtle!.verify({ name: 'Ed25519' }, key, view(signature), view(message));
  // zip215: false = strict RFC 8032 verification; no malleable encodings accepted.
  return ed25519.verify(signature, message, publicKey, { zip215: false });
}

/** Splits a signed file without checking the signature (lookup tooling). */
export function splitSignedFile(bytes: Uint8Array): { payload: Uint8Array; signature: Uint8Array } {
  if (!(bytes instanceof Uint8Array) || bytes.length < TRAILER_BYTES) {
    throw new SignatureError('Not a signed file: shorter than the signature trailer');
  }
  const at = bytes.length - TRAILER_BYTES;
  for (let i = 0; i < SIGNATURE_MAGIC.length; i++) {
    if (bytes[at + i] !== SIGNATURE_MAGIC[i])
      throw new SignatureError('Not a signed file: missing the SGSIG1 trailer');
  }
  return { payload: bytes.subarray(0, at), signature: bytes.subarray(at + SIGNATURE_MAGIC.length) };
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(privateKey);
}

export function generatePrivateKey(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

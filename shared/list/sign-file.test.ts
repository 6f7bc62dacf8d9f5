import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  generatePrivateKey,
  publicKeyOf,
  signFile,
  verifyEd25519,
  verifyFile,
  TRAILER_BYTES,
} from './sign-file';

const key = generatePrivateKey();
const pub = publicKeyOf(key);
const payload = new TextEncoder().encode('a list payload');

describe('signFile / verifyFile', async () => {
  it('returns the payload of a correctly signed file', async () => {
    const signed = await signFile(payload, key);
    expect(signed.length).toBe(payload.length + TRAILER_BYTES);
    expect(await verifyFile(signed, pub)).toEqual(payload);
  });

  it('refuses a bad signature', async () => {
    const signed = await signFile(payload, key);
    signed[signed.length - 1]! ^= 1;
    await expect(verifyFile(signed, pub)).rejects.toThrow(SignatureError);
  });

  it('refuses a payload changed after signing', async () => {
    const signed = await signFile(payload, key);
    signed[0]! ^= 1;
    await expect(verifyFile(signed, pub)).rejects.toThrow(/not signed by the list key/);
  });

  it('refuses a file signed by another key', async () => {
    await expect(verifyFile(await signFile(payload, generatePrivateKey()), pub)).rejects.toThrow(
      SignatureError,
    );
  });

  it('refuses a file without the trailer', async () => {
    await expect(verifyFile(payload, pub)).rejects.toThrow(/shorter than the signature trailer/);
    await expect(verifyFile(new Uint8Array(200), pub)).rejects.toThrow(/SGSIG1/);
  });

  it('turns a malformed public key into a SignatureError', async () => {
    await expect(verifyFile(await signFile(payload, key), new Uint8Array(5))).rejects.toThrow(
      SignatureError,
    );
  });
});

describe('verifyEd25519', () => {
  const message = new Uint8Array(32).fill(7);
  const signature = ed25519.sign(message, key);
  const tampered = signature.slice();
  tampered[0]! ^= 1;
  const unsupported = {
    importKey: () => Promise.reject(new DOMException('no Ed25519', 'NotSupportedError')),
  } as unknown as SubtleCrypto;

  it.each([
    ['WebCrypto', globalThis.crypto.subtle],
    ['@noble/curves, where WebCrypto lacks Ed25519', unsupported],
    ['@noble/curves, without WebCrypto', null],
  ])('accepts a good signature and refuses a bad one through %s', async (_, subtle) => {
    expect(await verifyEd25519(signature, message, pub, subtle)).toBe(true);
    expect(await verifyEd25519(tampered, message, pub, subtle)).toBe(false);
    expect(await verifyEd25519(signature, message, publicKeyOf(generatePrivateKey()), subtle)).toBe(
      false,
    );
  });
});

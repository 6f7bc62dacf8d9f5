import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors';
import { generatePrivateKey, publicKeyOf, signFile, verifyFile, TRAILER_BYTES } from './sign-file';

const key = generatePrivateKey();
const pub = publicKeyOf(key);
const payload = new TextEncoder().encode('a list payload');

describe('signFile / verifyFile', () => {
  it('returns the payload of a correctly signed file', () => {
    const signed = signFile(payload, key);
    expect(signed.length).toBe(payload.length + TRAILER_BYTES);
    expect(verifyFile(signed, pub)).toEqual(payload);
  });

  it('refuses a bad signature', () => {
    const signed = signFile(payload, key);
    signed[signed.length - 1]! ^= 1;
    expect(() => verifyFile(signed, pub)).toThrow(SignatureError);
  });

  it('refuses a payload changed after signing', () => {
    const signed = signFile(payload, key);
    signed[0]! ^= 1;
    expect(() => verifyFile(signed, pub)).toThrow(/not signed by the list key/);
  });

  it('refuses a file signed by another key', () => {
    expect(() => verifyFile(signFile(payload, generatePrivateKey()), pub)).toThrow(SignatureError);
  });

  it('refuses a file without the trailer', () => {
    expect(() => verifyFile(payload, pub)).toThrow(/shorter than the signature trailer/);
    expect(() => verifyFile(new Uint8Array(200), pub)).toThrow(/SGSIG1/);
  });

  it('turns a malformed public key into a SignatureError', () => {
    expect(() => verifyFile(signFile(payload, key), new Uint8Array(5))).toThrow(SignatureError);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import { publicKeyOf } from '../../shared/list/sign-file';
import { PRIVATE_KEY_FILE, readKey, writeKeyPair } from './key-files';

export interface SigningKeys {
  privateKey: Uint8Array;
  publicKeyHex: string;
}

/**
 * The list-signing key pair for builds and the local list service, from
 * `SCAM_GUARD_KEYS_DIR` (default `.keys/`, git-ignored). A machine without one gets a fresh
 * development pair on first use, so `npm start` and `npm test` work on a new checkout; a
 * release build points SCAM_GUARD_KEYS_DIR at the real key instead.
 */
export async function signingKeys(log: (line: string) => void = console.log): Promise<SigningKeys> {
  const dir = process.env.SCAM_GUARD_KEYS_DIR ?? '.keys';
  if (!existsSync(join(dir, PRIVATE_KEY_FILE))) {
    const { privatePath } = await writeKeyPair(dir);
    log(`Generated a development list-signing key: ${privatePath}`);
  }
  const privateKey = await readKey(join(dir, PRIVATE_KEY_FILE));
  return { privateKey, publicKeyHex: bytesToHex(publicKeyOf(privateKey)) };
}

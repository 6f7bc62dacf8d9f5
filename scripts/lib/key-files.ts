import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { generatePrivateKey, publicKeyOf } from '../../shared/list/sign-file';

export const PRIVATE_KEY_FILE = 'list-signing.key';
export const PUBLIC_KEY_FILE = 'list-signing.pub';

/** Reads a 32-byte key stored as hex (whitespace ignored). */
export async function readKey(path: string): Promise<Uint8Array> {
  const hex = (await readFile(path, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new Error(`${path}: expected a 32-byte key as 64 hex characters`);
  return hexToBytes(hex.toLowerCase());
}

/**
 * Writes a fresh Ed25519 key pair. The private key file is created with mode 0600 and is
 * never overwritten unless `force`: losing the old key would strand every installed client.
 */
export async function writeKeyPair(
  dir: string,
  force = false,
): Promise<{ privatePath: string; publicPath: string; publicKey: string }> {
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  if (!force) {
    for (const path of [privatePath, publicPath]) {
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      if (exists) throw new Error(`${path} already exists; pass --force to replace the key pair`);
    }
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privateKey = generatePrivateKey();
  const publicKey = bytesToHex(publicKeyOf(privateKey));
  await writeFile(privatePath, bytesToHex(privateKey) + '\n', { mode: 0o600 });
  await chmod(privatePath, 0o600); // writeFile's mode only applies when it creates the file
  await writeFile(publicPath, publicKey + '\n');
  return { privatePath, publicPath, publicKey };
}

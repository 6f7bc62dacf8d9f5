import { hexToBytes } from '@noble/hashes/utils.js';
import browser from 'webextension-polyfill';
import { verifyFile } from '../../shared/list';
import { buildConfig } from '../build-config';

const STARTER_LIST = 'lists/starter.sgl';

/** The starter list inside the extension package, verified like any download. */
export async function bundledStarter(): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(STARTER_LIST));
  if (!response.ok) throw new Error(`bundled list missing (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return verifyFile(bytes, hexToBytes(buildConfig.listPublicKey));
}

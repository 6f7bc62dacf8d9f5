/**
 * Looks URLs up in a list file: `npm run lookup -- <list file> <url>... [--pub key.pub]`.
 * With --pub the file's signature is checked first; without it the signature is skipped.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BlockList } from '../shared/list/block-list';
import { splitSignedFile, verifyFile } from '../shared/list/sign-file';
import { readKey } from './lib/key-files';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { pub: { type: 'string' } },
  });
  const [file, ...urls] = positionals;
  if (!file || urls.length === 0)
    throw new Error('usage: lookup <list file> <url>... [--pub list-signing.pub]');
  const bytes = new Uint8Array(await readFile(file));
  let payload: Uint8Array;
  if (values.pub) payload = await verifyFile(bytes, await readKey(values.pub));
  else {
    payload = signedOrPlain(bytes);
  }
  const list = BlockList.load(payload);
  console.log(
    `${file}: version ${list.version}, ${list.entryCount} entries, created ${new Date(list.createdAt).toISOString()}`,
  );
  for (const url of urls) {
    const match = list.matchSync(url);
    if (!match) console.log(`${url}\n  not listed (list version ${list.version})`);
    else {
      console.log(
        `${url}\n  ${match.action === 'block' ? 'blocked' : 'allowed'}: ${match.expression}` +
          ` category ${match.category}, source ${match.source}, list version ${match.listVersion}`,
      );
    }
  }
}

function signedOrPlain(bytes: Uint8Array): Uint8Array {
  try {
    return splitSignedFile(bytes).payload;
  } catch {
    return bytes;
  }
}

main().catch((error: unknown) => {
  console.error(`lookup: ${(error as Error).message}`);
  process.exit(1);
});

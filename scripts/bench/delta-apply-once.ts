/**
 * One cold delta apply, in a process of its own (see runDeltaBench): a service worker that
 * wakes for a sync runs this code for the first time too, with a small heap. Reads the
 * stored list, the signed delta and the public key from the folder given, prints
 * {"ms": …} on stdout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyDelta, parseDelta } from '../../shared/list/apply-delta';
import { BlockList } from '../../shared/list/block-list';
import { encodePacked } from '../../shared/list/encode-list';
import { readPacked } from '../../shared/list/read-packed';
import { verifyFile } from '../../shared/list/sign-file';

const dir = process.argv[2]!;
const [stored, signedDelta, publicKey] = await Promise.all(
  ['stored.sgl', 'delta.sgl', 'public.key'].map(
    async (name) => new Uint8Array(await readFile(join(dir, name))),
  ),
);

// What list-sync.ts does on a delta: verify, parse, read the stored list with room for
// the additions, apply, re-encode (the stored list as work space), load.
const start = performance.now();
const delta = parseDelta(await verifyFile(signedDelta!, publicKey!));
const applied = await applyDelta(
  readPacked(stored!, { headroom: delta.additions.length }),
  delta,
  1,
);
const next = BlockList.load(
  await encodePacked(applied.list, {
    version: applied.version,
    createdAt: applied.createdAt,
    metadata: applied.metadata,
    scratch: stored,
  }),
);
const ms = performance.now() - start;
if (next.checksum !== applied.checksum)
  throw new Error('re-encoded list does not match the delta checksum');
console.log(JSON.stringify({ ms }));

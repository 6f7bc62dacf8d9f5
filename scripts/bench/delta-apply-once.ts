/**
 * One cold list update, in a process of its own (see runDeltaBench): a service worker that
 * wakes for a sync runs this code for the first time too, with a small heap. Reads the
 * stored list, the signed delta, the signed new snapshot and the public key from the folder
 * given; with `delta` applies the delta as list-sync.ts does, with `snapshot` installs the
 * new snapshot instead (the same-run baseline). Prints {"ms": …} on stdout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyDelta, parseDelta } from '../../shared/list/apply-delta';
import { BlockList } from '../../shared/list/block-list';
import { encodePacked } from '../../shared/list/encode-list';
import { listChecksum } from '../../shared/list/list-checksum';
import { readPacked } from '../../shared/list/read-packed';
import { verifyFile } from '../../shared/list/sign-file';

const [dir, mode] = process.argv.slice(2) as [string, 'delta' | 'snapshot'];
const [stored, signedDelta, signedSnapshot, publicKey] = await Promise.all(
  ['stored.sgl', 'delta.sgl', 'snapshot.sgl', 'public.key'].map(
    async (name) => new Uint8Array(await readFile(join(dir, name))),
  ),
);

const start = performance.now();
let next: BlockList;
let expected: string;
if (mode === 'delta') {
  // list-sync.ts's viaDeltas: verify, parse, read the stored list with room for the
  // additions, apply, re-encode (the stored list as work space), load.
  const delta = parseDelta(await verifyFile(signedDelta!, publicKey!));
  const applied = await applyDelta(
    readPacked(stored!, { headroom: delta.additions.length }),
    delta,
    1,
  );
  next = BlockList.load(
    await encodePacked(applied.list, {
      version: applied.version,
      createdAt: applied.createdAt,
      metadata: applied.metadata,
      scratch: stored,
    }),
  );
  expected = applied.checksum;
} else {
  // list-sync.ts's viaSnapshot: verify, load, check the entries against the checksum.
  const payload = await verifyFile(signedSnapshot!, publicKey!);
  next = BlockList.load(payload);
  expected = await listChecksum(readPacked(payload));
}
const ms = performance.now() - start;
if (next.checksum !== expected) throw new Error(`${mode}: the list does not match its checksum`);
console.log(JSON.stringify({ ms }));

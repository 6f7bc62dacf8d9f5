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
import { verifyFile } from '../../shared/list/sign-file';
import { verifySnapshot } from '../../shared/list/verify-snapshot';

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
  // list-sync.ts's viaDeltas: verify, parse, apply to the stored snapshot, load.
  const applied = await applyDelta(
    stored!,
    parseDelta(await verifyFile(signedDelta!, publicKey!)),
    1,
  );
  next = BlockList.load(applied.snapshot);
  expected = applied.checksum;
} else {
  // list-sync.ts's viaSnapshot: verify, load, check the whole snapshot.
  const payload = await verifyFile(signedSnapshot!, publicKey!);
  next = BlockList.load(payload);
  await verifySnapshot(payload);
  expected = next.checksum;
}
const ms = performance.now() - start;
if (next.checksum !== expected) throw new Error(`${mode}: the list does not match its checksum`);
console.log(JSON.stringify({ ms }));

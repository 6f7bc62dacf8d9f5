import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { applyDelta } from './apply-delta';
import { BlockList } from './block-list';
import { encodeDelta } from './encode-delta';
import { encodeList } from './encode-list';
import { DeltaError, ListFormatError, SignatureError } from './errors';
import { readEntries } from './read-entries';
import { generatePrivateKey, publicKeyOf, signFile, verifyFile } from './sign-file';
import { sortEntries } from './list-entry';
import { syntheticEntries } from './test-entries';

// Decoders face bytes from the network and from storage: whatever they get, they must throw
// their own typed error (or succeed), never crash with a RangeError or hang.
const entries = sortEntries(syntheticEntries(120));
const list = await encodeList(entries, {
  version: 2,
  createdAt: 5,
  metadata: { protectedNames: ['n'] },
});
const delta = (
  await encodeDelta(entries.slice(10), entries.slice(0, 100), {
    fromVersion: 1,
    toVersion: 2,
    createdAt: 0,
  })
).bytes;
const old = await encodeList(entries.slice(10), { version: 1, createdAt: 0 });
const key = generatePrivateKey();
const signed = await signFile(list.subarray(0, 300), key);
const pub = publicKeyOf(key);

/** Random bytes, or a valid input with a few bytes overwritten, cut short or extended. */
const mutated = (valid: Uint8Array) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    fc
      .tuple(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: -20, max: 20 }),
      )
      .map(([edits, resize]) => {
        const copy = valid.slice(0, Math.max(0, valid.length + Math.min(resize, 0)));
        for (const [at, value] of edits) if (copy.length) copy[at % copy.length] = value;
        return resize > 0 ? new Uint8Array([...copy, ...new Uint8Array(resize)]) : copy;
      }),
  );

async function throwsOnly(
  run: () => unknown,
  type: new (...args: never[]) => Error,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
  }
}

describe('decoders under random and mutated bytes', () => {
  it('BlockList.load and matching throw only ListFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(list), (bytes) =>
        throwsOnly(() => {
          const loaded = BlockList.load(bytes);
          for (const e of entries.slice(0, 20)) loaded.matchSync(`http://${e.expression}`);
        }, ListFormatError),
      ),
      { numRuns: 400 },
    );
  });

  it('readEntries throws only ListFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(list), (bytes) =>
        throwsOnly(() => readEntries(bytes), ListFormatError),
      ),
      { numRuns: 400 },
    );
  });

  it('verifyFile rejects only with SignatureError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(signed), (bytes) =>
        throwsOnly(() => verifyFile(bytes, pub), SignatureError),
      ),
      { numRuns: 150 },
    );
  });

  it('applyDelta rejects only with DeltaError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(delta), (bytes) =>
        throwsOnly(() => applyDelta(old, bytes, 1), DeltaError),
      ),
      { numRuns: 400 },
    );
  });

  it('applyDelta refuses a damaged stored list only with DeltaError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(old), (stored) =>
        throwsOnly(() => applyDelta(stored, delta, 1), DeltaError),
      ),
      { numRuns: 400 },
    );
  });

  it('applyDelta rejects only with DeltaError on a mutated body that still inflates', async () => {
    const raw = inflateSync(delta);
    await fc.assert(
      fc.asyncProperty(mutated(raw), (body) =>
        throwsOnly(() => applyDelta(old, deflateSync(body), 1), DeltaError),
      ),
      { numRuns: 400 },
    );
  });
});

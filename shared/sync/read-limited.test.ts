import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readLimited } from './read-limited';

function stream(chunks: number[], endless = false) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[pulled] ?? (endless ? 1024 : undefined);
      pulled++;
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(pulled));
    },
  });
  return { body, pulled: () => pulled };
}

describe('readLimited', () => {
  it.each([
    [[3, 4], 7, 7],
    [[10], 10, 10],
    [[], 5, 0],
  ])('reads chunks %j within a limit of %i (%i bytes)', async (chunks, limit, length) => {
    expect((await readLimited(stream(chunks).body, limit)).length).toBe(length);
  });

  it('keeps the bytes in order across chunks', async () => {
    expect([...(await readLimited(stream([1, 2]).body, 3))]).toEqual([1, 2, 2]);
  });

  it('stops reading an endless body just past the limit', async () => {
    const endless = stream([], true);
    await expect(readLimited(endless.body, 10_000)).rejects.toThrow(BodyTooLargeError);
    // 10 chunks of 1 KiB reach 10 240 bytes: no more than one chunk past the limit is read.
    expect(endless.pulled()).toBeLessThanOrEqual(12);
  });

  it('refuses one byte too many', async () => {
    await expect(readLimited(stream([5, 6]).body, 10)).rejects.toThrow(/larger than 10 bytes/);
  });

  it('reads a missing body as empty', async () => {
    expect(await readLimited(null, 0)).toEqual(new Uint8Array(0));
  });
});

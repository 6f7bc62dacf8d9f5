/** A body that went past its limit: read no further, keep nothing. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** A manifest is a few kilobytes; anything near this is not one. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Reads a response body as it streams and stops as soon as it passes `limit` bytes, so a
 * hostile server cannot make the client buffer an endless body (arrayBuffer() would read
 * it all first). The stream is cancelled on the way out.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) throw new BodyTooLargeError(`body is larger than ${limit} bytes`);
      chunks.push(value);
    }
  } finally {
    // Stops the download of whatever is left; harmless on a finished stream.
    await reader.cancel().catch(() => undefined);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Bounds-checked little-endian reads over untrusted bytes. Every failure throws the error
 * type the caller passes in, so a corrupt list, delta or trailer surfaces as one typed
 * error instead of a RangeError or a silently wrong value.
 */
export class ByteReader {
  offset: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    private readonly fail: (message: string) => Error,
    offset = 0,
    readonly end = bytes.length,
  ) {
    this.offset = offset;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  need(count: number, what: string): void {
    if (count < 0 || this.offset + count > this.end) {
      throw this.fail(
        `truncated: ${what} needs ${count} bytes at offset ${this.offset}, ${this.remaining} left`,
      );
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.offset++]!;
  }

  u32(what: string): number {
    this.need(4, what);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f64(what: string): number {
    this.need(8, what);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  varint(what: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.u8(what);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw this.fail(`${what}: varint longer than 8 bytes at offset ${this.offset}`);
  }

  take(count: number, what: string): Uint8Array {
    this.need(count, what);
    const out = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return out;
  }

  string(what: string): string {
    return decodeUtf8(this.take(this.varint(what), what), this.fail, what);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly: invalid bytes are the caller's typed error, never U+FFFD. */
export function decodeUtf8(
  bytes: Uint8Array,
  fail: (message: string) => Error,
  what: string,
): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw fail(`${what}: invalid UTF-8`);
  }
}

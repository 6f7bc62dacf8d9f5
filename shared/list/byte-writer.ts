/** A growable little-endian byte buffer with LEB128 varints, for the list encoders. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  /** Pass a Uint8Array to write into it (a view into a larger buffer, say) until it is full. */
  constructor(initial: number | Uint8Array = 1024) {
    this.buf = typeof initial === 'number' ? new Uint8Array(Math.max(16, initial)) : initial;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let capacity = Math.max(16, this.buf.length * 2);
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(value: number): void {
    this.reserve(1);
    this.buf[this.length++] = value;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  f64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Unsigned LEB128; values up to 2^53 (plain numbers, so no 32-bit truncation). */
  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buf[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buf[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** Writes `text` as UTF-8 with a varint byte-length prefix. */
  string(text: string): void {
    // ASCII (every canonical expression) is written in place: a million small
    // Uint8Arrays would cost more in garbage collection than the encoding itself.
    const n = text.length;
    if (n < 0x80) {
      this.reserve(n + 1);
      const start = this.length;
      this.buf[start] = n;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        this.buf[start + 1 + i] = c;
      }
      if (i === n) {
        this.length = start + 1 + n;
        return;
      }
    }
    const encoded = utf8(text);
    this.varint(encoded.length);
    this.bytes(encoded);
  }

  align(multiple: number): void {
    while (this.length % multiple !== 0) this.u8(0);
  }

  setU32(offset: number, value: number): void {
    this.view.setUint32(offset, value, true);
  }

  /** The bytes written; no copy when the writer was sized exactly (a 30 MB list, say). */
  finish(): Uint8Array {
    return this.length === this.buf.length ? this.buf : this.buf.slice(0, this.length);
  }

  /** A view of the bytes written, sharing the buffer: for intermediates that are copied on. */
  written(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, skipping TextEncoder for the (usual) pure-ASCII case. */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/**
 * The byte source a Deserializer reads from: a view of the caller's bytes (no copy, as Node reads
 * the buffer it was given in place), every read checked against the end. A read past the end or a
 * malformed field throws {@link Malformed}, which the public methods turn into Node's message.
 */

/** Raised inside the reader for data that is truncated or malformed; never reaches guest code. */
export class Malformed {
  constructor(readonly why: string) {}
}

/** The input and a read position; `end` is fixed when it is made. */
export class ByteSource {
  pos = 0;
  readonly end: number;
  #scratch = new DataView(new ArrayBuffer(8));
  #scratchBytes = new Uint8Array(this.#scratch.buffer);

  constructor(readonly bytes: Uint8Array) {
    this.end = bytes.length;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  byte(): number {
    if (this.pos >= this.end) throw new Malformed(`truncated at offset ${this.pos}`);
    return this.bytes[this.pos++]!;
  }

  /** The next byte, not consumed; -1 at the end. */
  peek(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : -1;
  }

  /** An unsigned 32-bit varint; bits past 32 are dropped, as V8 drops them. */
  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      if (shift < 32) value = (value | ((b & 0x7f) << shift)) >>> 0;
      shift += 7;
      if ((b & 0x80) === 0) return value;
    }
  }

  /** An unsigned 64-bit varint as a BigInt (readUint64). */
  varint64(): bigint {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      if (shift < 64n) value |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if ((b & 0x80) === 0) return BigInt.asUintN(64, value);
    }
  }

  /** A zigzag-encoded int32. */
  zigzag(): number {
    const v = this.varint();
    return (v >>> 1) ^ -(v & 1);
  }

  double(): number {
    this.#scratchBytes.set(this.take(8));
    return this.#scratch.getFloat64(0, true);
  }

  /** The next `n` bytes as a view of the input (checked before anything is allocated). */
  take(n: number): Uint8Array {
    const start = this.skip(n);
    return this.bytes.subarray(start, start + n);
  }

  /** Passes over the next `n` bytes (checked against the end); returns where they start. */
  skip(n: number): number {
    if (!(n >= 0) || n > this.end - this.pos) throw new Malformed(`${n} bytes declared at offset ${this.pos}, ${this.end - this.pos} left`);
    const start = this.pos;
    this.pos += n;
    return start;
  }

  /** A tag: the next byte after any padding bytes. */
  tag(): number {
    let t = this.byte();
    while (t === 0) t = this.byte();
    return t;
  }

  /** The next tag without consuming it (padding before it is consumed); -1 at the end. */
  peekTag(): number {
    while (this.pos < this.end && this.bytes[this.pos] === 0) this.pos++;
    return this.peek();
  }
}

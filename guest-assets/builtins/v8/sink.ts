/**
 * The byte sink a Serializer writes into: a growing guest-realm Uint8Array with V8's primitive
 * encodings (base-128 varints, zigzag int32, little-endian doubles, raw bytes).
 */

/** A growable byte buffer; `length` is the number of bytes written. */
export class ByteSink {
  bytes = new Uint8Array(64);
  length = 0;
  #scratch = new DataView(new ArrayBuffer(8));

  /** Room for `n` more bytes (doubling, so writing stays linear). */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** An unsigned 32-bit varint (7 bits a byte, low first). */
  varint(value: number): void {
    let v = value >>> 0;
    this.reserve(5);
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  /** An unsigned varint of any size (BigInt fields, 64-bit values). */
  bigVarint(value: bigint): void {
    let v = value;
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  /** A signed int32 as V8 writes a Smi: zigzag, then varint. */
  zigzag(value: number): void {
    this.varint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  double(value: number): void {
    this.#scratch.setFloat64(0, value, true);
    this.raw(new Uint8Array(this.#scratch.buffer));
  }

  raw(view: Uint8Array): void {
    this.reserve(view.length);
    this.bytes.set(view, this.length);
    this.length += view.length;
  }

  /** Takes the bytes written and starts over empty (releaseBuffer). */
  release(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = new Uint8Array(64);
    this.length = 0;
    return out;
  }
}

/** How many bytes the varint of `value` takes. */
export function varintSize(value: number): number {
  let n = 1;
  for (let v = value >>> 0; v >= 0x80; v >>>= 7) n++;
  return n;
}

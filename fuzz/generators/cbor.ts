import type { Rng } from '../random/index.js';

/**
 * Raw CBOR written byte by byte, so that it can be anything the real encoder never writes: lying
 * lengths, reserved and indefinite heads, bad UTF-8, deep nesting, the tags cbor-x interprets, and
 * declared sizes far beyond the bytes present.
 */

/** Output bytes, grown as needed. */
export class Out {
  #bytes = new Uint8Array(256);
  length = 0;

  push(...values: number[]): void {
    for (const v of values) this.#put(v);
  }

  append(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  #put(v: number): void {
    this.#room(1);
    this.#bytes[this.length++] = v;
  }

  #room(n: number): void {
    if (this.length + n <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + n));
    grown.set(this.#bytes.subarray(0, this.length));
    this.#bytes = grown;
  }

  done(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}

/** A CBOR head: major type and argument, in the shortest form or the one asked for (`width` 0..3: 1, 2, 4, 8 bytes after). */
export function head(out: Out, major: number, n: number | bigint, width?: number): void {
  const big = BigInt(n);
  const w = width ?? (big < 24n ? -1 : big < 0x100n ? 0 : big < 0x10000n ? 1 : big < 0x100000000n ? 2 : 3);
  if (w < 0) return out.push((major << 5) | Number(big));
  const bytes = 1 << w;
  out.push((major << 5) | (24 + w));
  for (let i = bytes - 1; i >= 0; i--) out.push(Number((big >> BigInt(i * 8)) & 0xffn));
}

/** Declared sizes that are far beyond any frame. */
const HUGE = [0xffn, 0xffffn, 0x10000n, 0x6000000n, 0x7fffffffn, 0xffffffffn, 0x100000000n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 64n - 1n];

/** Tags cbor-x gives meaning to (dates, bignums, records, shared refs, packed values, typed arrays, sets, maps) and ours. */
const TAGS = [0, 1, 2, 3, 4, 5, 21, 22, 23, 24, 25, 26, 27, 28, 29, 32, 35, 51, 64, 65, 66, 67, 68, 69, 70, 72, 77, 78, 79, 81, 82, 85, 86, 256, 258, 259, 0x5500, 0x5501, 0x5503, 0x5504, 0x5510, 0x5515, 0x5530, 0xe000, 0xe0ff, 0xffff, 55799];

/** Byte sequences that are not UTF-8: lone continuation, overlong, surrogates, past U+10FFFF, truncated. */
const BAD_UTF8: readonly number[][] = [[0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xff], [0xfe, 0xff], [0xc3]];

/** Text bytes: valid UTF-8 with a bad sequence inside, or none. */
export function textBytes(rng: Rng, valid: boolean): Uint8Array {
  const out = new Out();
  const n = rng.size(40);
  for (let i = 0; i < n; i++) {
    if (!valid && rng.chance(0.2)) for (const b of rng.pick(BAD_UTF8)) out.push(b);
    else out.append(new TextEncoder().encode(rng.pick(['a', '/', '.', 'é', '€', '𝄞', '\u0000', 'Z', '-'])));
  }
  if (!valid) for (const b of rng.pick(BAD_UTF8)) out.push(b);
  return out.done();
}

/** One CBOR item of at most `depth` levels; `lie` allows malformed pieces. */
export function item(rng: Rng, out: Out, depth: number, lie: boolean): void {
  const kind = rng.below(lie ? 16 : 11);
  switch (kind) {
    case 0:
      return head(out, 0, BigInt(rng.u32()) * BigInt(rng.chance(0.3) ? rng.u32() : 1));
    case 1:
      return head(out, 1, rng.size(0xffffffff));
    case 2: {
      const b = rng.bytes(rng.size(64));
      head(out, 2, b.length);
      return out.append(b);
    }
    case 3: {
      const t = textBytes(rng, !lie || rng.chance(0.5));
      head(out, 3, t.length);
      return out.append(t);
    }
    case 4:
    case 5: {
      const n = depth > 0 ? rng.size(6) : 0;
      head(out, kind === 4 ? 4 : 5, n);
      for (let i = 0; i < n * (kind === 4 ? 1 : 2); i++) item(rng, out, depth - 1, lie);
      return;
    }
    case 6:
      head(out, 6, rng.pick(TAGS));
      return item(rng, out, Math.max(0, depth - 1), lie);
    case 7:
      return out.push(rng.pick([0xf4, 0xf5, 0xf6, 0xf7]));
    case 8:
      out.push(0xfb);
      return out.append(rng.bytes(8));
    case 9:
      out.push(rng.pick([0xf9, 0xfa]));
      return out.append(rng.bytes(rng.pick([2, 4])));
    case 10: {
      // A tag cbor-x reads as a record, an error or a regular expression, with plausible contents.
      head(out, 6, rng.pick([27, 35, 258, 259, 0xe000]));
      head(out, 4, 2);
      const name = new TextEncoder().encode(rng.pick(['Error', 'RegExp', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '(((a+)+)+)$']));
      head(out, 3, name.length);
      out.append(name);
      return item(rng, out, 0, lie);
    }
    case 11:
      // A declared length far beyond the bytes that follow.
      head(out, rng.pick([2, 3, 4, 5]), rng.pick(HUGE));
      return out.append(rng.bytes(rng.size(16)));
    case 12:
      // Reserved additional information (28..30), or an indefinite head where none is allowed.
      return out.push((rng.below(8) << 5) | rng.int(28, 31));
    case 13:
      return out.push(0xff);
    case 14: {
      // Indefinite containers and strings, closed or not.
      out.push(rng.pick([0x5f, 0x7f, 0x9f, 0xbf]));
      const n = rng.size(4);
      for (let i = 0; i < n; i++) item(rng, out, Math.max(0, depth - 1), lie);
      if (rng.chance(0.6)) out.push(0xff);
      return;
    }
    default:
      // A head cut short (its argument bytes missing).
      return out.push((rng.below(8) << 5) | rng.int(24, 27));
  }
}

/** An argument payload: usually one array, whose items may be anything above. */
export function argsPayload(rng: Rng, lie: boolean): Uint8Array {
  const out = new Out();
  if (!rng.chance(0.1)) {
    const n = rng.size(6);
    head(out, 4, n);
    for (let i = 0; i < n; i++) item(rng, out, 3, lie);
  } else {
    item(rng, out, 3, lie);
  }
  if (lie && rng.chance(0.2)) out.append(rng.bytes(rng.size(8)));
  return out.done();
}

/** Containers nested `levels` deep around one value (arrays, maps, tags or indefinite arrays), as an argument array's second item. */
export function deep(rng: Rng, levels: number): Uint8Array {
  const unit = rng.pick<readonly number[]>([[0x81], [0xa1, 0x61, 0x6b], [0xd9, 0x55, 0x10], [0xc6], [0x9f], [0xd8, 0x1b, 0x82, 0x65, 0x45, 0x72, 0x72, 0x6f, 0x72]]);
  const prefix = [0x82, 0x61, 0x2f];
  const body = new Uint8Array(prefix.length + levels * unit.length + 2);
  body.set(prefix, 0);
  for (let i = 0; i < levels; i++) body.set(unit, prefix.length + i * unit.length);
  body[body.length - 2] = 0x01;
  body[body.length - 1] = rng.chance(0.5) ? 0xff : 0x01;
  return body;
}

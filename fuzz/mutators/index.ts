import type { Rng } from '../random/index.js';

/**
 * Mutations of valid frames: the classic byte-level ones (flip, set, insert, delete, duplicate,
 * truncate, extend, splice) plus two that aim at decoders: writing an interesting 32-bit value over
 * any offset (a length that lies), and turning a CBOR head into one that declares a huge size.
 */

const INTERESTING_BYTES = [0x00, 0x01, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1f, 0x20, 0x3f, 0x40, 0x5b, 0x5f, 0x7b, 0x7f, 0x80, 0x81, 0x9b, 0x9f, 0xa1, 0xbb, 0xbf, 0xc2, 0xd8, 0xf7, 0xfb, 0xff];
const INTERESTING_U32 = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

type Mutation = (rng: Rng, b: Uint8Array, from: number) => Uint8Array;

const MUTATIONS: readonly Mutation[] = [
  (rng, b, from) => {
    if (b.length <= from) return b;
    const at = rng.int(from, b.length - 1);
    b[at]! ^= 1 << rng.below(8);
    return b;
  },
  (rng, b, from) => {
    if (b.length <= from) return b;
    b[rng.int(from, b.length - 1)] = rng.pick(INTERESTING_BYTES);
    return b;
  },
  (rng, b, from) => splice(b, rng.int(from, b.length), 0, rng.bytes(rng.size(16))),
  (rng, b, from) => {
    const at = rng.int(from, b.length);
    return splice(b, at, rng.size(b.length - at), new Uint8Array(0));
  },
  (rng, b, from) => {
    const at = rng.int(from, b.length);
    const n = rng.size(b.length - at);
    return splice(b, at, 0, b.slice(at, at + n));
  },
  (rng, b, from) => b.slice(0, rng.int(Math.min(from, b.length), b.length)),
  (rng, b) => concat(b, rng.bytes(rng.size(32))),
  (rng, b, from) => {
    if (b.length < from + 4) return b;
    const at = rng.int(from, b.length - 4);
    new DataView(b.buffer, b.byteOffset).setUint32(at, rng.pick(INTERESTING_U32));
    return b;
  },
  (rng, b, from) => {
    // A CBOR head that declares 2^32-1 or 2^64-1 items or bytes, the rest of the frame following it.
    if (b.length <= from) return b;
    const at = rng.int(from, b.length - 1);
    const major = rng.pick([2, 3, 4, 5]) << 5;
    const huge = rng.chance(0.5) ? Uint8Array.of(major | 26, 0xff, 0xff, 0xff, 0xff) : Uint8Array.of(major | 27, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    return splice(b, at, 1, huge);
  },
];

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length);
  out.set(b.subarray(0, at), 0);
  out.set(insert, at);
  out.set(b.subarray(at + remove), at + insert.length);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return splice(a, a.length, 0, b);
}

/** `bytes` (not modified) with one to four mutations at or after offset `from`. */
export function mutate(rng: Rng, bytes: Uint8Array, from = 0): Uint8Array {
  let b: Uint8Array = bytes.slice();
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) b = rng.pick(MUTATIONS)(rng, b, Math.min(from, b.length));
  return b;
}

/** The first part of `a` followed by the last part of `b`: two frames spliced. */
export function crossover(rng: Rng, a: Uint8Array, b: Uint8Array): Uint8Array {
  return concat(a.slice(0, rng.int(0, a.length)), b.slice(rng.int(0, b.length)));
}

/**
 * Updates a Hash or Hmac keeps in the guest until its digest, so the common short cases cost one
 * Worker call: strings joined into one (only where joining cannot change the bytes: same encoding,
 * one byte or one unit per character, or utf8 without a surrogate pair split across the seam), or
 * copies of small views (Node hashes a view's bytes at update time, so they are copied then).
 * Anything else, or more than MAX_KEPT_BYTES, goes to the Worker's own Hash object.
 *
 * Kept bytes reach the Worker through one staging buffer: a small typed array lives in the JS heap
 * and the Worker's first look at its memory moves it out (about a microsecond each time), while the
 * staging buffer's memory is out of the heap from the start.
 */

/** Bytes of views kept in the guest per object (the staging buffer holds them and a kept Hmac key). */
export const MAX_KEPT_BYTES = 16 * 1024;

/** Bytes of an Hmac key kept in the guest (see hash.ts). */
export const MAX_KEPT_KEY = 4096;

/** What a Hash or Hmac has not yet given to the Worker. */
export interface Pending {
  /** The joined string updates, and their encoding. */
  text: string | undefined;
  encoding: string | undefined;
  /** Copies of the view updates. */
  chunks: Uint8Array[] | undefined;
  size: number;
}

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get!;
const taBuffer = getter(typedArrayProto, 'buffer');
const taOffset = getter(typedArrayProto, 'byteOffset');
const taLength = getter(typedArrayProto, 'byteLength');
const dvBuffer = getter(DataView.prototype, 'buffer');
const dvOffset = getter(DataView.prototype, 'byteOffset');
const dvLength = getter(DataView.prototype, 'byteLength');
const sliceOf = (Uint8Array.prototype as unknown as { slice: () => Uint8Array }).slice;
const setOf = (typedArrayProto as { set: (source: ArrayLike<number>, offset: number) => void }).set;
const subarrayOf = (typedArrayProto as { subarray: (start: number, end: number) => Uint8Array }).subarray;
/** Kept bytes at 0, a kept key at MAX_KEPT_BYTES. */
const staging = new Uint8Array(MAX_KEPT_BYTES + MAX_KEPT_KEY);

/** `bytes` copied into the staging buffer (it must fit), as a view of it. */
export function staged(bytes: Uint8Array, at = 0): Uint8Array {
  Reflect.apply(setOf, staging, [bytes, at]);
  return Reflect.apply(subarrayOf, staging, [at, at + bytes.length]) as Uint8Array;
}
const tagOf = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag)!.get!;
/** A view that is not a typed array is a DataView (the typed arrays' tag getter gives it undefined). */
const isDataView = (view: ArrayBufferView) => Reflect.apply(tagOf, view, []) === undefined;

/** A guest view's bytes (by the engine's own getters, which guest code cannot replace). */
export function bytesView(view: ArrayBufferView): Uint8Array {
  const [b, o, l] = isDataView(view) ? [dvBuffer, dvOffset, dvLength] : [taBuffer, taOffset, taLength];
  return new Uint8Array(Reflect.apply(b, view, []) as ArrayBuffer, Reflect.apply(o, view, []) as number, Reflect.apply(l, view, []) as number);
}

/** Encodings in which each character (or UTF-16 unit) is encoded alone, so joining is exact. */
const PER_UNIT = new Set(['latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

/** Whether `next` (in `encoding`) may be joined to the kept text without changing the bytes. */
function joinable(pending: Pending, next: string, encoding: string | undefined): boolean {
  if (encoding !== pending.encoding) return false;
  if (encoding !== undefined && PER_UNIT.has(encoding)) return true;
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8') return false;
  // utf8 encodes a lone surrogate as U+FFFD: a pair split across the seam must stay apart.
  const last = pending.text!.charCodeAt(pending.text!.length - 1);
  const first = next.charCodeAt(0);
  return !(last >= 0xd800 && last <= 0xdbff) && !(first >= 0xdc00 && first <= 0xdfff);
}

/** Keeps `data` if it can be; false when it must go to the Worker (with what is kept before it). */
export function keep(pending: Pending, data: string | ArrayBufferView, encoding: string | undefined): boolean {
  if (typeof data === 'string') {
    if (pending.chunks !== undefined) return false;
    if (pending.text === undefined) {
      pending.text = data;
      pending.encoding = encoding;
      return true;
    }
    if (!joinable(pending, data, encoding)) return false;
    pending.text += data;
    return true;
  }
  if (pending.text !== undefined) return false;
  const bytes = bytesView(data);
  if (pending.size + bytes.length > MAX_KEPT_BYTES) return false;
  const chunks = (pending.chunks ??= []);
  chunks[chunks.length] = Reflect.apply(sliceOf, bytes, []) as Uint8Array;
  pending.size += bytes.length;
  return true;
}

/** Whether anything is kept. */
export function hasPending(pending: Pending): boolean {
  return pending.text !== undefined || pending.chunks !== undefined;
}

/**
 * What is kept, as one update (a string, or the bytes in the staging buffer after `reserved`
 * bytes, valid until the next Worker call), and forgets it.
 */
export function takePending(pending: Pending, reserved = 0): string | Uint8Array | undefined {
  const { text, chunks, size } = pending;
  pending.text = undefined;
  pending.chunks = undefined;
  pending.size = 0;
  if (chunks === undefined) return text;
  let at = reserved;
  for (let i = 0; i < chunks.length; i++) {
    Reflect.apply(setOf, staging, [chunks[i], at]);
    at += chunks[i]!.length;
  }
  return Reflect.apply(subarrayOf, staging, [reserved, reserved + size]) as Uint8Array;
}

/** Copies what `from` keeps into `to` (for copy(); kept chunks are never changed, so they are shared). */
export function copyPending(from: Pending, to: Pending): void {
  to.text = from.text;
  to.encoding = from.encoding;
  const chunks = from.chunks;
  if (chunks !== undefined) {
    to.chunks = [];
    for (let i = 0; i < chunks.length; i++) to.chunks[i] = chunks[i]!;
  }
  to.size = from.size;
}

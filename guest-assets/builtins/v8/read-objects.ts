/**
 * The records of the reader for arrays, RegExp, Map, Set, Error, ArrayBuffer and views.
 */
import { call, intrinsics } from './intrinsics.js';
import { holeyArrays } from './holey.js';
import { Malformed } from './source.js';
import { ErrorTag, REGEXP_BAD_BITS, REGEXP_FLAGS, Tag, VIEW_SUBTAGS, ViewFlag } from './tags.js';
import type { ValueReader } from './read-value.js';

type ViewClass = new (buffer: ArrayBuffer, byteOffset?: number, length?: number) => ArrayBufferView;

/** The guest's view classes by subtag (captured: a guest replacing a global changes nothing here). */
const VIEW_CLASSES: Record<string, ViewClass> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
};
const VIEW_BY_SUBTAG = new Map(VIEW_SUBTAGS.map(([name, subtag]) => [subtag, VIEW_CLASSES[name]!] as const));

const ERRORS = new Map<number, ErrorConstructor>([
  [ErrorTag.EvalError, EvalError],
  [ErrorTag.RangeError, RangeError],
  [ErrorTag.ReferenceError, ReferenceError],
  [ErrorTag.SyntaxError, SyntaxError],
  [ErrorTag.TypeError, TypeError],
  [ErrorTag.UriError, URIError],
]);

/** The end of an array record: the property count and the length must be the ones read. */
function endArray(r: ValueReader, count: number, length: number): void {
  if (r.source.varint() !== count || r.source.varint() !== length) throw new Malformed('array end does not match');
}

/** A sparse array ('a'): its length, then its properties up to '@'. */
export function readSparseArray(r: ValueReader): unknown[] {
  const length = r.source.varint();
  const a: unknown[] = r.add(r.reserve(), []);
  holeyArrays.add(a);
  // Setting the length of an empty array allocates nothing, however large.
  a.length = length;
  endArray(r, r.properties(a, Tag.EndSparseArray), length);
  return a;
}

/** A dense array ('A'): its elements ('-' a hole), then named properties up to '$'. */
export function readDenseArray(r: ValueReader): unknown[] {
  const src = r.source;
  const length = src.varint();
  // Every element takes at least a byte: a longer declared length is a lie.
  if (length > src.remaining) throw new Malformed(`dense array of ${length} with ${src.remaining} bytes left`);
  // Bounded by the input (checked above), so the elements can be made at once.
  const a: unknown[] = r.add(r.reserve(), new Array(length));
  holeyArrays.add(a);
  for (let i = 0; i < length; i++) {
    if (src.peekTag() === Tag.TheHole) {
      src.tag();
      continue;
    }
    const v = r.object();
    // Before version 11, undefined in an array meant a hole.
    if (r.version < 11 && v === undefined) continue;
    a[i] = v;
  }
  endArray(r, r.properties(a, Tag.EndDenseArray, length), length);
  return a;
}

/** A RegExp ('R'): its source and flag bits; a bad pattern throws the RegExp constructor's SyntaxError. */
export function readRegExp(r: ValueReader): RegExp {
  const id = r.reserve();
  const pattern = r.string();
  const bits = r.source.varint();
  if (bits & REGEXP_BAD_BITS) throw new Malformed('regexp flags');
  let flags = '';
  for (const [letter, bit] of REGEXP_FLAGS) if (bits & bit) flags += letter;
  return r.add(id, new RegExp(pattern, flags));
}

/** A Map (';'): keys and values up to ':', then their count. */
export function readMap(r: ValueReader): Map<unknown, unknown> {
  const m = r.add(r.reserve(), new Map<unknown, unknown>());
  let length = 0;
  while (r.source.peekTag() !== Tag.EndMap) {
    const key = r.object();
    call(intrinsics.mapSet, m, key, r.object());
    length += 2;
  }
  r.source.tag();
  if (r.source.varint() !== length) throw new Malformed('map length');
  return m;
}

/** A Set ("'"): values up to ',', then their count. */
export function readSet(r: ValueReader): Set<unknown> {
  const s = r.add(r.reserve(), new Set<unknown>());
  let length = 0;
  while (r.source.peekTag() !== Tag.EndSet) {
    call(intrinsics.setAdd, s, r.object());
    length++;
  }
  r.source.tag();
  if (r.source.varint() !== length) throw new Malformed('set length');
  return s;
}

/** An ArrayBuffer ('B', or '~' resizable): its length (and maximum), then a copy of its bytes. */
export function readArrayBuffer(r: ValueReader, resizable: boolean): ArrayBuffer {
  const id = r.reserve();
  const src = r.source;
  const byteLength = src.varint();
  const maxByteLength = resizable ? src.varint() : byteLength;
  if (byteLength > maxByteLength) throw new Malformed('resizable ArrayBuffer longer than its maximum');
  const bytes = src.take(byteLength);
  const buffer = resizable ? new (ArrayBuffer as new (n: number, o: object) => ArrayBuffer)(byteLength, { maxByteLength }) : new ArrayBuffer(byteLength);
  new Uint8Array(buffer).set(bytes);
  r.buffers.add(buffer);
  return r.add(id, buffer);
}

/** A view record ('V') over the buffer just read. */
export function readView(r: ValueReader, buffer: ArrayBuffer): ArrayBufferView {
  const src = r.source;
  const subtag = src.varint();
  const byteOffset = src.varint();
  const byteLength = src.varint();
  const flags = r.version >= 14 ? src.varint() : 0;
  const id = r.reserve();
  const size = call<number>(intrinsics.bufferByteLength, buffer);
  if (byteOffset > size || byteLength > size - byteOffset) throw new Malformed('view outside its buffer');
  const View = VIEW_BY_SUBTAG.get(subtag);
  if (View === undefined) throw new Malformed(`view subtag 0x${subtag.toString(16)}`);
  const resizable = intrinsics.bufferResizable !== undefined && call<boolean>(intrinsics.bufferResizable, buffer);
  const backedByResizable = (flags & ViewFlag.BackedByResizable) !== 0;
  if ((backedByResizable && !resizable) || ((flags & ViewFlag.LengthTracking) !== 0 && !backedByResizable)) throw new Malformed('view flags');
  const element = (View as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  if (byteOffset % element !== 0 || byteLength % element !== 0) throw new Malformed('view not aligned');
  const view =
    (flags & ViewFlag.LengthTracking) !== 0
      ? new View(buffer, byteOffset)
      : new View(buffer, byteOffset, View === DataView ? byteLength : byteLength / element);
  return r.add(id, view);
}

/** An Error ('r'): its fields up to '.', made with the prototype's constructor and its stack set as read. */
export function readError(r: ValueReader): Error {
  const id = r.reserve();
  let Ctor: ErrorConstructor = Error;
  let message: string | undefined;
  let stack: string | undefined;
  let options: { cause: unknown } | undefined;
  for (let done = false; !done; ) {
    const tag = r.source.varint();
    switch (tag) {
      case ErrorTag.Message:
        message = r.string();
        break;
      case ErrorTag.Cause:
        options = { cause: r.object() };
        break;
      case ErrorTag.Stack:
        stack = r.string();
        break;
      case ErrorTag.End:
        done = true;
        break;
      default: {
        const found = ERRORS.get(tag);
        if (found === undefined) throw new Malformed(`error field 0x${tag.toString(16)}`);
        Ctor = found;
      }
    }
  }
  const error = options === undefined ? new Ctor(message) : new (Ctor as new (m?: string, o?: object) => Error)(message, options);
  Object.defineProperty(error, 'stack', { value: stack, writable: true, enumerable: false, configurable: true });
  return r.add(id, error);
}

/**
 * The records of the writer for arrays (dense or sparse, as V8 chooses them), Map, Set, Error,
 * ArrayBuffer and views over buffers.
 */
import { call, intrinsics, isDetached, viewParts } from './intrinsics.js';
import { holeyArrays } from './holey.js';
import { Kind } from './kinds.js';
import { ERROR_PROTOTYPES, ErrorTag, Tag, VIEW_SUBTAGS, ViewFlag } from './tags.js';
import { isIndexKey, isSmi } from './numbers.js';
import type { ValueWriter } from './write-value.js';

const VIEW_SUBTAG = new Map(VIEW_SUBTAGS);
const ERROR_PROTOTYPE = new Map(ERROR_PROTOTYPES);

/**
 * Whether V8 writes the array densely: it does for packed elements. Holes, a non-extensible array
 * (frozen, sealed), elements stored in a dictionary (an accessor, a huge length) and an array the
 * deserializer made (holey.ts) are not packed.
 */
function isPacked(a: unknown[], length: number): boolean {
  if (!Object.isExtensible(a) || holeyArrays.has(a)) return false;
  for (let i = 0; i < length; i++) {
    if (!call(intrinsics.hasOwn, a, i)) return false;
  }
  return true;
}

/** Whether every element is a number and one of them is not a small integer: V8's double array. */
function isDoubleArray(a: unknown[], length: number): boolean {
  let double = false;
  for (let i = 0; i < length; i++) {
    const v = a[i];
    if (typeof v !== 'number') return false;
    if (!double && !isSmi(v)) double = true;
  }
  return double;
}

/** An array, dense or sparse as V8 would choose (isPacked), with its named properties. */
export function writeArray(w: ValueWriter, a: unknown[]): void {
  const { sink } = w;
  const length = a.length;
  if (!isPacked(a, length)) {
    sink.byte(Tag.BeginSparseArray);
    sink.varint(length);
    const count = w.properties(a, Object.keys(a));
    sink.byte(Tag.EndSparseArray);
    sink.varint(count);
    sink.varint(length);
    return;
  }
  sink.byte(Tag.BeginDenseArray);
  sink.varint(length);
  if (isDoubleArray(a, length)) {
    for (let i = 0; i < length; i++) {
      sink.byte(Tag.Double);
      sink.double(a[i] as number);
    }
  } else {
    for (let i = 0; i < length; i++) {
      // Writing an element can run code (a getter inside it) that deletes a later one.
      if (!call(intrinsics.hasOwn, a, i)) sink.byte(Tag.TheHole);
      else w.value(a[i]);
    }
  }
  // Index keys come first in key order: the named ones are the tail.
  const keys = Object.keys(a);
  let first = keys.length;
  while (first > 0 && !isIndexKey(keys[first - 1]!)) first--;
  const count = w.properties(a, first === 0 ? keys : keys.slice(first));
  sink.byte(Tag.EndDenseArray);
  sink.varint(count);
  sink.varint(length);
}

/** A Map: its entries as they are when it is met, then twice its size. */
export function writeMap(w: ValueWriter, m: Map<unknown, unknown>): void {
  // A copy first: writing the entries can run code that changes the map.
  const entries: unknown[] = [];
  call(intrinsics.mapForEach, m, (value: unknown, key: unknown) => {
    entries.push(key, value);
  });
  w.sink.byte(Tag.BeginMap);
  for (const v of entries) w.value(v);
  w.sink.byte(Tag.EndMap);
  w.sink.varint(entries.length);
}

/** A Set: its values as they are when it is met, then its size. */
export function writeSet(w: ValueWriter, s: Set<unknown>): void {
  const values: unknown[] = [];
  call(intrinsics.setForEach, s, (value: unknown) => {
    values.push(value);
  });
  w.sink.byte(Tag.BeginSet);
  for (const v of values) w.value(v);
  w.sink.byte(Tag.EndSet);
  w.sink.varint(values.length);
}

/** An ArrayBuffer: a transfer id when it is transferred, else its bytes ('~' with its maximum when resizable). */
export function writeArrayBuffer(w: ValueWriter, buffer: ArrayBuffer): void {
  const { sink } = w;
  const transfer = w.transfers.get(buffer);
  if (transfer !== undefined) {
    sink.byte(Tag.ArrayBufferTransfer);
    sink.varint(transfer);
    return;
  }
  if (isDetached(buffer)) w.detached();
  const bytes = new Uint8Array(buffer);
  if (intrinsics.bufferResizable !== undefined && call(intrinsics.bufferResizable, buffer)) {
    sink.byte(Tag.ResizableArrayBuffer);
    sink.varint(bytes.length);
    sink.varint(call(intrinsics.bufferMaxByteLength!, buffer));
  } else {
    sink.byte(Tag.ArrayBuffer);
    sink.varint(bytes.length);
  }
  sink.raw(bytes);
}

/** A view V8 writes itself: its buffer (or a reference to it), then the view record. */
export function writeView(w: ValueWriter, view: ArrayBufferView): void {
  const parts = viewParts(view, w.kinds.isDataView(view));
  w.receiver(parts.buffer);
  w.ids.set(view, w.nextId++);
  const { sink } = w;
  sink.byte(Tag.ArrayBufferView);
  sink.byte(VIEW_SUBTAG.get(parts.tag) ?? 0x3f);
  const resizable = w.kinds.kindOf(parts.buffer) === Kind.ArrayBuffer && intrinsics.bufferResizable !== undefined && call(intrinsics.bufferResizable, parts.buffer);
  // A view made over a resizable buffer without a length follows the buffer's length; V8 writes
  // its length as 0. JavaScript cannot ask a view whether it tracks: one reaching the buffer's end
  // is taken to.
  const tracking = resizable && parts.byteOffset + parts.byteLength === call<number>(intrinsics.bufferByteLength, parts.buffer);
  sink.varint(parts.byteOffset);
  sink.varint(tracking ? 0 : parts.byteLength);
  sink.varint((resizable ? ViewFlag.BackedByResizable : 0) | (tracking ? ViewFlag.LengthTracking : 0));
}

/** An Error: prototype tag (by its name), message, cause and stack, as V8 reads them. */
export function writeError(w: ValueWriter, e: Error): void {
  const { sink } = w;
  const message = Object.getOwnPropertyDescriptor(e, 'message');
  const cause = Object.getOwnPropertyDescriptor(e, 'cause');
  sink.byte(Tag.Error);
  const prototype = ERROR_PROTOTYPE.get(`${(e as { name?: unknown }).name}`);
  if (prototype !== undefined) sink.byte(prototype);
  if (message !== undefined && 'value' in message) {
    sink.byte(ErrorTag.Message);
    w.string(`${message.value}`);
  }
  if (cause !== undefined && 'value' in cause) {
    sink.byte(ErrorTag.Cause);
    w.value(cause.value);
  }
  const stack = (e as { stack?: unknown }).stack;
  if (typeof stack === 'string') {
    sink.byte(ErrorTag.Stack);
    w.string(stack);
  }
  sink.byte(ErrorTag.End);
}

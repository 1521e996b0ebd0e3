/**
 * The built-in methods and getters the serializer reads values through, captured when the bundle
 * is evaluated: they read internal slots, so a guest that replaces `Map.prototype.forEach` or a
 * prototype's getters changes nothing, as in V8's native serializer.
 */
const getter = (proto: object, key: PropertyKey): Function => Object.getOwnPropertyDescriptor(proto, key)!.get!;
const optionalGetter = (proto: object, key: PropertyKey): Function | undefined => Object.getOwnPropertyDescriptor(proto, key)?.get;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;

/** Calls a captured method or getter on `self`. */
export const call = <T>(fn: Function, self: unknown, ...args: unknown[]): T => Reflect.apply(fn, self, args) as T;

/** The captured methods and getters. */
export const intrinsics = {
  dateTime: Date.prototype.getTime,
  numberValue: Number.prototype.valueOf,
  stringValue: String.prototype.valueOf,
  booleanValue: Boolean.prototype.valueOf,
  bigintValue: BigInt.prototype.valueOf,
  regexpSource: getter(RegExp.prototype, 'source'),
  regexpFlags: (['global', 'ignoreCase', 'multiline', 'sticky', 'unicode', 'dotAll', 'hasIndices', 'unicodeSets'] as const).map(
    (name, i) => [optionalGetter(RegExp.prototype, name), [1, 2, 4, 8, 16, 32, 128, 256][i]!] as const,
  ),
  mapForEach: Map.prototype.forEach,
  mapSet: Map.prototype.set,
  setForEach: Set.prototype.forEach,
  setAdd: Set.prototype.add,
  bufferByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
  bufferResizable: optionalGetter(ArrayBuffer.prototype, 'resizable'),
  bufferMaxByteLength: optionalGetter(ArrayBuffer.prototype, 'maxByteLength'),
  viewBuffer: getter(TypedArrayPrototype, 'buffer'),
  viewByteOffset: getter(TypedArrayPrototype, 'byteOffset'),
  viewByteLength: getter(TypedArrayPrototype, 'byteLength'),
  viewTag: getter(TypedArrayPrototype, Symbol.toStringTag),
  dataViewBuffer: getter(DataView.prototype, 'buffer'),
  dataViewByteOffset: getter(DataView.prototype, 'byteOffset'),
  dataViewByteLength: getter(DataView.prototype, 'byteLength'),
  hasOwn: Object.prototype.hasOwnProperty,
  objectToString: Object.prototype.toString,
};

/** Whether the ArrayBuffer can no longer be read (transferred away): a zero-length view of it cannot be made. */
export function isDetached(buffer: ArrayBuffer): boolean {
  if (call<number>(intrinsics.bufferByteLength, buffer) !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/** A view's buffer, offset and length, read through the built-in getters. */
export function viewParts(view: ArrayBufferView, isDataView: boolean): { buffer: ArrayBuffer; byteOffset: number; byteLength: number; tag: string } {
  if (isDataView) {
    return {
      buffer: call(intrinsics.dataViewBuffer, view),
      byteOffset: call(intrinsics.dataViewByteOffset, view),
      byteLength: call(intrinsics.dataViewByteLength, view),
      tag: 'DataView',
    };
  }
  return {
    buffer: call(intrinsics.viewBuffer, view),
    byteOffset: call(intrinsics.viewByteOffset, view),
    byteLength: call(intrinsics.viewByteLength, view),
    tag: call(intrinsics.viewTag, view),
  };
}

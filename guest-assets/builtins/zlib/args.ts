/** Node's checks of zlib's arguments and options (lib/internal/validators.js), and zlib's errors. */
import { outOfRange } from '../../fs/descriptors/args.js';
import { invalidArgType, nodeError } from '../../node-errors.js';

export { outOfRange };
export { validateFunction } from '../../fs/descriptors/args.js';

// Intrinsics that tell real views and buffers apart (a guest cannot fake them with Symbol.toStringTag).
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get!;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer')!.get!;
const dataViewOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset')!.get!;
const dataViewLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const viewBuffer = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer')!.get!;
const viewOffset = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset')!.get!;
const viewLength = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteLength')!.get!;

export const isArrayBufferView = (value: unknown): value is ArrayBufferView => ArrayBuffer.isView(value);
export const isUint8Array = (value: unknown): value is Uint8Array => Reflect.apply(typedArrayTag, value, []) === 'Uint8Array';


/** A Uint8Array over the same memory as a view (any TypedArray or DataView), read with intrinsics. */
export function bytesOf(view: ArrayBufferView): Uint8Array {
  if (isUint8Array(view)) return view;
  const dv = Reflect.apply(typedArrayTag, view, []) === undefined;
  const [buffer, offset, length] = dv ? [dataViewBuffer, dataViewOffset, dataViewLength] : [viewBuffer, viewOffset, viewLength];
  return new Uint8Array(Reflect.apply(buffer, view, []) as ArrayBuffer, Reflect.apply(offset, view, []) as number, Reflect.apply(length, view, []) as number);
}

/** Node's validateFiniteNumber: false for undefined and NaN, true for finite numbers, else throws. */
export function validateFiniteNumber(number: unknown, name: string): number is number {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  if (typeof number !== 'number') throw invalidArgType(name, ['number'], [], number);
  throw outOfRange(name, 'a finite number', number);
}

/** Node's checkRangesOrGetDefault: `def` for undefined and NaN, the number within [lower, upper], else throws. */
export function checkRangesOrGetDefault<D>(number: unknown, name: string, lower: number, upper: number, def: D): number | D {
  if (!validateFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) throw outOfRange(name, `>= ${lower} and <= ${upper}`, number);
  return number;
}

/** Node's validateUint32. */
export function validateUint32(value: unknown, name: string): number {
  if (typeof value !== 'number') throw invalidArgType(name, ['number'], [], value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange(name, '>= 0 && <= 4294967295', value);
  return value;
}

/** ERR_BUFFER_TOO_LARGE, for a result over `max` bytes. */
export function bufferTooLarge(max: number): Error {
  return nodeError('ERR_BUFFER_TOO_LARGE', 'RangeError', `Cannot create a Buffer larger than ${max} bytes`);
}

/** ERR_BROTLI_INVALID_PARAM, for a key of `options.params` that names no parameter. */
export function brotliInvalidParam(key: string): Error {
  return nodeError('ERR_BROTLI_INVALID_PARAM', 'RangeError', `${key} is not a valid Brotli parameter`);
}

/** ERR_INTERNAL_ASSERTION with Node's text, for a call on a closed engine (`reset()` after `close()`). */
export function internalAssertion(message: string): Error {
  const suffix =
    'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
  return nodeError('ERR_INTERNAL_ASSERTION', 'Error', `${message}\n${suffix}`);
}

/** The error of a failed engine, as Node builds it: a plain Error with own `errno` and `code`. */
export function engineError(message: string, errno: number, code: string): Error {
  const error = new Error(message) as Error & { errno: number; code: string };
  error.errno = errno;
  error.code = code;
  return error;
}

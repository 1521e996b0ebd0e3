/**
 * Structured values (host functions): how one JavaScript value graph is written as one CBOR data item.
 * Both sides use these names; nothing else spells a tag number.
 *
 *   JavaScript value                      CBOR
 *   ------------------------------------  ----------------------------------------------------------------
 *   undefined, null, true, false          simple values 23, 22, 21, 20
 *   number                                integer (up to 32 bits) or float64; -0 is NegZero(null)
 *   bigint                                integer with an 8-byte argument if it fits 64 bits, else BigInt(hex text)
 *   string, well-formed UTF-16            text string (UTF-8)
 *   string with lone surrogates           Wtf16(bytes: the UTF-16 code units, little-endian)
 *   Uint8Array                            byte string: the view's bytes, nothing else
 *   Buffer, other TypedArrays, DataView,  Buffer/<TypedArray>/DataView/ArrayBuffer(byte string): the view's bytes
 *   ArrayBuffer                           (byteOffset..byteOffset+byteLength), native byte order
 *   Array                                 array; a hole is Hole(null); non-index properties are not carried
 *   plain object or class instance        Object([key, value, key, value, ...]); key: text string or Wtf16
 *   Map                                   Map([key, value, key, value, ...])
 *   Set                                   Set([item, item, ...])
 *   Date                                  Date(time value as a float; NaN for an invalid date)
 *   RegExp                                RegExp([source, flags, lastIndex])
 *   Boolean/Number/String/BigInt object   BoxedBoolean/BoxedNumber/BoxedString/BoxedBigInt(primitive)
 *   Error and its built-in subclasses     Error([class, name, message, stack, cause, errors, [key, value, ...]])
 *                                         absent name/message/stack/cause/errors are Hole(null)
 *   an object already written             Ref(n): the n-th object of this value (pre-order, from 0)
 *
 * Every object (including binary views, dates, boxes and errors) takes the next number when it is first
 * written, before its children, so a cycle refers back to an object still being read. The decoder
 * accepts exactly this vocabulary: any other tag, a CBOR map, or a value cbor-x builds from a standard
 * tag (Date, Set, typed array, record) is malformed.
 *
 * Host function call:  BridgeCall `host.fn.<name>`, arguments = [ byte string ]: the argument array
 *                      written as above (paths of refused values start at the array: `[0].p.x`).
 * Its reply:           status 2 (raw) with the CBOR array [Outcome, value]; status 1 only when the
 *                      bridge itself failed (unknown function, malformed arguments, over a limit).
 */

/** Tag numbers, in a private range cbor-x's decoder does not interpret (0x5500-0x55ff). */
export const ValueTag = {
  NegZero: 0x5500,
  Wtf16: 0x5501,
  Hole: 0x5502,
  Ref: 0x5503,
  BigInt: 0x5504,
  Object: 0x5510,
  Map: 0x5511,
  Set: 0x5512,
  Date: 0x5513,
  RegExp: 0x5514,
  Error: 0x5515,
  BoxedBoolean: 0x5520,
  BoxedNumber: 0x5521,
  BoxedString: 0x5522,
  BoxedBigInt: 0x5523,
  Buffer: 0x5530,
  ArrayBuffer: 0x5531,
  DataView: 0x5532,
  Uint8ClampedArray: 0x5540,
  Int8Array: 0x5541,
  Uint16Array: 0x5542,
  Int16Array: 0x5543,
  Uint32Array: 0x5544,
  Int32Array: 0x5545,
  Float32Array: 0x5546,
  Float64Array: 0x5547,
  BigInt64Array: 0x5548,
  BigUint64Array: 0x5549,
} as const;
export type ValueTag = (typeof ValueTag)[keyof typeof ValueTag];

/** The typed array classes, by name, that travel under their own tag (Uint8Array is a bare byte string). */
export const TYPED_ARRAY_NAMES = [
  'Uint8ClampedArray',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;
export type TaggedTypedArrayName = (typeof TYPED_ARRAY_NAMES)[number];

/** The error classes that cross; anything else arrives as the nearest of these (usually Error). */
export const ERROR_CLASSES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError'] as const;
export type ErrorClassName = (typeof ERROR_CLASSES)[number];

/** First element of a host function's reply array. */
export const Outcome = {
  /** The host function returned (or its promise fulfilled with) the value. */
  Returned: 0,
  /** The host function threw (or its promise rejected with) the value. */
  Threw: 1,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

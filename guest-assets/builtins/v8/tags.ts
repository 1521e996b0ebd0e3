/**
 * V8's ValueSerializer wire format, version 15 (what Node 20's `v8.serialize` writes), declared once.
 *
 * ```
 * stream   := 0xFF version(varint) value
 * value    := '_' | '0' | 'T' | 'F'                      undefined, null, true, false
 *           | 'I' zigzag(varint) | 'U' varint | 'N' f64   int32, uint32, double (little-endian)
 *           | 'Z' bitfield(varint) digits                 BigInt: bit 0 sign, bits 1.. byte length
 *           | '"' len latin1 | 'c' len utf16le | 'S' len utf8   strings ('c' preceded by '\0' when
 *                                                          its bytes would start at an odd offset)
 *           | '^' id                                       an object seen before (ids in order of first write)
 *           | 'o' (key value)* '{' count                   plain object
 *           | 'A' len value* (key value)* '$' count len    dense array ('-' for a hole)
 *           | 'a' len (key value)* '@' count len           sparse array
 *           | 'D' f64 | 'R' string flags(varint)           Date, RegExp
 *           | 'y' | 'x' | 'n' f64 | 'z' bigint | 's' string  Boolean, Number, BigInt, String wrappers
 *           | ';' (key value)* ':' 2*size | '\'' value* ',' size   Map, Set
 *           | 'B' len bytes | '~' len max bytes | 't' id   ArrayBuffer, resizable, transferred
 *             [ 'V' subtag offset len flags ]              a view over the buffer just read
 *           | 'u' id                                       SharedArrayBuffer (the embedder's id)
 *           | 'r' (errorTag ...)* '.'                      Error
 *           | '\\' ...                                     host object (the embedder's layout)
 *           | '?' count value                              object count check (ignored)
 * ```
 */
export const Tag = {
  Version: 0xff,
  Padding: 0x00,
  VerifyObjectCount: 0x3f, // '?'
  TheHole: 0x2d, // '-'
  Undefined: 0x5f, // '_'
  Null: 0x30, // '0'
  True: 0x54, // 'T'
  False: 0x46, // 'F'
  Int32: 0x49, // 'I'
  Uint32: 0x55, // 'U'
  Double: 0x4e, // 'N'
  BigInt: 0x5a, // 'Z'
  Utf8String: 0x53, // 'S'
  OneByteString: 0x22, // '"'
  TwoByteString: 0x63, // 'c'
  ObjectReference: 0x5e, // '^'
  BeginObject: 0x6f, // 'o'
  EndObject: 0x7b, // '{'
  BeginSparseArray: 0x61, // 'a'
  EndSparseArray: 0x40, // '@'
  BeginDenseArray: 0x41, // 'A'
  EndDenseArray: 0x24, // '$'
  Date: 0x44, // 'D'
  TrueObject: 0x79, // 'y'
  FalseObject: 0x78, // 'x'
  NumberObject: 0x6e, // 'n'
  BigIntObject: 0x7a, // 'z'
  StringObject: 0x73, // 's'
  RegExp: 0x52, // 'R'
  BeginMap: 0x3b, // ';'
  EndMap: 0x3a, // ':'
  BeginSet: 0x27, // "'"
  EndSet: 0x2c, // ','
  ArrayBuffer: 0x42, // 'B'
  ResizableArrayBuffer: 0x7e, // '~'
  ArrayBufferTransfer: 0x74, // 't'
  ArrayBufferView: 0x56, // 'V'
  SharedArrayBuffer: 0x75, // 'u'
  SharedObject: 0x70, // 'p'
  WasmModuleTransfer: 0x77, // 'w'
  WasmMemoryTransfer: 0x6d, // 'm'
  HostObject: 0x5c, // '\\'
  Error: 0x72, // 'r'
} as const;
/** One of {@link Tag}. */
export type Tag = (typeof Tag)[keyof typeof Tag];

/** The wire format version written, and the newest one read. */
export const LATEST_VERSION = 15;
/** Older versions are refused by readHeader (as V8's API does without legacy support). */
export const MINIMUM_VERSION = 13;

/** The fields of an Error record ('r'): which prototype, message, cause, stack, end. */
export const ErrorTag = {
  EvalError: 0x45, // 'E'
  RangeError: 0x52, // 'R'
  ReferenceError: 0x46, // 'F'
  SyntaxError: 0x53, // 'S'
  TypeError: 0x54, // 'T'
  UriError: 0x55, // 'U'
  Message: 0x6d, // 'm'
  Cause: 0x63, // 'c'
  Stack: 0x73, // 's'
  End: 0x2e, // '.'
} as const;
/** One of {@link ErrorTag}. */
export type ErrorTag = (typeof ErrorTag)[keyof typeof ErrorTag];

/** The error names with a prototype tag of their own; any other name is read back as an Error. */
export const ERROR_PROTOTYPES: readonly (readonly [string, number])[] = [
  ['EvalError', ErrorTag.EvalError],
  ['RangeError', ErrorTag.RangeError],
  ['ReferenceError', ErrorTag.ReferenceError],
  ['SyntaxError', ErrorTag.SyntaxError],
  ['TypeError', ErrorTag.TypeError],
  ['URIError', ErrorTag.UriError],
];

/** The subtag of an ArrayBufferView record ('V') for each view class. */
export const VIEW_SUBTAGS: readonly (readonly [string, number])[] = [
  ['Int8Array', 0x62], // 'b'
  ['Uint8Array', 0x42], // 'B'
  ['Uint8ClampedArray', 0x43], // 'C'
  ['Int16Array', 0x77], // 'w'
  ['Uint16Array', 0x57], // 'W'
  ['Int32Array', 0x64], // 'd'
  ['Uint32Array', 0x44], // 'D'
  ['Float32Array', 0x66], // 'f'
  ['Float64Array', 0x46], // 'F'
  ['BigInt64Array', 0x71], // 'q'
  ['BigUint64Array', 0x51], // 'Q'
  ['DataView', 0x3f], // '?'
];

/** The flags of a view record: it follows its buffer's length, its buffer is resizable. */
export const ViewFlag = { LengthTracking: 1, BackedByResizable: 2 } as const;

/** RegExp flag bits, in V8's order. `l` (linear) is refused when read, as Node does by default. */
export const REGEXP_FLAGS: readonly (readonly [string, number])[] = [
  ['g', 1],
  ['i', 2],
  ['m', 4],
  ['y', 8],
  ['u', 16],
  ['s', 32],
  ['d', 128],
  ['v', 256],
];
/** Bits no flag of Node 20 uses (and `l`, 64, which needs a V8 flag the sandbox does not set). */
export const REGEXP_BAD_BITS = ~(1 | 2 | 4 | 8 | 16 | 32 | 128 | 256);

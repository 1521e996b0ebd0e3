import { Buffer } from 'buffer';
import { describeReceived, invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import { inspect } from '../../inspect/index.js';

/** Node's validators for descriptor arguments (lib/internal/validators.js), with Node's messages. */

/** `1_000_000`: how Node prints big integers in range errors. */
function withSeparators(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  let rest = sign ? digits.slice(1) : digits;
  let out = '';
  while (rest.length > 3) {
    out = `_${rest.slice(-3)}${out}`;
    rest = rest.slice(0, -3);
  }
  return `${sign}${rest}${out}`;
}

/** ERR_OUT_OF_RANGE, with the received value printed as Node prints it (separators, `n`, inspect). */
export function outOfRange(name: string, range: string, value: unknown): Error {
  let received: string;
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = withSeparators(String(value));
  else if (typeof value === 'bigint') {
    const big = value > 2n ** 32n || value < -(2n ** 32n);
    received = `${big ? withSeparators(String(value)) : String(value)}n`;
  } else received = inspect(value);
  return nodeError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

/** An integer number within [min, max]; Node's `validateInteger`. */
export function validateInteger(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number') throw invalidArgType(name, ['number'], [], value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  return value;
}

/** A 32-bit signed integer within [min, max]; Node's `validateInt32`. */
export function validateInt32(value: unknown, name: string, min = -2147483648, max = 2147483647): number {
  return validateInteger(value, name, min, max);
}

/** A descriptor: an int32 >= 0 (`-0` is 0); Node's `getValidatedFd`. */
export function getValidatedFd(fd: unknown, name = 'fd'): number {
  if (Object.is(fd, -0)) return 0;
  return validateInt32(fd, name, 0);
}

/**
 * A descriptor checked by Node's C++ binding (close, fstat, ftruncate, fsync, fdatasync): the same
 * rules, but a bigint is printed without its `n`.
 */
export function getValidatedNativeFd(fd: unknown): number {
  if (typeof fd === 'bigint') {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "fd" argument must be of type number. Received type bigint (${String(fd)})`);
  }
  return getValidatedFd(fd);
}

/** True when `value` is an int32, the test Node uses to tell a descriptor from a path. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && value === (value | 0);
}

/** A Buffer, TypedArray or DataView. */
export function validateBuffer(value: unknown, name = 'buffer'): ArrayBufferView {
  if (!ArrayBuffer.isView(value)) throw invalidArgType(name, [], ['Buffer', 'TypedArray', 'DataView'], value);
  return value;
}

/** An object or null (`kValidateObjectAllowNullable`): not undefined, an array or a function. */
export function validateOptionsObject(value: unknown, name = 'options'): void {
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgType(name, ['object'], [], value);
}

/** A function, else ERR_INVALID_ARG_TYPE naming `name` (Node's callbacks are named `cb`). */
export function validateFunction<F extends Function>(value: unknown, name = 'cb'): F {
  if (typeof value !== 'function') throw invalidArgType(name, ['function'], [], value);
  return value as F;
}

/** Node's checks of `offset`/`length` against the buffer a read fills. */
export function validateOffsetLengthRead(offset: number, length: number, bufferLength: number): void {
  if (offset < 0) throw outOfRange('offset', '>= 0', offset);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  if (offset + length > bufferLength) throw outOfRange('length', `<= ${bufferLength - offset}`, length);
}

/** Node's checks of `offset`/`length` against the buffer a write sends. */
export function validateOffsetLengthWrite(offset: number, length: number, byteLength: number): void {
  if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw outOfRange('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

/** A read position: an integer >= -1 or a bigint; returns it as a number (-1 = the current position). */
export function validatePosition(value: unknown, name: string): number {
  if (typeof value === 'number') return validateInteger(value, name, -1);
  if (typeof value === 'bigint') {
    if (!(value >= -(2n ** 63n) && value <= 2n ** 63n - 1n)) throw outOfRange(name, `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, value);
    // Positions past 2^53 are past the end of any file the host can hold; negative ones mean "current".
    if (value < 0n) return -1;
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }
  throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be of type bigint or integer.${describeReceived(value)}`);
}

/** Node's open flags: O_* bits as numbers (Linux values). */
export const O = {
  RDONLY: 0,
  WRONLY: 1,
  RDWR: 2,
  CREAT: 0o100,
  EXCL: 0o200,
  NOCTTY: 0o400,
  TRUNC: 0o1000,
  APPEND: 0o2000,
  DIRECTORY: 0o200000,
  NOATIME: 0o1000000,
  NOFOLLOW: 0o400000,
  SYNC: 0o4010000,
  DSYNC: 0o10000,
  DIRECT: 0o40000,
  NONBLOCK: 0o4000,
} as const;

const FLAGS: Record<string, number> = {
  r: O.RDONLY,
  rs: O.RDONLY | O.SYNC,
  sr: O.RDONLY | O.SYNC,
  'r+': O.RDWR,
  'rs+': O.RDWR | O.SYNC,
  'sr+': O.RDWR | O.SYNC,
  w: O.TRUNC | O.CREAT | O.WRONLY,
  wx: O.TRUNC | O.CREAT | O.WRONLY | O.EXCL,
  xw: O.TRUNC | O.CREAT | O.WRONLY | O.EXCL,
  'w+': O.TRUNC | O.CREAT | O.RDWR,
  'wx+': O.TRUNC | O.CREAT | O.RDWR | O.EXCL,
  'xw+': O.TRUNC | O.CREAT | O.RDWR | O.EXCL,
  a: O.APPEND | O.CREAT | O.WRONLY,
  ax: O.APPEND | O.CREAT | O.WRONLY | O.EXCL,
  xa: O.APPEND | O.CREAT | O.WRONLY | O.EXCL,
  as: O.APPEND | O.CREAT | O.WRONLY | O.SYNC,
  sa: O.APPEND | O.CREAT | O.WRONLY | O.SYNC,
  'a+': O.APPEND | O.CREAT | O.RDWR,
  'ax+': O.APPEND | O.CREAT | O.RDWR | O.EXCL,
  'xa+': O.APPEND | O.CREAT | O.RDWR | O.EXCL,
  'as+': O.APPEND | O.CREAT | O.RDWR | O.SYNC,
  'sa+': O.APPEND | O.CREAT | O.RDWR | O.SYNC,
};

/** Node's `stringToFlags`: a flag string or an int32 of O_* bits; null/undefined is read-only. */
export function stringToFlags(flags: unknown, name = 'flags'): number {
  if (typeof flags === 'number') return validateInt32(flags, name);
  if (flags === null || flags === undefined) return O.RDONLY;
  if (typeof flags === 'string' && Object.prototype.hasOwnProperty.call(FLAGS, flags)) return FLAGS[flags] as number;
  throw invalidArgValue(name, flags);
}

/** Node's `parseFileMode`: a uint32 or an octal string, `fallback` when null/undefined. */
export function parseFileMode(value: unknown, name: string, fallback: number): number {
  let mode = value ?? fallback;
  if (typeof mode === 'string') {
    if (!/^[0-7]+$/.test(mode)) throw invalidArgValue(name, mode, 'must be a 32-bit unsigned integer or an octal string');
    mode = parseInt(mode, 8);
  }
  return validateInteger(mode, name, 0, 4294967295);
}

/** The encoding a string write uses: Node falls back to utf8 for names it does not know. */
export function writeEncoding(value: unknown): BufferEncoding {
  return typeof value === 'string' && Buffer.isEncoding(value) ? (value.toLowerCase() as BufferEncoding) : 'utf8';
}

/** Node's `validateEncoding`: hex text must have an even length. */
export function validateHexLength(data: string, encoding: unknown): void {
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
    throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

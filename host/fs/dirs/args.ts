import { nameBuffer } from '../../vfs/names.js';
import { callError } from '../../dispatcher/errors.js';
import { encodingArg } from '../args.js';

/**
 * Host-side checks of the directory methods' arguments. The guest bridge validates first, with
 * Node's messages; these only keep a hostile guest from reaching the Vfs with anything unexpected.
 */

export { pathArg } from '../args.js';

/** How names and paths come back: a Buffer encoding, or `'buffer'` for raw bytes. */
export type NameEncoding = BufferEncoding | 'buffer';

/** `'buffer'`, or an encoding name (absent = utf8). */
export function nameEncodingArg(value: unknown): NameEncoding {
  if (value === 'buffer') return 'buffer';
  return encodingArg(value) ?? 'utf8';
}

/** An integer in [min, max]. */
export function intArg(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw callError('ERR_OUT_OF_RANGE', 'RangeError', `The "${name}" argument must be an integer >= ${min} and <= ${max}`);
  }
  return value;
}

/** A time in seconds: a number (NaN, from an invalid Date, reaches the syscall, which says EINVAL). */
export function timeArg(value: unknown, name: string): number {
  if (typeof value !== 'number' || value === Infinity || value === -Infinity) {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be a number of seconds`);
  }
  return value;
}

/** A boolean (anything else is false). */
export function flagArg(value: unknown): boolean {
  return value === true;
}

/** One of the listed strings. */
export function oneOfArg<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw callError('ERR_INVALID_ARG_VALUE', 'TypeError', `The argument '${name}' must be one of: ${allowed.join(', ')}`);
}

/** Encodes a name or path the way Node's binding does for `encoding` (utf8 text by default). */
export function encodeName(bytes: Uint8Array | string, encoding: NameEncoding): string | Uint8Array {
  const raw = typeof bytes === 'string' ? nameBuffer(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'buffer') return new Uint8Array(raw);
  return raw.toString(encoding);
}

import { posix } from 'node:path';
import { bytesToName, hasEscapes, nameToBytes } from '../../bridge/names/index.js';
import { callError } from '../dispatcher/errors.js';

/** Argument checks the host repeats: a hostile guest can send anything; the guest bridge validates first. */

const ENCODINGS = new Set(['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

/** A string without NUL bytes, else ERR_INVALID_ARG_TYPE. */
export function stringArg(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.includes('\u0000')) {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be a string without null bytes`);
  }
  return value;
}

/**
 * A path without NUL bytes, else ERR_INVALID_ARG_TYPE: a string, or the raw bytes of a name that is
 * not UTF-8 (as the guest sends those). Either way the result is a name string of bridge/names, in
 * its one canonical form (a lone surrogate that stands for no byte is U+FFFD).
 */
export function pathArg(value: unknown, name: string): string {
  if (value instanceof Uint8Array) return stringArg(bytesToName(value), name);
  return stringArg(typeof value === 'string' && hasEscapes(value) ? bytesToName(nameToBytes(value)) : value, name);
}

/** A flags string or an integer of O_* bits. */
export function flagArg(value: unknown, fallback: string): string | number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw callError('ERR_INVALID_ARG_VALUE', 'TypeError', "The argument 'flags' is invalid");
}

/** A Buffer encoding name (lower-cased) or null for bytes. */
export function encodingArg(value: unknown): BufferEncoding | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && ENCODINGS.has(value.toLowerCase())) return value.toLowerCase() as BufferEncoding;
  throw callError('ERR_INVALID_ARG_VALUE', 'TypeError', "The argument 'encoding' is invalid encoding");
}

/** Resolves a guest path against the guest's cwd (`/`), keeping a trailing slash (it means "a directory"). */
export function resolveGuestPath(path: string): string {
  const resolved = posix.resolve('/', path);
  return path.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved;
}


import { displayName, hasEscapes } from '../names/index.js';
import { decodeValue, encodeValue } from './values.js';

/**
 * The Node-shaped error record carried by a status-1 response. The guest turns it into an Error of
 * its own realm; the host builds it only from trusted fields (never by parsing guest text).
 */
export interface ErrorRecord {
  /** `ENOENT`, `ERR_INVALID_ARG_TYPE`, ... */
  code: string;
  /** For system errors: the syscall Node names (`open`, `read`, `rename`, ...). */
  syscall?: string;
  path?: string;
  dest?: string;
  /** For non-system errors only: the message text. System messages are derived from the fields. */
  message?: string;
  /** Constructor name for non-system errors: `Error`, `TypeError`, `RangeError`. */
  name?: ErrorName;
}

/** The error classes a record may name. */
export type ErrorName = 'Error' | 'TypeError' | 'RangeError';

/** Linux errno and libuv description for each system error code Node can report. */
const SYSTEM_ERRORS: Record<string, readonly [errno: number, description: string]> = {
  EPERM: [-1, 'operation not permitted'],
  ENOENT: [-2, 'no such file or directory'],
  EIO: [-5, 'i/o error'],
  EBADF: [-9, 'bad file descriptor'],
  EAGAIN: [-11, 'resource temporarily unavailable'],
  ENOMEM: [-12, 'not enough memory'],
  EACCES: [-13, 'permission denied'],
  EBUSY: [-16, 'resource busy or locked'],
  EEXIST: [-17, 'file already exists'],
  EXDEV: [-18, 'cross-device link not permitted'],
  ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EINVAL: [-22, 'invalid argument'],
  ENFILE: [-23, 'file table overflow'],
  EMFILE: [-24, 'too many open files'],
  EFBIG: [-27, 'file too large'],
  ENOSPC: [-28, 'no space left on device'],
  ESPIPE: [-29, 'invalid seek'],
  EROFS: [-30, 'read-only file system'],
  EMLINK: [-31, 'too many links'],
  ENAMETOOLONG: [-36, 'name too long'],
  ENOSYS: [-38, 'function not implemented'],
  ENOTEMPTY: [-39, 'directory not empty'],
  ELOOP: [-40, 'too many symbolic links encountered'],
  ENOTSUP: [-95, 'operation not supported on socket'],
  ETIMEDOUT: [-110, 'connection timed out'],
  ECANCELED: [-125, 'operation canceled'],
};

/** True when `code` is a system error code this bridge knows the errno and text of. */
export function isSystemCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(SYSTEM_ERRORS, code);
}

/** The (negative) errno Node reports for a system error code. */
export function errnoOf(code: string): number | undefined {
  return isSystemCode(code) ? SYSTEM_ERRORS[code]?.[0] : undefined;
}

/** The message Node gives a system error: `ENOENT: no such file or directory, open '/a'`. */
export function systemMessage(record: ErrorRecord): string {
  const description = SYSTEM_ERRORS[record.code]?.[1] ?? 'unknown error';
  let text = `${record.code}: ${description}`;
  if (record.syscall !== undefined) text += `, ${record.syscall}`;
  if (record.path !== undefined) text += ` '${record.path}'`;
  if (record.dest !== undefined) text += ` -> '${record.dest}'`;
  return text;
}

const NAMES: readonly string[] = ['Error', 'TypeError', 'RangeError'];

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Validates a record received from the other side; a record without a code becomes ERR_BRIDGE_MALFORMED_ERROR. */
export function toErrorRecord(value: unknown): ErrorRecord {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const code = optionalString(v.code);
  if (code === undefined || code.length === 0) {
    return { code: 'ERR_BRIDGE_MALFORMED_ERROR', name: 'Error', message: 'the host answered with a malformed error record' };
  }
  const record: ErrorRecord = { code };
  const syscall = optionalString(v.syscall);
  const path = optionalString(v.path);
  const dest = optionalString(v.dest);
  const message = optionalString(v.message);
  const name = optionalString(v.name);
  if (syscall !== undefined) record.syscall = syscall;
  if (path !== undefined) record.path = path;
  if (dest !== undefined) record.dest = dest;
  if (message !== undefined) record.message = message;
  if (name !== undefined && NAMES.includes(name)) record.name = name as ErrorName;
  return record;
}

/** Encodes a record as a status-1 payload. */
export function encodeErrorRecord(record: ErrorRecord): Uint8Array {
  const { path, dest, message } = record;
  if ([path, dest, message].some((s) => s !== undefined && hasEscapes(s))) {
    // A path of bytes that are not UTF-8 shows as Node prints it: decoded, U+FFFD for each bad sequence.
    const shown = { ...record };
    if (path !== undefined) shown.path = displayName(path);
    if (dest !== undefined) shown.dest = displayName(dest);
    if (message !== undefined) shown.message = displayName(message);
    return encodeValue(shown);
  }
  return encodeValue(record);
}

/** Decodes a status-1 payload. Bytes that are not a CBOR map give a generic bridge error record. */
export function decodeErrorRecord(payload: Uint8Array): ErrorRecord {
  try {
    return toErrorRecord(decodeValue(payload));
  } catch {
    return toErrorRecord(undefined);
  }
}

/** The constructors of the realm an Error is built in (the guest passes its own). */
export interface ErrorConstructors {
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
  RangeError: RangeErrorConstructor;
}

/**
 * Builds the Error Node would throw for this record, from the given realm's constructors.
 * System errors get `errno, code, syscall, path, dest` as own properties in Node's order;
 * other errors get `code` and Node's `Name [CODE]: message` stack header.
 */
export function buildError(record: ErrorRecord, ctors: ErrorConstructors): Error {
  if (isSystemCode(record.code)) {
    const err = new ctors.Error(systemMessage(record)) as Error & Record<string, unknown>;
    err.errno = errnoOf(record.code);
    err.code = record.code;
    if (record.syscall !== undefined) err.syscall = record.syscall;
    if (record.path !== undefined) err.path = record.path;
    if (record.dest !== undefined) err.dest = record.dest;
    return err;
  }
  const Ctor = ctors[record.name ?? 'Error'];
  const err = new Ctor(record.message ?? record.code) as Error & Record<string, unknown>;
  // Node's internal errors show `TypeError [ERR_X]: message` in the stack but keep name `TypeError`.
  err.name = `${err.name} [${record.code}]`;
  void err.stack;
  delete (err as { name?: string }).name;
  err.code = record.code;
  return err;
}

/**
 * Turns something a host handler threw into a record. Only a string `code` set by trusted host code
 * (memfs, node:fs, a handler, an embedder) is kept; messages of system errors are rebuilt from fields.
 */
export function recordFromThrown(thrown: unknown, fallback?: { syscall?: string; path?: string }): ErrorRecord {
  const e = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as Record<string, unknown>;
  const code = optionalString(e.code);
  if (code !== undefined && isSystemCode(code)) {
    const record: ErrorRecord = { code };
    const syscall = optionalString(e.syscall) ?? fallback?.syscall;
    const path = optionalString(e.path) ?? fallback?.path;
    const dest = optionalString(e.dest);
    if (syscall !== undefined) record.syscall = syscall;
    if (path !== undefined) record.path = path;
    if (dest !== undefined) record.dest = dest;
    return record;
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const name = thrown instanceof TypeError ? 'TypeError' : thrown instanceof RangeError ? 'RangeError' : 'Error';
  return { code: code ?? 'ERR_BRIDGE_HOST_FAILURE', name, message };
}

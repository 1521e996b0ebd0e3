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

/** The record with its paths and message as Node prints them (a name that is not UTF-8 shows U+FFFD). */
function shown(record: ErrorRecord): ErrorRecord {
  const { path, dest, message } = record;
  if (![path, dest, message].some((s) => s !== undefined && hasEscapes(s))) return record;
  const out = { ...record };
  if (path !== undefined) out.path = displayName(path);
  if (dest !== undefined) out.dest = displayName(dest);
  if (message !== undefined) out.message = displayName(message);
  return out;
}

/** Encodes a record as a status-1 payload (a CBOR map: the raw wire's form). */
export function encodeErrorRecord(record: ErrorRecord): Uint8Array {
  return encodeValue(shown(record));
}

/**
 * The text form of an error, as legacy hosts answer status 1: UTF-8 `"<code>: <message>"`. A
 * system error is Node's own message (`ENOENT: no such file or directory, open '/a'`); any other
 * code follows a trusted prefix that also names its class,
 * `ERR_AGENT_OS_TYPE_ERROR: ERR_INVALID_ARG_TYPE: The "path" ...`, so a reader that trusts only
 * errno-shaped first segments and the segment after an `ERR_AGENT_OS_` prefix keeps the code.
 */
export const TEXT_ERROR_PREFIXES: Readonly<Record<ErrorName, string>> = {
  Error: 'ERR_AGENT_OS_ERROR',
  TypeError: 'ERR_AGENT_OS_TYPE_ERROR',
  RangeError: 'ERR_AGENT_OS_RANGE_ERROR',
};

/** The text of a record (see TEXT_ERROR_PREFIX). */
export function errorText(record: ErrorRecord): string {
  const r = shown(record);
  if (isSystemCode(r.code) && r.syscall !== undefined) return systemMessage(r);
  if (ERRNO_SHAPED.test(r.code)) return `${r.code}: ${r.message ?? SYSTEM_ERRORS[r.code]?.[1] ?? ''}`;
  return `${TEXT_ERROR_PREFIXES[r.name ?? 'Error']}: ${r.code}: ${r.message ?? r.code}`;
}

/** Encodes a record as a legacy status-1 payload: the UTF-8 of its text. */
export function encodeErrorText(record: ErrorRecord): Uint8Array {
  return new TextEncoder().encode(errorText(record));
}

/** A first segment the text form trusts as a code: errno-shaped (`ENOENT`), never `ERR_...`. */
const ERRNO_SHAPED = /^E(?!RR_)[A-Z0-9_]+$/;
/** A code after the trusted prefix: errno-shaped or `ERR_...`. */
const CODE_SHAPED = /^E[A-Z0-9_]+$/;

/** The class a trusted prefix names (other `ERR_AGENT_OS_` prefixes: Error). */
function prefixClass(prefix: string): ErrorName {
  for (const name of NAMES) if (TEXT_ERROR_PREFIXES[name as ErrorName] === prefix) return name as ErrorName;
  return 'Error';
}

const EISDIR_TEXT = 'Path is a directory: rm returned EISDIR (is a directory) ';

/** Node's system message of `code` split back into syscall, path and dest; undefined if it is not one. */
function parseSystemText(code: string, rest: string): ErrorRecord | undefined {
  const description = SYSTEM_ERRORS[code]?.[1];
  if (description === undefined || !rest.startsWith(`${description}, `)) return undefined;
  const tail = rest.slice(description.length + 2);
  const m = /^([a-z_0-9]+)(?: '([\s\S]*)')?$/.exec(tail);
  if (m === null) return undefined;
  const record: ErrorRecord = { code, syscall: m[1]! };
  if (m[2] !== undefined) {
    // `'a' -> 'b'`: the first ` -> ` between quotes ends the path (a path holding that text is ambiguous).
    const cut = m[2].indexOf("' -> '");
    if (cut < 0) record.path = m[2];
    else {
      record.path = m[2].slice(0, cut);
      record.dest = m[2].slice(cut + 6);
    }
  }
  return systemMessage(record) === `${code}: ${rest}` ? record : undefined;
}

/**
 * Reads the text form of a status-1 payload with the reference rule: the code is kept only when
 * the first segment is errno-shaped, or when it is the segment after a trusted `ERR_AGENT_OS_`
 * prefix; any other text (which guest input could have shaped) gives an Error without a code
 * (code `''` in the record).
 */
export function errorFromText(text: string): ErrorRecord {
  const first = text.indexOf(': ');
  const head = first < 0 ? text : text.slice(0, first);
  const rest = first < 0 ? '' : text.slice(first + 2);
  if (head.startsWith('ERR_AGENT_OS_')) {
    const second = rest.indexOf(': ');
    const code = second < 0 ? rest : rest.slice(0, second);
    if (CODE_SHAPED.test(code)) {
      const message = second < 0 ? code : rest.slice(second + 2);
      if (ERRNO_SHAPED.test(code)) return parseSystemText(code, message) ?? { code, message };
      const record: ErrorRecord = { code, name: prefixClass(head), message };
      if (code === 'ERR_FS_EISDIR' && message.startsWith(EISDIR_TEXT)) Object.assign(record, { syscall: 'rm', path: message.slice(EISDIR_TEXT.length) });
      return record;
    }
  } else if (ERRNO_SHAPED.test(head)) {
    return parseSystemText(head, rest) ?? { code: head, message: rest };
  }
  return { code: '', name: 'Error', message: text };
}

/**
 * Decodes a status-1 payload of either form: a CBOR map (its first byte is a map head, 0xa0-0xbf,
 * which no UTF-8 text starts with) or legacy text. A CBOR payload that is not a record gives a
 * generic bridge error record.
 */
export function decodeErrorRecord(payload: Uint8Array): ErrorRecord {
  const first = payload[0];
  if (first === undefined || first < 0xa0 || first > 0xbf) return errorFromText(new TextDecoder().decode(payload));
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
  if (record.code === '') return new ctors.Error(record.message ?? '');
  if (isSystemCode(record.code)) {
    // A system error read from text that was not Node's message keeps that text.
    const text = record.syscall === undefined && record.message !== undefined ? `${record.code}: ${record.message}` : systemMessage(record);
    const err = new ctors.Error(text) as Error & Record<string, unknown>;
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

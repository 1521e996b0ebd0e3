import { Buffer } from 'buffer';
import type { ErrorRecord } from '../../../bridge/wire/errors.js';
import { inspect } from '../../inspect/index.js';
import { nodeError } from '../../node-errors.js';

/**
 * Node's argument errors, word for word (lib/internal/errors.js), and the two other shapes the
 * directory functions throw: errors thrown from C++ (no `[CODE]` in the stack) and `SystemError`.
 * Everything is built here, in the guest realm.
 */

/** Guest-realm constructors, captured before guest code can replace the globals. */
const ctors = { Error, TypeError, RangeError };

/** lib/internal/errors.js kTypes: names written as types, not classes. */
const TYPES = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function formatList(list: string[]): string {
  if (list.length <= 2) return list.join(' or ');
  return `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}`;
}

/** determineSpecificType: `type number (5)`, `an instance of Buffer`, `type string ('abc')`... */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      return Object.is(value, -0) ? 'type number (-0)' : `type number (${value})`;
    case 'boolean':
    case 'symbol':
      return `type ${typeof value} (${String(value)})`;
    case 'function':
      return `function ${(value as { name?: string }).name}`;
    case 'string': {
      const s = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return s.includes("'") ? `type string (${JSON.stringify(s)})` : `type string ('${s}')`;
    }
    default: {
      if (value === null) return 'null';
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      if (ctor && 'name' in ctor) return `an instance of ${String(ctor.name)}`;
      return inspect(value, { depth: -1 });
    }
  }
}

/** ERR_INVALID_ARG_TYPE, with Node's sorting of `expected` into types, classes and other words. */
export function argTypeError(name: string, expected: string | string[], value: unknown): Error {
  const list = Array.isArray(expected) ? expected : [expected];
  const types: string[] = [];
  const instances: string[] = [];
  const other: string[] = [];
  for (const e of list) {
    if (TYPES.includes(e)) types.push(e.toLowerCase());
    else if (/^([A-Z][a-z0-9]*)+$/.test(e)) instances.push(e);
    else other.push(e);
  }
  if (instances.length > 0 && types.includes('object')) {
    types.splice(types.indexOf('object'), 1);
    instances.push('Object');
  }
  let msg = `The "${name}" ${name.includes('.') ? 'property' : 'argument'} must be `;
  if (types.length > 0) msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types)}${instances.length + other.length > 0 ? ' or ' : ''}`;
  if (instances.length > 0) msg += `an instance of ${formatList(instances)}${other.length > 0 ? ' or ' : ''}`;
  if (other.length > 1) msg += `one of ${formatList(other)}`;
  else if (other.length === 1) msg += `${other[0]!.toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`;
  return nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `${msg}. Received ${describeValue(value)}`);
}

function withSeparators(digits: string): string {
  let res = '';
  let i = digits.length;
  const start = digits[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${digits.slice(i - 3, i)}${res}`;
  return `${digits.slice(0, i)}${res}`;
}

/** ERR_OUT_OF_RANGE: `The value of "uid" is out of range. It must be >= -1 && <= 4294967295. Received 4_294_967_296`. */
export function rangeError(name: string, range: string, value: unknown): Error {
  const big = typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 32;
  const received = big ? withSeparators(String(value)) : inspect(value);
  return nodeError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

/** An error thrown by Node's C++ layer: plain `RangeError: message` plus an own `code`. */
export function bindingError(name: 'TypeError' | 'RangeError', code: string, message: string): Error {
  const err = new ctors[name](message) as Error & { code: string };
  err.code = code;
  return err;
}

/** The context of a Node SystemError (`err.info`). */
interface SystemContext {
  code: string;
  message: string;
  path?: string | Buffer;
  syscall: string;
  errno: number;
}

/** Node's SystemError: `Path is a directory: rm returned EISDIR (is a directory) dir`. */
export class SystemError extends Error {
  code: string;
  constructor(key: string, prefix: string, context: SystemContext) {
    super();
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    this.code = key;
    Object.defineProperties(this, {
      name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { value: message, enumerable: false, writable: true, configurable: true },
      info: { value: context, enumerable: true, configurable: true, writable: false },
      errno: { get: () => context.errno, set: (v: number) => void (context.errno = v), enumerable: true, configurable: true },
      syscall: { get: () => context.syscall, set: (v: string) => void (context.syscall = v), enumerable: true, configurable: true },
    });
    if (context.path !== undefined) {
      Object.defineProperty(this, 'path', {
        get: () => (context.path == null ? context.path : String(context.path)),
        // Node keeps what is assigned as a Buffer (and reads it back as a string).
        set: (v: unknown) => void (context.path = v ? Buffer.from(String(v)) : undefined),
        enumerable: true,
        configurable: true,
      });
    }
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/** ERR_FS_EISDIR as fs.rm throws it for a directory without `recursive` (errno is the positive EISDIR, 21). */
export function rmIsDirectory(record: ErrorRecord): Error {
  const path = record.path ?? '';
  return new SystemError('ERR_FS_EISDIR', 'Path is a directory', { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
}

/** ERR_FS_INVALID_SYMLINK_TYPE (an Error, not a TypeError, in Node 20). */
export function symlinkTypeError(type: string): Error {
  return nodeError('ERR_FS_INVALID_SYMLINK_TYPE', 'Error', `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
}

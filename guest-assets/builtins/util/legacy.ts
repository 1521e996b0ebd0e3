/**
 * util's old API, kept by Node 20: the is* predicates, _extend, inherits, log, and the two
 * internal-but-exported error factories.
 */
import { format } from '../../inspect/index.js';
import { invalidArgType } from '../../node-errors.js';
import type { UtilTypes } from './types.js';

/** Names in the order Node's util lists them. */
export function createLegacy(types: UtilTypes, isBuffer: (value: unknown) => boolean, errname: (errno: number) => string) {
  function _errnoException(...args: unknown[]): Error {
    const [err, syscall, original] = args as [number, string, string | undefined];
    const code = errname(err);
    const e = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`) as Error & Record<string, unknown>;
    Object.assign(e, { errno: err, code, syscall });
    return e;
  }
  function _exceptionWithHostPort(...args: unknown[]): Error {
    const [err, syscall, address, port, additional] = args as [number, string, string, number, string | undefined];
    const code = errname(err);
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    if (additional) details += ` - Local (${additional})`;
    const e = new Error(`${syscall} ${code}${details}`) as Error & Record<string, unknown>;
    Object.assign(e, { errno: err, code, syscall, address });
    if (port) e.port = port;
    return e;
  }
  function _extend(target: Record<string, unknown>, source: unknown): unknown {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    for (let i = keys.length - 1; i >= 0; i--) target[keys[i]!] = (source as Record<string, unknown>)[keys[i]!];
    return target;
  }
  function inherits(ctor: unknown, superCtor: unknown): void {
    if (ctor === undefined || ctor === null) throw invalidArgType('ctor', ['function'], [], ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', ['function'], [], superCtor);
    const proto = (superCtor as { prototype?: unknown }).prototype;
    if (proto === undefined) throw invalidArgType('superCtor.prototype', ['object'], [], proto);
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf((ctor as { prototype: object }).prototype, proto as object);
  }
  return {
    _errnoException,
    _exceptionWithHostPort,
    _extend,
    inherits,
    isArray: Array.isArray,
    isBoolean: (arg: unknown) => typeof arg === 'boolean',
    isBuffer,
    isNull: (arg: unknown) => arg === null,
    isNullOrUndefined: (arg: unknown) => arg === null || arg === undefined,
    isNumber: (arg: unknown) => typeof arg === 'number',
    isString: (arg: unknown) => typeof arg === 'string',
    isSymbol: (arg: unknown) => typeof arg === 'symbol',
    isUndefined: (arg: unknown) => arg === undefined,
    isRegExp: types.isRegExp,
    isObject: (arg: unknown) => arg !== null && typeof arg === 'object',
    isDate: types.isDate,
    isError: (e: unknown) => types.isNativeError(e) || e instanceof Error,
    isFunction: (arg: unknown) => typeof arg === 'function',
    isPrimitive: (arg: unknown) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Node's `util.log(...args)`: `26 Feb 16:19:34 - message` on the guest's console. */
export function createLog(console: () => { log(...args: unknown[]): void }) {
  return function log(...args: unknown[]): void {
    const d = new Date();
    const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
    console().log('%s - %s', `${d.getDate()} ${MONTHS[d.getMonth()]} ${time}`, format(...args));
  };
}

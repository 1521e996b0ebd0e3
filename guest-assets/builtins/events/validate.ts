/**
 * Node's argument checks and error codes shared by the web globals, timers/promises and perf_hooks,
 * with Node's exact wording (lib/internal/validators.js and lib/internal/errors.js are the reference).
 * Only what guest-assets/node-errors.ts does not already provide lives here.
 */
import { inspect } from '../../inspect/index.js';
import { invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';

// The validators every built-in shares, for the event modules' imports.
export { validateBoolean, validateFunction, validateObject, validateString } from '../validate.js';

/** Node's list join: `a`, `a and b`, `a, b, and c`. */
function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/** ERR_MISSING_ARGS: `The "type" and "listener" arguments must be specified`. */
export function missingArgs(...names: string[]): Error {
  const list = formatList(names.map((n) => `"${n}"`));
  return nodeError('ERR_MISSING_ARGS', 'TypeError', `The ${list} argument${names.length > 1 ? 's' : ''} must be specified`);
}

/** ERR_INVALID_THIS: `Value of "this" must be of type EventTarget`. */
export function invalidThis(type: string): Error {
  return nodeError('ERR_INVALID_THIS', 'TypeError', `Value of "this" must be of type ${type}`);
}

/** ERR_ILLEGAL_CONSTRUCTOR, for classes whose instances only Node makes. */
export function illegalConstructor(): Error {
  return nodeError('ERR_ILLEGAL_CONSTRUCTOR', 'TypeError', 'Illegal constructor');
}

/** Node's `addNumericalSeparator`: `4_294_967_296`. */
function withSeparators(text: string): string {
  let out = '';
  let i = text.length;
  const start = text.startsWith('-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = `_${text.slice(i - 3, i)}${out}`;
  return `${text.slice(0, i)}${out}`;
}

/** ERR_OUT_OF_RANGE with Node's rendering of the received value (inspect, separators past 2^32). */
export function outOfRangeValue(name: string, range: string, value: unknown): Error {
  const shown = Number.isInteger(value) && Math.abs(value as number) > 2 ** 32 ? withSeparators(String(value)) : inspect(value);
  return nodeError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`);
}

/** validateAbortSignal: undefined, or an object with an `aborted` property (duck typing, as Node). */
export function validateAbortSignal(signal: unknown, name: string): void {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, [], ['AbortSignal'], signal);
  }
}

/** validateNumber, with Node's optional bounds (NaN fails when a bound is given). */
export function validateNumber(value: unknown, name: string, min?: number, max?: number): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, ['number'], [], value);
  const bounded = min !== undefined || max !== undefined;
  if ((min !== undefined && value < min) || (max !== undefined && value > max) || (bounded && Number.isNaN(value))) {
    const range = [min !== undefined ? `>= ${min}` : '', max !== undefined ? `<= ${max}` : ''].filter(Boolean).join(' && ');
    throw outOfRangeValue(name, range, value);
  }
}

/** validateInteger (safe-integer bounds by default). */
export function validateInteger(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, ['number'], [], value);
  if (!Number.isInteger(value)) throw outOfRangeValue(name, 'an integer', value);
  if (value < min || value > max) throw outOfRangeValue(name, `>= ${min} && <= ${max}`, value);
}

/** validateUint32 (`positive` excludes 0). */
export function validateUint32(value: unknown, name: string, positive = false): asserts value is number {
  validateInteger(value, name, positive ? 1 : 0, 4_294_967_295);
}

/** WebIDL DOMString conversion as Node does it: symbols are refused, everything else is `String(v)`. */
export function domString(value: unknown): string {
  if (typeof value === 'symbol') throw invalidArgValue('value', value);
  return String(value);
}

/** Node's AbortError (`code: 'ABORT_ERR'`), the rejection of aborted timers, `events.once` and the like. */
export class AbortError extends Error {
  declare code: string;
  constructor(message = 'The operation was aborted', options: ErrorOptions | undefined = undefined) {
    if (options !== undefined && typeof options !== 'object') throw invalidArgType('options', ['object'], [], options);
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

/** util.promisify and util.callbackify, as Node 20's. */
import { nodeError } from '../../node-errors.js';
import type { GuestProcess } from '../registry.js';
import { phraseNotFunction, validateFunction } from '../validate.js';

const ReflectApply = Reflect.apply;

/** `util.promisify.custom`: a function's own promise-returning form. */
export const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

/**
 * Callback results to resolve as an object with these names (`['bytesRead', 'buffer']`), for
 * built-ins whose callbacks take several values; set by those built-ins.
 */
export const customPromisifyArgs = Symbol('customPromisifyArgs');

/** Copies `from`'s own properties onto `to` (descriptors with a null prototype: no inherited `get`/`set` applies). */
function copyProperties(to: Function, from: Function, adjust?: (d: Record<string, PropertyDescriptor>) => void): void {
  const descriptors = Object.getOwnPropertyDescriptors(from) as Record<string, PropertyDescriptor>;
  adjust?.(descriptors);
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  Object.defineProperties(to, descriptors);
}

function markPromisified(fn: Function): Function {
  return Object.defineProperty(fn, promisifyCustom, { value: fn, enumerable: false, writable: false, configurable: true });
}

/** Node's `util.promisify(original)`. */
export function promisify(original: unknown): Function {
  validateFunction(original, 'original');
  const own = (original as unknown as Record<symbol, unknown>)[promisifyCustom];
  if (own) {
    validateFunction(own, 'util.promisify.custom');
    return markPromisified(own);
  }
  const names = (original as unknown as Record<symbol, unknown>)[customPromisifyArgs] as string[] | undefined;
  function fn(this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      args.push((err: unknown, ...values: unknown[]) => {
        if (err) return reject(err);
        if (names !== undefined && values.length > 1) {
          const result: Record<string, unknown> = {};
          names.forEach((name, i) => (result[name] = values[i]));
          return resolve(result);
        }
        return resolve(values[0]);
      });
      Reflect.apply(original as Function, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  markPromisified(fn);
  copyProperties(fn, original);
  return fn;
}
promisify.custom = promisifyCustom;

/** ERR_FALSY_VALUE_REJECTION, with the falsy `reason` (own keys `code`, then `reason`, as Node's). */
function falsyRejection(reason: unknown): Error {
  const err = nodeError('ERR_FALSY_VALUE_REJECTION', 'Error', 'Promise was rejected with falsy value') as Error & { reason?: unknown };
  err.reason = reason;
  return err;
}

/** Node's `util.callbackify(original)`: the callback runs on a later tick, with a falsy rejection wrapped. */
export function createCallbackify(process: GuestProcess) {
  return function callbackify(original: unknown): Function {
    validateFunction(original, 'original');
    function callbackified(this: unknown, ...args: unknown[]): void {
      const last = args.pop();
      if (typeof last !== 'function') throw phraseNotFunction('last argument', last);
      const cb = Function.prototype.bind.call(last, this) as (...a: unknown[]) => void;
      // Named as in Node, whose V8 message for a non-promise result quotes it: `ReflectApply(...).then is not a function`.
      (ReflectApply(original as Function, this, args) as Promise<unknown>).then(
        (value) => process.nextTick(cb, null, value),
        (reason) => process.nextTick(() => cb(reason ? reason : falsyRejection(reason))),
      );
    }
    copyProperties(callbackified, original, (d) => {
      if (typeof d.length?.value === 'number') d.length.value++;
      if (typeof d.name?.value === 'string') d.name.value += 'Callbackified';
    });
    return callbackified;
  };
}

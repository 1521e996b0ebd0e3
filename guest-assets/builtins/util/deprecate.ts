/** util.deprecate: a wrapper that warns on its first call (once per deprecation code), as Node 20's. */
import type { GuestProcess } from '../registry.js';
import { validateString } from '../validate.js';

type Emit = (...args: unknown[]) => void;

/** Node's `util.deprecate`. */
export type Deprecate = ReturnType<typeof createDeprecate>;

const perProcess = new WeakMap<object, Deprecate>();

/**
 * The sandbox's util.deprecate, one per guest process, so that a deprecation code warns once
 * whichever module (util, fs, assert...) uses it. Warnings go through the process's own
 * emitWarning, looked up at each call (a program may replace it), as Node does.
 */
export function deprecateFor(process: GuestProcess): Deprecate {
  let found = perProcess.get(process);
  if (found === undefined) {
    found = createDeprecate(process, (...args: unknown[]) => Reflect.apply(process.emitWarning as Function, process, args));
    perProcess.set(process, found);
  }
  return found;
}

/** Node's `util.deprecate(fn, msg, code)`, warning through `emit` (process.emitWarning semantics). */
export function createDeprecate(process: GuestProcess, emit: Emit) {
  const codesWarned = new Set<string>();
  // `_useEmitSync` is Node's fourth parameter (internal use); declared for the function's length.
  return function deprecate(fn: Function, msg: unknown, code?: unknown, _useEmitSync?: unknown): Function {
    if (code !== undefined) validateString(code, 'code');
    let warned = false;
    function deprecated(this: unknown, ...args: unknown[]): unknown {
      if (!warned && !(process as { noDeprecation?: unknown }).noDeprecation) {
        warned = true;
        if (code === undefined) {
          emit(msg, 'DeprecationWarning', deprecated);
        } else if (!codesWarned.has(code as string)) {
          emit(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code as string);
        }
      }
      if (new.target) return Reflect.construct(fn, args, new.target);
      return Reflect.apply(fn, this, args);
    }
    // The wrapper inherits from fn, and shares its prototype so instances of either are instances of both.
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  };
}

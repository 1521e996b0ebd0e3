/** util.deprecate: a wrapper that warns on its first call (once per deprecation code), as Node 20's. */
import type { GuestProcess } from '../registry.js';
import { validateString } from '../validate.js';

type Emit = (...args: unknown[]) => void;

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

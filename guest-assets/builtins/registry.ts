/**
 * How the guest's Node built-ins are registered: each is built on first use (first `require`,
 * first import, first read of its global), so a sandbox that never uses a module never pays for it
 * and start time does not grow with the number of built-ins.
 */
import type { Buffer as BufferClass } from 'buffer';
import type { Caps } from '../caps.js';
import type { createProcess } from '../process/index.js';
import type { createTimers } from '../timers.js';

export type GuestProcess = ReturnType<typeof createProcess>;
export type GuestTimers = ReturnType<typeof createTimers>['api'];

/** What a built-in module may use to build itself. */
export interface BuiltinContext {
  caps: Caps;
  Buffer: typeof BufferClass;
  process: GuestProcess;
  timers: GuestTimers;
  /** The guest's global object. */
  global: Record<string, unknown>;
  /** Registers built-in module `name` (also reachable as `node:name`), built on first use. */
  define(name: string, factory: () => unknown): void;
  /** Registers a global property, built on first read (then an ordinary writable property, as Node's). */
  defineGlobal(name: string, factory: () => unknown): void;
  /** The exports of another built-in (built now if it was not yet). */
  require(name: string): unknown;
}

/** A context whose `define` adds lazy getters to `builtins` and whose `defineGlobal` adds them to `global`. */
export function createContext(builtins: Record<string, unknown>, base: Omit<BuiltinContext, 'define' | 'defineGlobal' | 'require'>): BuiltinContext {
  return {
    ...base,
    define(name, factory) {
      lazy(builtins, name, factory, true);
    },
    defineGlobal(name, factory) {
      lazy(base.global, name, factory, false);
    },
    require(name) {
      if (!Object.prototype.hasOwnProperty.call(builtins, name)) throw new Error(`internal: no built-in ${name}`);
      return builtins[name];
    },
  };
}

/**
 * An accessor that builds the value on first read and replaces itself with a data property (a
 * write before that replaces it too), as Node installs its lazily loaded globals.
 */
function lazy(target: Record<string, unknown>, name: string, factory: () => unknown, enumerable: boolean): void {
  const settle = (value: unknown) => {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable });
    return value;
  };
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable,
    get: () => settle(factory()),
    set: (value: unknown) => void settle(value),
  });
}

import * as events from 'events';
import { streamLib } from './lib.js';
import { bindNextTick } from './process.js';

/** A CommonJS module's exports as `require` returns them (esbuild's namespace wraps them in `default`). */
function cjs<T>(ns: T): T {
  return ((ns as { default?: T }).default ?? ns) as T;
}

/**
 * Adds the guest's `events`, `stream` and `stream/promises` modules to `builtins` (the `events`
 * package and readable-stream, built in the guest realm; the stream modules load on first require)
 * and makes the streams' nextTick the guest's own.
 */
export function defineStreamBuiltins(builtins: Record<string, unknown>, nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => void): void {
  bindNextTick(nextTick);
  builtins.events = cjs(events);
  Object.defineProperty(builtins, 'stream', { get: () => streamLib().stream, enumerable: true, configurable: true });
  Object.defineProperty(builtins, 'stream/promises', { get: () => streamLib().promises, enumerable: true, configurable: true });
}

import * as events from 'events';
import * as stream from 'readable-stream/lib/stream.js';
import * as streamPromises from 'readable-stream/lib/stream/promises.js';
import { bindNextTick } from './streams-process.js';

/** A CommonJS module's exports as `require` returns them (esbuild's namespace wraps them in `default`). */
function cjs<T>(ns: T): T {
  return ((ns as { default?: T }).default ?? ns) as T;
}

/**
 * The guest's `events`, `stream` and `stream/promises` modules (the `events` package and
 * readable-stream, built in the guest realm). The streams' nextTick becomes the guest's own.
 */
export function streamBuiltins(nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => void): Record<string, unknown> {
  bindNextTick(nextTick);
  return { events: cjs(events), stream: cjs(stream), 'stream/promises': cjs(streamPromises) };
}

/**
 * The names the bundled web-streams-polyfill reads from its surroundings, given to it by the build
 * (scripts/build-guest.mjs declares them at the top of the polyfill's module): its errors become
 * Node's (errors.ts), and what it would otherwise look up on the guest's global object at run time
 * (structuredClone to detach a buffer, queueMicrotask, AbortController, DOMException) is the
 * sandbox's own, so a guest that replaces those globals does not change how streams behave, as
 * under Node, whose streams use internal bindings.
 */
import { AbortController } from '../events/abort.js';
import { DOMException } from '../events/dom-exception.js';
import { StreamRangeError, StreamTypeError } from './errors.js';

const resolved = Promise.resolve();

/** Filled in before the polyfill is first evaluated (library.ts). */
export const polyfillScope = {
  TypeError: StreamTypeError,
  RangeError: StreamRangeError,
  queueMicrotask: (callback: () => void) => void resolved.then(callback),
  AbortController,
  /** The polyfill's view of the global object: only what it reads from it. */
  globalThis: { DOMException },
  /** Detaches an ArrayBuffer as the polyfill asks (`structuredClone(buffer, { transfer: [buffer] })`). */
  structuredClone: undefined as unknown as (value: unknown, options: unknown) => unknown,
};

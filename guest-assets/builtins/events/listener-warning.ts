/**
 * The `events` package's warning for too many listeners, as Node 20 words and emits it: the bundle
 * routes the package's own warning function here (scripts/build-guest.mjs), which rewrites the
 * message in Node's words (naming the emitter and its limit) and emits it through the guest's
 * `process.emitWarning` (the package would print the whole error with console.warn).
 */
import { inspect } from '../../inspect/index.js';

let emit: ((warning: Error) => void) | undefined;

/** Points the warning at the guest's process (called once at install). */
export function bindListenerWarning(emitWarning: (warning: Error) => void): void {
  emit = emitWarning;
}

/** Called by the `events` package with its MaxListenersExceededWarning. */
export function emitListenerWarning(warning: Error & { emitter?: { getMaxListeners?(): number }; type?: unknown; count?: unknown }): void {
  try {
    const emitter = warning.emitter;
    if (emitter !== undefined) {
      const max = typeof emitter.getMaxListeners === 'function' ? emitter.getMaxListeners() : 10;
      warning.message = `Possible EventEmitter memory leak detected. ${String(warning.count)} ${String(warning.type)} listeners added to ${inspect(emitter, { depth: -1 })}. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`;
    }
  } catch {
    // The package's own text stays.
  }
  if (emit) emit(warning);
}

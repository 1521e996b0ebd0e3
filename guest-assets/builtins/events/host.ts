/**
 * What the web globals take from the rest of the guest runtime, set once when the built-ins are
 * registered (the classes are module-level, so they cannot take a context argument).
 */
export const host = {
  /** Milliseconds since the sandbox's time origin (performance.now()). */
  now: (): number => 0,
  /** The guest's process.nextTick: an error thrown in a listener is rethrown from it, as Node does. */
  nextTick: (callback: () => void): void => void Promise.resolve().then(callback),
  /** The guest's process.emitWarning, when it has one. */
  emitWarning: (_warning: Error): void => {},
  /** `events.defaultMaxListeners` at the time an EventTarget is made. */
  defaultMaxListeners: (): number => 10,
};

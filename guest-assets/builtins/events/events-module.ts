/**
 * What Node 20's `events` module has beyond the bundled `events` package: `once` with a signal
 * (and EventTarget support), `on` (an async iterator of events), `addAbortListener`,
 * `getEventListeners`, `getMaxListeners` and `setMaxListeners` for emitters and EventTargets.
 * Written after lib/events.js; the package's own `once` has no signal and no AbortError.
 */
import { invalidArgType } from '../../node-errors.js';
import type { AbortSignal } from './abort.js';
import { kResistStopPropagation, targetState } from './event-target.js';
import { AbortError, validateAbortSignal, validateFunction, validateNumber } from './validate.js';

type Emitter = Record<string, unknown> & {
  on?: Function;
  once?: Function;
  removeListener?: Function;
  addEventListener?: Function;
  removeEventListener?: Function;
  listeners?: Function;
  getMaxListeners?: Function;
  setMaxListeners?: Function;
  pause?: Function;
  resume?: Function;
};
type EventEmitterClass = Function & { defaultMaxListeners: number };

const call = (fn: Function | undefined, self: unknown, ...args: unknown[]): unknown => Reflect.apply(fn as Function, self, args);

function removeAgnostic(emitter: Emitter, name: unknown, listener: unknown, flags?: unknown): void {
  if (typeof emitter.removeListener === 'function') call(emitter.removeListener, emitter, name, listener);
  else if (typeof emitter.removeEventListener === 'function') call(emitter.removeEventListener, emitter, name, listener, flags);
  else throw invalidArgType('emitter', [], ['EventEmitter'], emitter);
}

function addAgnostic(emitter: Emitter, name: unknown, listener: unknown, flags?: { once?: boolean }): void {
  if (typeof emitter.on === 'function') call(flags?.once ? emitter.once : emitter.on, emitter, name, listener);
  else if (typeof emitter.addEventListener === 'function') call(emitter.addEventListener, emitter, name, listener, flags);
  else throw invalidArgType('emitter', [], ['EventEmitter'], emitter);
}

/** Symbol.dispose, or the symbol Node 20 stands in for it with where the engine has none. */
export function symbolDispose(): symbol {
  return (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('nodejs.dispose');
}

const RESIST_ONCE = { once: true, [kResistStopPropagation]: true };

/** events.addAbortListener(signal, listener): a Disposable that removes the listener. */
export function addAbortListener(signal: unknown, listener: unknown): object {
  if (signal === undefined) throw invalidArgType('signal', [], ['AbortSignal'], signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  const s = signal as AbortSignal;
  let remove: (() => void) | undefined;
  if (s.aborted) {
    queueMicrotask(() => listener());
  } else {
    s.addEventListener('abort', listener, RESIST_ONCE);
    remove = () => s.removeEventListener('abort', listener);
  }
  const disposable = Object.create(null) as Record<symbol, () => void>;
  disposable[symbolDispose()] = () => remove?.();
  return disposable;
}

/** events.once(emitter, name, { signal }): the arguments of the next `name` event. */
export async function once(emitter: Emitter, name: unknown, options: { signal?: unknown } | null = {}): Promise<unknown[]> {
  const signal = options?.signal as AbortSignal | undefined;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err: unknown) => {
      call(emitter.removeListener, emitter, name, resolver);
      if (signal != null) removeAgnostic(signal as unknown as Emitter, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args: unknown[]) => {
      if (typeof emitter.removeListener === 'function') call(emitter.removeListener, emitter, 'error', errorListener);
      if (signal != null) removeAgnostic(signal as unknown as Emitter, 'abort', abortListener);
      resolve(args);
    };
    addAgnostic(emitter, name, resolver, RESIST_ONCE);
    // EventTargets have no `error` event semantics; only emitters are listened to for it.
    if (name !== 'error' && typeof emitter.once === 'function') call(emitter.once, emitter, 'error', errorListener);
    function abortListener() {
      removeAgnostic(emitter, name, resolver);
      removeAgnostic(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) addAgnostic(signal as unknown as Emitter, 'abort', abortListener, RESIST_ONCE);
  });
}

/** events.getEventListeners(emitterOrTarget, type). */
export function getEventListeners(target: Emitter, type: unknown): unknown[] {
  if (typeof target.listeners === 'function') return call(target.listeners, target, type) as unknown[];
  const state = targetState(target);
  if (state === undefined) throw invalidArgType('emitter', [], ['EventEmitter', 'EventTarget'], target);
  const out: unknown[] = [];
  for (let node = state.events.get(type as string)?.next; node?.listener !== undefined; node = node.next) out.push(node.listener);
  return out;
}

/** events.getMaxListeners(emitterOrTarget). */
export function getMaxListeners(EventEmitter: EventEmitterClass, target: Emitter | null | undefined): number {
  if (typeof target?.getMaxListeners === 'function') {
    const own = (target as { _maxListeners?: number })._maxListeners;
    return own === undefined ? EventEmitter.defaultMaxListeners : own;
  }
  const max = targetState(target)?.maxListeners;
  if (max) return max;
  throw invalidArgType('emitter', [], ['EventEmitter', 'EventTarget'], target);
}

/** events.setMaxListeners(n, ...eventTargets): the default, or the maximum of each target. */
export function setMaxListeners(EventEmitter: EventEmitterClass, n: unknown, targets: unknown[]): void {
  validateNumber(n, 'setMaxListeners', 0);
  if (targets.length === 0) {
    EventEmitter.defaultMaxListeners = n;
    return;
  }
  for (const target of targets) {
    const state = targetState(target);
    if (state !== undefined) {
      state.maxListeners = n;
      state.warned = false;
    } else if (typeof (target as Emitter | null)?.setMaxListeners === 'function') {
      call((target as Emitter).setMaxListeners, target, n);
    } else {
      throw invalidArgType('eventTargets', [], ['EventEmitter', 'EventTarget'], target);
    }
  }
}

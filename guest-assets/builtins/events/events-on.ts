/**
 * `events.on(emitter, event, options)`: an async iterator of an emitter's (or EventTarget's)
 * events, as Node 20's (lib/events.js): events are queued until read, an `error` event rejects the
 * next read and ends the iteration, `close` names events that end it, `signal` aborts it with an
 * AbortError, and the high/low watermarks pause and resume an emitter that has pause/resume.
 */
import { invalidArgType } from '../../node-errors.js';
import type { AbortSignal } from './abort.js';
import { addAbortListener, symbolDispose } from './events-module.js';
import { AbortError, validateAbortSignal, validateInteger } from './validate.js';

type Emitter = Record<string, unknown>;
interface Waiter {
  resolve(result: IteratorResult<unknown>): void;
  reject(err: unknown): void;
}
interface OnOptions {
  signal?: unknown;
  close?: unknown[];
  highWaterMark?: number;
  highWatermark?: number;
  lowWaterMark?: number;
  lowWatermark?: number;
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype) as object;
const kWatermarkData = Symbol.for('nodejs.watermarkData');
const result = (value: unknown, done: boolean): IteratorResult<unknown> => ({ value, done }) as IteratorResult<unknown>;

/** Adds or removes a listener the way the emitter supports: Node style first, then EventTarget style. */
function agnostic(emitter: Emitter, add: boolean, name: unknown, listener: Function): void {
  const [nodeStyle, web] = add ? ['on', 'addEventListener'] : ['removeListener', 'removeEventListener'];
  const fn = typeof emitter[nodeStyle!] === 'function' ? emitter[nodeStyle!] : emitter[web!];
  if (typeof fn !== 'function') throw invalidArgType('emitter', [], ['EventEmitter'], emitter);
  Reflect.apply(fn, emitter, [name, listener]);
}

export function on(emitter: Emitter, event: unknown, options: OnOptions = {}): AsyncIterableIterator<unknown> {
  const signal = options.signal as AbortSignal | undefined;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  const high = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(high, 'options.highWaterMark', 1);
  const low = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(low, 'options.lowWaterMark', 1);

  const events: unknown[] = [];
  const waiters: Waiter[] = [];
  const added: Array<[unknown, Function]> = [];
  let paused = false;
  let error: unknown = null;
  let finished = false;

  const listen = (name: unknown, fn: Function) => {
    agnostic(emitter, true, name, fn);
    added.push([name, fn]);
  };
  const closeHandler = (): Promise<IteratorResult<unknown>> => {
    disposable?.[symbolDispose()]?.();
    while (added.length > 0) {
      const [name, fn] = added.pop()!;
      agnostic(emitter, false, name, fn);
    }
    finished = true;
    const done = result(undefined, true);
    while (waiters.length > 0) waiters.shift()!.resolve(done);
    return Promise.resolve(done);
  };
  const errorHandler = (err: unknown) => {
    if (waiters.length === 0) error = err;
    else waiters.shift()!.reject(err);
    void closeHandler();
  };
  const eventHandler = (value: unknown) => {
    if (waiters.length > 0) return waiters.shift()!.resolve(result(value, false));
    events.push(value);
    if (!paused && events.length > high) {
      paused = true;
      Reflect.apply(emitter.pause as Function, emitter, []);
    }
  };

  const iterator = Object.setPrototypeOf(
    {
      next(): Promise<IteratorResult<unknown>> {
        if (events.length > 0) {
          const value = events.shift();
          if (paused && events.length < low) {
            Reflect.apply(emitter.resume as Function, emitter, []);
            paused = false;
          }
          return Promise.resolve(result(value, false));
        }
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return closeHandler();
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return: () => closeHandler(),
      throw(err: unknown): void {
        if (!err || !(err instanceof Error)) throw invalidArgType('EventEmitter.AsyncIterator', [], ['Error'], err);
        errorHandler(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      [kWatermarkData]: {
        get size() {
          return events.length;
        },
        get low() {
          return low;
        },
        get high() {
          return high;
        },
        get isPaused() {
          return paused;
        },
      },
    },
    AsyncIteratorPrototype,
  ) as AsyncIterableIterator<unknown>;

  listen(event, function (...args: unknown[]) {
    return eventHandler(args);
  });
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', errorHandler);
  const close = options?.close;
  if (close?.length) for (let i = 0; i < close.length; i++) listen(close[i], closeHandler);
  const disposable = signal ? (addAbortListener(signal, () => errorHandler(new AbortError(undefined, { cause: signal?.reason }))) as Record<symbol, () => void>) : null;
  return iterator;
}

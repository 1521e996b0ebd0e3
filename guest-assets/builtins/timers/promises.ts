/**
 * The guest's `timers/promises`, after Node 20's lib/timers/promises.js: promise forms of
 * setTimeout and setImmediate, setInterval as an async iterator, and the `scheduler` object. They
 * run on the guest's own timers (so they interleave with callback timers as in Node); a `signal`
 * rejects with Node's AbortError (`cause`: the signal's reason), `ref: false` unrefs the timer.
 */
import type { GuestTimers } from '../registry.js';
import { kResistStopPropagation } from '../events/event-target.js';
import { AbortError, illegalConstructor, invalidThis, validateAbortSignal, validateBoolean, validateNumber, validateObject } from '../events/validate.js';

type Signal = { aborted: boolean; reason: unknown; addEventListener: Function; removeEventListener: Function };
interface Handle {
  unref(): unknown;
}
interface TimerOptions {
  signal?: Signal;
  ref?: boolean;
}

const RESIST = { [kResistStopPropagation]: true };

/** The checks every promise timer makes first (a failure is a rejection, not a throw). */
function checkOptions(options: unknown): asserts options is TimerOptions {
  validateObject(options, 'options');
  const o = options as TimerOptions;
  if (typeof o?.signal !== 'undefined') validateAbortSignal(o.signal, 'options.signal');
  if (typeof o?.ref !== 'undefined') validateBoolean(o.ref, 'options.ref');
}

const abortError = (signal: Signal | undefined) => new AbortError(undefined, { cause: signal?.reason });

export function createTimersPromises(timers: GuestTimers) {
  /** One timer as a promise: `start` schedules `resolve`, `clear` cancels it. */
  function settleLater(options: TimerOptions, start: (resolve: (v?: unknown) => void) => Handle, clear: (h: Handle) => void): Promise<unknown> {
    const { signal, ref = true } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let oncancel: (() => void) | undefined;
    const promise = new Promise((resolve, reject) => {
      let done = false;
      const handle = start((value) => {
        done = true;
        resolve(value);
      });
      if (!ref) handle.unref();
      if (signal) {
        oncancel = () => {
          if (done) return;
          done = true;
          clear(handle);
          reject(abortError(signal));
        };
        Reflect.apply(signal.addEventListener, signal, ['abort', oncancel, RESIST]);
      }
    });
    return oncancel === undefined ? promise : promise.finally(() => Reflect.apply(signal!.removeEventListener, signal, ['abort', oncancel]));
  }

  function setTimeout(after?: unknown, value?: unknown, options: unknown = {}): Promise<unknown> {
    try {
      if (typeof after !== 'undefined') validateNumber(after, 'delay');
      checkOptions(options);
    } catch (err) {
      return Promise.reject(err);
    }
    return settleLater(options, (resolve) => timers.setTimeout(resolve, after as number, value), (h) => timers.clearTimeout(h));
  }

  function setImmediate(value?: unknown, options: unknown = {}): Promise<unknown> {
    try {
      checkOptions(options);
    } catch (err) {
      return Promise.reject(err);
    }
    return settleLater(options, (resolve) => timers.setImmediate(resolve, value), (h) => timers.clearImmediate(h));
  }

  async function* setInterval(after?: unknown, value?: unknown, options: unknown = {}): AsyncGenerator<unknown, never> {
    if (typeof after !== 'undefined') validateNumber(after, 'delay');
    checkOptions(options);
    const { signal, ref = true } = options;
    if (signal?.aborted) throw abortError(signal);
    let onCancel: (() => void) | undefined;
    let interval: Handle | undefined;
    try {
      let notYielded = 0;
      let wake: ((v?: unknown) => void) | undefined;
      interval = timers.setInterval(() => {
        notYielded++;
        wake?.();
        wake = undefined;
      }, after as number);
      if (!ref) interval.unref();
      if (signal) {
        onCancel = () => {
          timers.clearInterval(interval);
          wake?.(Promise.reject(abortError(signal)));
          wake = undefined;
        };
        Reflect.apply(signal.addEventListener, signal, ['abort', onCancel, { once: true, ...RESIST }]);
      }
      while (!signal?.aborted) {
        if (notYielded === 0) await new Promise((resolve) => (wake = resolve));
        for (; notYielded > 0; notYielded--) yield value;
      }
      throw abortError(signal);
    } finally {
      timers.clearInterval(interval);
      if (signal) Reflect.apply(signal.removeEventListener, signal, ['abort', onCancel]);
    }
  }

  const kScheduler = Symbol('kScheduler');
  class Scheduler {
    constructor() {
      throw illegalConstructor();
    }

    yield(): Promise<unknown> {
      if (!(this as Record<symbol, unknown>)[kScheduler]) throw invalidThis('Scheduler');
      return setImmediate();
    }

    wait(delay: unknown, options?: unknown): Promise<unknown> {
      if (!(this as Record<symbol, unknown>)[kScheduler]) throw invalidThis('Scheduler');
      return setTimeout(delay, undefined, options);
    }
  }
  const scheduler = Reflect.construct(
    function (this: Record<symbol, unknown>) {
      this[kScheduler] = true;
    },
    [],
    Scheduler,
  ) as Scheduler;

  return { setTimeout, setImmediate, setInterval, scheduler };
}

/**
 * The guest's AbortController and AbortSignal with Node 20's behaviour
 * (lib/internal/abort_controller.js): signals are EventTargets made without their constructor,
 * `abort` events are trusted, `AbortSignal.timeout` aborts with a TimeoutError DOMException from an
 * unref'd timer, `AbortSignal.any` follows its sources (a composite of composites follows their
 * sources directly), and `onabort` is an event handler attribute.
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType } from '../../node-errors.js';
import { DOMException } from './dom-exception.js';
import { enumerable, Event, kTrustEvent, toStringTag } from './event.js';
import { defineEventHandler, EventTarget } from './event-target.js';
import { illegalConstructor, invalidThis, validateAbortSignal, validateUint32 } from './validate.js';

interface SignalState {
  aborted: boolean;
  reason: unknown;
  composite: boolean;
  /** For a composite signal: the plain signals it follows. */
  sources?: Set<WeakRef<AbortSignal>>;
  /** Composite signals that follow this one. */
  dependants?: Set<WeakRef<AbortSignal>>;
}

const signals = new WeakMap<object, SignalState>();

/** How the timeout of AbortSignal.timeout is scheduled (the guest's unref'd setTimeout). */
let scheduleTimeout: (callback: () => void, ms: number) => void = () => {};

export function setAbortTimer(schedule: (callback: () => void, ms: number) => void): void {
  scheduleTimeout = schedule;
}

function stateOf(self: unknown): SignalState {
  const state = typeof self === 'object' && self !== null ? signals.get(self) : undefined;
  if (state === undefined) throw invalidThis('AbortSignal');
  return state;
}

/**
 * Node's inspect of a signal or controller. Past the depth Node prints a signal as `[AbortSignal]`
 * (its instances carry own symbol-keyed state) and a controller as `AbortController {}` (it has
 * none): `bracketed` gives the first form.
 */
function customInspect(self: object, shown: object, depth: number, options: { depth?: number | null }, bracketed = false): unknown {
  if (depth < 0) return bracketed ? `[${(self.constructor as { name: string }).name}]` : self;
  const opts = { ...options, depth: options.depth === null ? null : (options.depth ?? 2) - 1 };
  return `${(self.constructor as { name: string }).name} ${inspect(shown, opts)}`;
}

export class AbortSignal extends EventTarget {
  constructor() {
    throw illegalConstructor();
    super();
  }

  get aborted(): boolean {
    return !!stateOf(this).aborted;
  }

  get reason(): unknown {
    return stateOf(this).reason;
  }

  throwIfAborted(): void {
    const state = stateOf(this);
    if (state.aborted) throw state.reason;
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    return customInspect(this, { aborted: this.aborted }, depth, options, true);
  }

  static abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): AbortSignal {
    return createAbortSignal(true, reason);
  }

  static timeout(delay: unknown): AbortSignal {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal(false, undefined);
    // Node keeps only a weak reference for the timer; the sandbox's timer is unref'd the same way.
    const ref = new WeakRef(signal);
    scheduleTimeout(() => {
      const s = ref.deref();
      if (s !== undefined) abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    return signal;
  }

  static any(list: unknown): AbortSignal {
    validateSignalArray(list, 'signals');
    const result = createAbortSignal(false, undefined, true);
    if (list.length === 0) return result;
    const resultState = signals.get(result)!;
    const resultRef = new WeakRef(result);
    const sources = (resultState.sources = new Set());
    const seen = new Set<AbortSignal>();
    for (const signal of list as AbortSignal[]) {
      if (signal.aborted) {
        abortSignal(result, signal.reason);
        return result;
      }
      const state = signals.get(signal);
      if (state === undefined) continue;
      const followed = state.composite ? [...(state.sources ?? [])].map((r) => r.deref()).filter((s): s is AbortSignal => s !== undefined) : [signal];
      for (const source of followed) {
        if (seen.has(source)) continue;
        seen.add(source);
        sources.add(new WeakRef(source));
        const sourceState = signals.get(source)!;
        (sourceState.dependants ??= new Set()).add(resultRef);
      }
    }
    return result;
  }
}

function validateSignalArray(value: unknown, name: string): asserts value is unknown[] {
  if (!Array.isArray(value)) throw invalidArgType(name, [], ['Array'], value);
  value.forEach((signal, i) => {
    if (signal == null) throw invalidArgType(`${name}[${i}]`, [], ['AbortSignal'], signal);
    validateAbortSignal(signal, `${name}[${i}]`);
  });
}

enumerable(AbortSignal.prototype, ['aborted']);
toStringTag(AbortSignal.prototype, 'AbortSignal');
defineEventHandler(AbortSignal.prototype, 'abort');

/** A new signal: an EventTarget given AbortSignal's prototype, as Node makes them. */
export function createAbortSignal(aborted: boolean, reason: unknown, composite = false): AbortSignal {
  const signal = Reflect.construct(EventTarget, [], AbortSignal) as AbortSignal;
  signals.set(signal, { aborted, reason, composite });
  return signal;
}

/** Aborts `signal` (once): sets its reason, dispatches a trusted `abort`, then aborts its dependants. */
export function abortSignal(signal: AbortSignal, reason: unknown): void {
  const state = signals.get(signal);
  if (state === undefined || state.aborted) return;
  state.aborted = true;
  state.reason = reason;
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  state.dependants?.forEach((ref) => {
    const dependant = ref.deref();
    if (dependant !== undefined) abortSignal(dependant, reason);
  });
}

const controllers = new WeakMap<object, { signal?: AbortSignal }>();

function controllerOf(self: unknown): { signal?: AbortSignal } {
  const c = typeof self === 'object' && self !== null ? controllers.get(self) : undefined;
  // Node reads a private field here: a foreign `this` is a TypeError from the engine.
  if (c === undefined) throw new TypeError('Cannot read private member #signal from an object whose class did not declare it');
  return c;
}

export class AbortController {
  constructor() {
    controllers.set(this, {});
  }

  get signal(): AbortSignal {
    const c = controllerOf(this);
    return (c.signal ??= createAbortSignal(false, undefined));
  }

  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    const c = controllerOf(this);
    abortSignal((c.signal ??= createAbortSignal(false, undefined)), reason);
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

enumerable(AbortController.prototype, ['signal', 'abort']);
toStringTag(AbortController.prototype, 'AbortController');

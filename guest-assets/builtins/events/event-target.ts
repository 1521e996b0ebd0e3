/**
 * The guest's EventTarget with Node 20's semantics (lib/internal/event_target.js is the reference):
 * listeners keyed by (listener, capture) in a linked list, so a listener added while dispatching is
 * still reached when it lands after the one running (as in Node, unlike the DOM); `once`, `passive`,
 * `signal`; `handleEvent` objects looked up at dispatch time; a listener's exception (or its
 * promise's rejection) rethrown from nextTick as an uncaught exception; Node's warnings for null
 * listeners and for more listeners of a type than the maximum.
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType } from '../../node-errors.js';
import { dispatchState, enumerable, Event, notAnEvent, toStringTag } from './event.js';
import { host } from './host.js';
import { domString, invalidThis, missingArgs, validateAbortSignal, validateObject } from './validate.js';
import { nodeError } from '../../node-errors.js';

/** An option only the sandbox sets: the listener runs even after stopImmediatePropagation(). */
export const kResistStopPropagation = Symbol('kResistStopPropagation');

interface Listener {
  next: Listener | undefined;
  previous: Listener | Root | undefined;
  listener: unknown;
  callback: (this: unknown, event: Event) => unknown;
  once: boolean;
  capture: boolean;
  passive: boolean;
  resist: boolean;
  removed: boolean;
}

interface Root {
  size: number;
  next: Listener | undefined;
  resist: boolean;
}

/** The per-target state that events.getEventListeners and events.setMaxListeners read and write. */
export interface TargetState {
  events: Map<string, Root>;
  handlers: Map<string, EventHandler>;
  maxListeners: number;
  warned: boolean;
}

interface EventHandler {
  (this: unknown, ...args: unknown[]): unknown;
  handler: unknown;
}

interface Options {
  once: boolean;
  capture: boolean;
  passive: boolean;
  signal: unknown;
  resist: boolean;
}

const NO_OPTIONS = Object.freeze({}) as object;

function listenerFor(previous: Listener | Root, listener: unknown, o: Options): Listener {
  const node: Listener = {
    next: undefined,
    previous,
    listener,
    // An object's handleEvent is looked up when the event comes; as in Node, it runs as an async function.
    callback:
      typeof listener === 'function'
        ? (listener as Listener['callback'])
        : async (...args: unknown[]) => {
            const handleEvent = (listener as { handleEvent?: unknown }).handleEvent;
            if (handleEvent) await Reflect.apply(handleEvent as Function, listener, args);
          },
    once: o.once,
    capture: o.capture,
    passive: o.passive,
    resist: o.resist,
    removed: false,
  };
  previous.next = node;
  return node;
}

function unlink(node: Listener): void {
  if (node.previous !== undefined) node.previous.next = node.next;
  if (node.next !== undefined) node.next.previous = node.previous;
  node.removed = true;
}

/** true: a listener; false: null/undefined (a warning, no effect); throws for anything else. */
function validListener(listener: unknown): boolean {
  if (typeof listener === 'function' || typeof (listener as { handleEvent?: unknown } | null)?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw invalidArgType('listener', [], ['EventListener'], listener);
}

function readOptions(options: unknown): Options {
  if (typeof options === 'boolean') return { once: false, capture: options, passive: false, signal: undefined, resist: false };
  if (options === null) return { once: false, capture: false, passive: false, signal: undefined, resist: false };
  validateObject(options, 'options', 'objects');
  const o = options as Record<string | symbol, unknown>;
  return { once: Boolean(o.once), capture: Boolean(o.capture), passive: Boolean(o.passive), signal: o.signal, resist: Boolean(o[kResistStopPropagation] ?? false) };
}

function rethrowLater(err: unknown): void {
  host.nextTick(() => {
    throw err;
  });
}

function catchRejection(result: unknown): void {
  const then = (result as { then?: unknown }).then;
  if (typeof then === 'function') Reflect.apply(then, result, [undefined, rethrowLater]);
}

let stateOf: (target: unknown) => TargetState | undefined;

/** The listener state of an EventTarget, or undefined for anything else. */
export function targetState(target: unknown): TargetState | undefined {
  return stateOf(target);
}

function ownState(self: unknown): TargetState {
  const state = stateOf(self);
  if (state === undefined) throw invalidThis('EventTarget');
  return state;
}

export class EventTarget {
  #state: TargetState = { events: new Map(), handlers: new Map(), maxListeners: host.defaultMaxListeners(), warned: false };

  static {
    stateOf = (target) => (typeof target === 'object' && target !== null && #state in target ? (target as EventTarget).#state : undefined);
  }


  addEventListener(type: unknown, listener: unknown, options: unknown = NO_OPTIONS): void {
    const state = ownState(this);
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    let o: Options = { once: false, capture: false, passive: false, signal: undefined, resist: false };
    if (options !== NO_OPTIONS) {
      // Options are read before the listener is checked: the spec wants their getters hit.
      o = readOptions(options);
      validateAbortSignal(o.signal, 'options.signal');
      const signal = o.signal as EventTarget & { aborted: boolean } | undefined;
      if (signal) {
        if (signal.aborted) return;
        signal.addEventListener('abort', () => this.removeEventListener(type, listener, o), { once: true, [kResistStopPropagation]: true });
      }
    }
    if (!validListener(listener)) {
      const w = new Error(`addEventListener called with ${String(listener)} which has no effect.`) as Error & { target?: unknown; type?: unknown };
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      host.emitWarning(w);
      return;
    }
    addListener(this, state, domString(type), listener, o);
  }

  removeEventListener(type: unknown, listener: unknown, options: unknown = NO_OPTIONS): void {
    const state = ownState(this);
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    if (!validListener(listener)) return;
    const name = domString(type);
    // As Node reads it: a boolean third argument never means capture here.
    const capture = (options as { capture?: unknown } | null | undefined)?.capture === true;
    const root = state.events.get(name);
    for (let node = root?.next; node !== undefined; node = node.next) {
      if (node.listener === listener && node.capture === capture) {
        unlink(node);
        root!.size--;
        if (root!.size === 0) state.events.delete(name);
        break;
      }
    }
  }

  dispatchEvent(event: unknown): boolean {
    const state = ownState(this);
    if (arguments.length < 1) throw missingArgs('event');
    if (!(event instanceof Event)) throw notAnEvent(event);
    const ds = dispatchState(event)!;
    if (ds.dispatching) throw nodeError('ERR_EVENT_RECURSION', 'Error', `The event "${event.type}" is already being dispatched`);
    dispatch(this, state, event);
    return event.defaultPrevented !== true;
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    ownState(this);
    const name = (this.constructor as { name: string }).name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? (options.depth as number) - 1 : options.depth };
    return `${name} ${inspect({}, opts)}`;
  }
}

// Node's cross-realm EventTarget check (`obj.constructor[Symbol.for('nodejs.event_target')]`).
Object.defineProperty(EventTarget, Symbol.for('nodejs.event_target'), { value: true, writable: true, enumerable: true, configurable: true });
enumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
toStringTag(EventTarget.prototype, 'EventTarget');

function addListener(target: object, state: TargetState, type: string, listener: unknown, o: Options): void {
  let root = state.events.get(type);
  if (root === undefined) {
    root = { size: 1, next: undefined, resist: o.resist };
    listenerFor(root, listener, o);
    warnIfTooMany(target, state, root.size, type);
    state.events.set(type, root);
    return;
  }
  let previous: Listener | Root = root;
  for (let node = root.next; node !== undefined; node = node.next) {
    if (node.listener === listener && node.capture === o.capture) return; // a duplicate: ignored
    previous = node;
  }
  listenerFor(previous, listener, o);
  root.size++;
  root.resist ||= o.resist;
  warnIfTooMany(target, state, root.size, type);
}

function warnIfTooMany(target: object, state: TargetState, size: number, type: string): void {
  if (state.maxListeners <= 0 || size <= state.maxListeners || state.warned) return;
  state.warned = true;
  const w = new Error(
    `Possible EventTarget memory leak detected. ${size} ${type} listeners added to ${inspect(target, { depth: -1 })}. MaxListeners is ${state.maxListeners}. Use events.setMaxListeners() to increase limit`,
  ) as Error & { target?: unknown; type?: unknown; count?: unknown };
  w.name = 'MaxListenersExceededWarning';
  w.target = target;
  w.type = type;
  w.count = size;
  host.emitWarning(w);
}

/** Runs the listeners of `event.type` in order, as Node's dispatch loop does. */
function dispatch(target: object, state: TargetState, event: Event): void {
  const ds = dispatchState(event)!;
  ds.target = target;
  ds.dispatching = true;
  const root = state.events.get(event.type);
  let node = root?.next;
  while (node !== undefined && (root!.resist || node.passive || ds.stop !== true)) {
    const next: Listener | undefined = node.next;
    if (node.removed || (ds.stop && !node.resist)) {
      node = next;
      continue;
    }
    if (node.once) {
      unlink(node);
      root!.size--;
    }
    try {
      const result = Reflect.apply(node.callback, target, [event]);
      // Node clears the flag after the first listener returns (currentTarget reads null from then on).
      ds.dispatching = false;
      if (result !== undefined && result !== null) catchRejection(result);
    } catch (err) {
      rethrowLater(err);
    }
    node = next;
  }
  ds.dispatching = false;
}

/**
 * Node's `on<event>` attribute (defineEventHandler): the first assignment adds one listener that
 * calls whatever handler is current, so handlers keep the order in which they were first set.
 */
export function defineEventHandler(proto: object, event: string): void {
  const name = `on${event}`;
  const get = {
    [`get ${name}`](this: unknown) {
      const state = stateOf(this);
      if (state === undefined) throw invalidArgType('this', [], ['EventTarget'], this);
      return state.handlers.get(event)?.handler ?? null;
    },
  }[`get ${name}`]!;
  const set = {
    [`set ${name}`](this: EventTarget, value: unknown) {
      const state = stateOf(this);
      if (state === undefined) throw invalidArgType('this', [], ['EventTarget'], this);
      let wrapped = state.handlers.get(event);
      if (wrapped) {
        const root = state.events.get(event);
        if (typeof wrapped.handler === 'function' && root) root.size--;
        wrapped.handler = value;
        if (typeof wrapped.handler === 'function' && root) root.size++;
      } else {
        wrapped = Object.assign(
          function eventHandler(this: unknown, ...args: unknown[]) {
            if (typeof wrapped!.handler !== 'function') return undefined;
            return Reflect.apply(wrapped!.handler, this, args);
          },
          { handler: value },
        );
        this.addEventListener(event, wrapped);
      }
      state.handlers.set(event, wrapped);
    },
  }[`set ${name}`]!;
  Object.defineProperty(proto, name, { get, set, configurable: true, enumerable: true });
}

/**
 * The guest's Event and CustomEvent, with Node 20's observable behaviour
 * (lib/internal/event_target.js): enumerable accessors on the prototype, `isTrusted` true only for
 * events Node itself dispatches (`abort`), `currentTarget`/`eventPhase`/`composedPath()` that read
 * as "being dispatched" only until the first listener returns (as in Node), and Node's `inspect`.
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType } from '../../node-errors.js';
import { host } from './host.js';
import { invalidThis, missingArgs, validateObject } from './validate.js';


const trusted = new WeakSet<object>();
/** Marks an event built by the sandbox itself (Node's kTrustEvent). */
export const kTrustEvent = Symbol('kTrustEvent');

/** What the dispatching EventTarget reads and writes on an event. */
export interface DispatchState {
  target: unknown;
  dispatching: boolean;
  stop: boolean;
}

const states = new WeakMap<object, DispatchState>();

/** The dispatch state of an Event (undefined for anything else). */
export function dispatchState(event: unknown): DispatchState | undefined {
  return typeof event === 'object' && event !== null ? states.get(event) : undefined;
}

let check: (self: unknown) => Event;
let fieldsOf: (self: unknown) => { type: string; cancelable: boolean; defaultPrevented: boolean; timestamp: number };
const stateOf = (self: unknown): DispatchState => states.get(check(self))!;

type EventOptions = { bubbles?: unknown; cancelable?: unknown; composed?: unknown; [kTrustEvent]?: unknown };

export class Event {
  #type: string;
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = host.now();
  #propagationStopped = false;

  constructor(type: unknown, options: unknown = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    if (options != null) validateObject(options, 'options');
    const opts = options as EventOptions | undefined;
    this.#bubbles = !!opts?.bubbles;
    this.#cancelable = !!opts?.cancelable;
    this.#composed = !!opts?.composed;
    this.#type = `${type as string}`;
    if (opts?.[kTrustEvent]) trusted.add(this);
    states.set(this, { target: null, dispatching: false, stop: false });
  }

  // The brand check lives in a static block: a method naming its own class would make the bundler
  // rename the class binding, and V8 would print that name in "cannot be invoked without 'new'".
  static {
    check = (self) => {
      if (typeof self !== 'object' || self === null || !(#type in self)) throw invalidThis('Event');
      return self as Event;
    };
    fieldsOf = (self) => {
      const e = check(self);
      return { type: e.#type, cancelable: e.#cancelable, defaultPrevented: e.#defaultPrevented, timestamp: e.#timestamp };
    };
  }

  initEvent(type: unknown, bubbles: unknown = false, cancelable: unknown = false): void {
    if (arguments.length === 0) throw missingArgs('type');
    if (stateOf(this).dispatching) return;
    this.#type = `${type as string}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): string {
    const f = fieldsOf(this);
    const name = (this.constructor as { name: string }).name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? (options.depth as number) - 1 : options.depth };
    return `${name} ${inspect({ type: f.type, defaultPrevented: f.defaultPrevented, cancelable: f.cancelable, timeStamp: f.timestamp }, opts)}`;
  }

  stopImmediatePropagation(): void {
    const state = stateOf(this);
    this.stopPropagation();
    state.stop = true;
  }

  preventDefault(): void {
    check(this).#defaultPrevented = true;
  }

  get target(): unknown {
    return stateOf(this).target;
  }

  get currentTarget(): unknown {
    const state = stateOf(this);
    return state.dispatching ? state.target : null;
  }

  get srcElement(): unknown {
    return stateOf(this).target;
  }

  get type(): string {
    return check(this).#type;
  }

  get cancelable(): boolean {
    return check(this).#cancelable;
  }

  get defaultPrevented(): boolean {
    const self = check(this);
    return self.#cancelable && self.#defaultPrevented;
  }

  get timeStamp(): number {
    return check(this).#timestamp;
  }

  composedPath(): unknown[] {
    const state = stateOf(this);
    return state.dispatching ? [state.target] : [];
  }

  get returnValue(): boolean {
    const self = check(this);
    return !self.#cancelable || !self.#defaultPrevented;
  }

  get bubbles(): boolean {
    return check(this).#bubbles;
  }

  get composed(): boolean {
    return check(this).#composed;
  }

  get eventPhase(): number {
    return stateOf(this).dispatching ? 2 : 0;
  }

  get cancelBubble(): boolean {
    return check(this).#propagationStopped;
  }

  set cancelBubble(value: unknown) {
    const self = check(this);
    if (value) self.#propagationStopped = true;
  }

  stopPropagation(): void {
    check(this).#propagationStopped = true;
  }

  declare static readonly NONE: 0;
  declare static readonly CAPTURING_PHASE: 1;
  declare static readonly AT_TARGET: 2;
  declare static readonly BUBBLING_PHASE: 3;
}

const isTrusted = Object.getOwnPropertyDescriptor(
  {
    get isTrusted() {
      return trusted.has(this);
    },
  },
  'isTrusted',
)!.get!;

/** Makes the named prototype members enumerable, as Node's `kEnumerableProperty` does. */
export function enumerable(proto: object, names: readonly string[]): void {
  for (const name of names) Object.defineProperty(proto, name, { enumerable: true });
}

/** Node's Symbol.toStringTag descriptor. */
export function toStringTag(proto: object, tag: string): void {
  Object.defineProperty(proto, Symbol.toStringTag, { writable: false, enumerable: false, configurable: true, value: tag });
}

toStringTag(Event.prototype, 'Event');
enumerable(Event.prototype, [
  'initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget', 'srcElement', 'type', 'cancelable',
  'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation',
]);
Object.defineProperty(Event.prototype, 'isTrusted', { configurable: false, enumerable: true, get: isTrusted });
['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'].forEach((name, value) => {
  Object.defineProperty(Event, name, { writable: false, configurable: false, enumerable: true, value });
});

const details = new WeakMap<object, unknown>();

export class CustomEvent extends Event {
  constructor(type: unknown, options: unknown = {}) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    details.set(this, (options as { detail?: unknown } | null)?.detail ?? null);
  }

  get detail(): unknown {
    if (typeof this !== 'object' || this === null || !details.has(this)) throw invalidThis('CustomEvent');
    return details.get(this);
  }
}

toStringTag(CustomEvent.prototype, 'CustomEvent');
enumerable(CustomEvent.prototype, ['detail']);

/** ERR_INVALID_ARG_TYPE for a dispatchEvent argument that is not an Event. */
export function notAnEvent(value: unknown): Error {
  return invalidArgType('event', [], ['Event'], value);
}

/**
 * The guest's web event globals: EventTarget, Event, CustomEvent, AbortController, AbortSignal,
 * DOMException and structuredClone, plus what Node's `events` module adds over the bundled
 * `events` package (once with a signal, on, addAbortListener, getEventListeners,
 * getMaxListeners, setMaxListeners).
 *
 * These are written for the sandbox rather than taken from event-target-shim and abort-controller
 * (which readable-stream falls back on): those lack AbortSignal's reason, throwIfAborted, timeout
 * and any, Node's error codes and messages, its `inspect` output and its dispatch quirks, and
 * accept plain objects as events. readable-stream picks these globals up (it reads
 * `globalThis.AbortSignal` when first loaded and checks signals by duck typing).
 */
import { guard } from '../../caps.js';
import type { BuiltinContext } from '../registry.js';
import { AbortController, AbortSignal, setAbortTimer } from './abort.js';
import { makeStructuredClone } from './clone.js';
import { DOMException } from './dom-exception.js';
import { CustomEvent, Event } from './event.js';
import { EventTarget } from './event-target.js';
import { addAbortListener, getEventListeners, getMaxListeners, once, setMaxListeners } from './events-module.js';
import { on } from './events-on.js';
import { defineEnumerableGlobal } from './globals.js';
import { host } from './host.js';

type EventsModule = Function & Record<string, unknown> & { defaultMaxListeners: number };

/**
 * Node 20 gives the engine's missing Symbol.dispose and Symbol.asyncDispose (registered symbols);
 * the Disposable of events.addAbortListener is keyed by it, and readable-stream reads it when it loads.
 */
function defineDisposeSymbols(): void {
  for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']] as const) {
    if (!(name in Symbol)) Object.defineProperty(Symbol, name, { value: Symbol.for(key), writable: false, enumerable: false, configurable: false });
  }
}

export function defineEventGlobals(ctx: BuiltinContext): void {
  defineDisposeSymbols();
  const events = ctx.require('events') as EventsModule;
  const process = ctx.process as unknown as { nextTick(cb: () => void): void; emitWarning?: (w: Error) => void };
  host.now = () => guard(() => ctx.caps.now());
  host.nextTick = (callback) => process.nextTick(callback);
  host.emitWarning = (warning) => {
    if (typeof process.emitWarning === 'function') process.emitWarning(warning);
  };
  host.defaultMaxListeners = () => events.defaultMaxListeners;
  setAbortTimer((callback, ms) => void ctx.timers.setTimeout(callback, ms).unref());

  ctx.defineGlobal('EventTarget', () => EventTarget);
  ctx.defineGlobal('Event', () => Event);
  ctx.defineGlobal('CustomEvent', () => CustomEvent);
  ctx.defineGlobal('AbortController', () => AbortController);
  ctx.defineGlobal('AbortSignal', () => AbortSignal);
  ctx.defineGlobal('DOMException', () => DOMException);
  defineEnumerableGlobal(ctx.global, 'structuredClone', () => makeStructuredClone(ctx.caps));

  Object.assign(events, {
    once,
    on,
    addAbortListener,
    getEventListeners,
    getMaxListeners: (target: never) => getMaxListeners(events, target),
  });
  Object.defineProperty(events.getMaxListeners, 'name', { value: 'getMaxListeners' });
  events.setMaxListeners = function setMaxListeners_(n: unknown = events.defaultMaxListeners, ...targets: unknown[]) {
    setMaxListeners(events, n, targets);
  };
  Object.defineProperty(events.setMaxListeners, 'name', { value: '' });
}

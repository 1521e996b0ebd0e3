/**
 * `diagnostics_channel` with Node 20's semantics: one Channel per name, subscribers called in order
 * with (message, name), a subscriber's exception rethrown on the next tick (the others still run),
 * module-level subscribe/unsubscribe/hasSubscribers, and tracingChannel with its five channels and
 * traceSync/tracePromise/traceCallback. Stores (bindStore/runStores) need AsyncLocalStorage, which
 * the sandbox does not have: runStores just runs the function.
 */
import { invalidArgType } from '../../node-errors.js';

type Subscriber = (message: unknown, name: string | symbol) => void;

export function createDiagnosticsChannel(nextTick: (fn: () => void) => void) {
  const channels = new Map<string | symbol, Channel>();

  class Channel {
    readonly name: string | symbol;
    #subscribers: Subscriber[] = [];
    constructor(name: string | symbol) {
      this.name = name;
    }
    static [Symbol.hasInstance](value: unknown): boolean {
      return typeof value === 'object' && value !== null && #subscribers in value;
    }
    get hasSubscribers(): boolean {
      return this.#subscribers.length > 0;
    }
    subscribe(subscription: unknown): void {
      if (typeof subscription !== 'function') throw invalidArgType('subscription', ['function'], [], subscription);
      this.#subscribers = [...this.#subscribers, subscription as Subscriber];
    }
    unsubscribe(subscription: unknown): boolean {
      const index = this.#subscribers.indexOf(subscription as Subscriber);
      if (index === -1) return false;
      this.#subscribers = [...this.#subscribers.slice(0, index), ...this.#subscribers.slice(index + 1)];
      return true;
    }
    publish(data: unknown): void {
      for (const subscriber of this.#subscribers) {
        try {
          subscriber(data, this.name);
        } catch (err) {
          nextTick(() => {
            throw err;
          });
        }
      }
    }
    bindStore(): void {}
    unbindStore(): boolean {
      return false;
    }
    runStores<T>(data: unknown, fn: (...args: unknown[]) => T, thisArg?: unknown, ...args: unknown[]): T {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    }
  }

  function channel(name: unknown): Channel {
    if (typeof name !== 'string' && typeof name !== 'symbol') throw invalidArgType('channel', ['string', 'symbol'], [], name);
    let ch = channels.get(name);
    if (!ch) channels.set(name, (ch = new Channel(name)));
    return ch;
  }

  const NAMES = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;
  type Channels = Record<(typeof NAMES)[number], Channel>;

  class TracingChannel {
    constructor(nameOrChannels: unknown) {
      const self = this as unknown as Channels;
      if (typeof nameOrChannels === 'string') {
        for (const n of NAMES) self[n] = channel(`tracing:${nameOrChannels}:${n}`);
      } else if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
        for (const n of NAMES) {
          const ch = (nameOrChannels as Record<string, unknown>)[n];
          if (!(ch instanceof Channel)) throw invalidArgType(`nameOrChannels.${n}`, [], ['Channel'], ch);
          self[n] = ch;
        }
      } else {
        throw invalidArgType('nameOrChannels', ['string', 'object', 'TracingChannel'], [], nameOrChannels);
      }
    }
    get hasSubscribers(): boolean {
      const self = this as unknown as Channels;
      return NAMES.some((n) => self[n].hasSubscribers);
    }
    subscribe(handlers: Partial<Record<(typeof NAMES)[number], Subscriber>>): void {
      const self = this as unknown as Channels;
      for (const n of NAMES) if (handlers[n]) self[n].subscribe(handlers[n]);
    }
    unsubscribe(handlers: Partial<Record<(typeof NAMES)[number], Subscriber>>): boolean {
      const self = this as unknown as Channels;
      let done = true;
      for (const n of NAMES) if (handlers[n] && !self[n].unsubscribe(handlers[n])) done = false;
      return done;
    }
    traceSync<T>(fn: (...args: unknown[]) => T, context: Record<string, unknown> = {}, thisArg?: unknown, ...args: unknown[]): T {
      const { start, end, error } = this as unknown as Channels;
      start.publish(context);
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    }
    tracePromise<T>(fn: (...args: unknown[]) => Promise<T>, context: Record<string, unknown> = {}, thisArg?: unknown, ...args: unknown[]): Promise<T> {
      const { start, end, asyncStart, asyncEnd, error } = this as unknown as Channels;
      const reject = (err: unknown) => {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return Promise.reject(err);
      };
      const resolve = (result: T) => {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      };
      start.publish(context);
      try {
        return Promise.resolve(Reflect.apply(fn, thisArg, args)).then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    }
    traceCallback(fn: (...args: unknown[]) => unknown, position = -1, context: Record<string, unknown> = {}, thisArg?: unknown, ...args: unknown[]): unknown {
      const { start, end, asyncStart, asyncEnd, error } = this as unknown as Channels;
      const at = position < 0 ? args.length + position : position;
      const callback = args[at];
      if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
      args[at] = function (this: unknown, err: unknown, result: unknown) {
        if (err) {
          context.error = err;
          error.publish(context);
        } else {
          context.result = result;
        }
        asyncStart.publish(context);
        try {
          return Reflect.apply(callback, this, [err, result]);
        } finally {
          asyncEnd.publish(context);
        }
      };
      return this.traceSync(fn, context, thisArg, ...args);
    }
  }

  return {
    channel,
    hasSubscribers: (name: string | symbol) => channels.get(name)?.hasSubscribers ?? false,
    subscribe: (name: string | symbol, fn: Subscriber) => channel(name).subscribe(fn),
    unsubscribe: (name: string | symbol, fn: Subscriber) => channels.get(name)?.unsubscribe(fn) ?? false,
    tracingChannel: (nameOrChannels: unknown) => new TracingChannel(nameOrChannels),
    Channel,
  };
}

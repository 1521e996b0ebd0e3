import { guard, type Caps } from './caps.js';
import { invalidArgType } from './node-errors.js';

/** Node clamps delays outside 1..2^31-1 (and non-numbers) to 1 ms. */
const TIMEOUT_MAX = 2 ** 31 - 1;

type TimerCallback = (...args: unknown[]) => void;

interface Entry {
  handle: object;
  callback: TimerCallback;
  args: unknown[];
  repeat: boolean;
}

/** The guest's timers: guest-realm handle objects over timers run by the Worker. */
export function createTimers(caps: Caps) {
  const entries = new Map<number, Entry>();
  let nextId = 1;

  function validate(callback: unknown): TimerCallback {
    if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
    return callback as TimerCallback;
  }

  function delayOf(ms: unknown): number {
    const n = Number(ms);
    return n >= 1 && n <= TIMEOUT_MAX ? n : 1;
  }

  function start(handle: Timeout | Immediate, callback: TimerCallback, args: unknown[], ms: number, repeat: boolean): void {
    entries.set(handle.id, { handle, callback, args, repeat });
    guard(() => caps.setTimer(handle.id, ms, repeat, handle instanceof Immediate));
  }

  function stop(handle: unknown): void {
    const id = handle instanceof Timeout || handle instanceof Immediate ? handle.id : typeof handle === 'number' ? handle : undefined;
    if (id === undefined || !entries.has(id)) return;
    entries.delete(id);
    guard(() => caps.clearTimer(id));
  }

  /** Node's Timeout object: ref/unref/hasRef/refresh, and a number when coerced. */
  class Timeout {
    readonly id = nextId++;
    #ref = true;
    constructor(readonly ms: number) {}
    ref(): this {
      this.#ref = true;
      if (entries.has(this.id)) guard(() => caps.refTimer(this.id, true));
      return this;
    }
    unref(): this {
      this.#ref = false;
      if (entries.has(this.id)) guard(() => caps.refTimer(this.id, false));
      return this;
    }
    hasRef(): boolean {
      return this.#ref;
    }
    refresh(): this {
      const e = entries.get(this.id);
      if (e) {
        guard(() => caps.clearTimer(this.id));
        guard(() => caps.setTimer(this.id, this.ms, e.repeat, false));
        if (!this.#ref) guard(() => caps.refTimer(this.id, false));
      }
      return this;
    }
    close(): this {
      stop(this);
      return this;
    }
    [Symbol.toPrimitive](): number {
      return this.id;
    }
  }

  /** Node's Immediate object. */
  class Immediate {
    readonly id = nextId++;
    ref(): this {
      guard(() => caps.refTimer(this.id, true));
      return this;
    }
    unref(): this {
      guard(() => caps.refTimer(this.id, false));
      return this;
    }
    hasRef(): boolean {
      return entries.has(this.id);
    }
  }

  const api = {
    setTimeout(callback: unknown, ms?: unknown, ...args: unknown[]): Timeout {
      const cb = validate(callback);
      const handle = new Timeout(delayOf(ms));
      start(handle, cb, args, handle.ms, false);
      return handle;
    },
    setInterval(callback: unknown, ms?: unknown, ...args: unknown[]): Timeout {
      const cb = validate(callback);
      const handle = new Timeout(delayOf(ms));
      start(handle, cb, args, handle.ms, true);
      return handle;
    },
    setImmediate(callback: unknown, ...args: unknown[]): Immediate {
      const cb = validate(callback);
      const handle = new Immediate();
      start(handle, cb, args, 0, false);
      return handle;
    },
    clearTimeout: stop,
    clearInterval: stop,
    clearImmediate: stop,
  };

  /** Runs timer `id` (called by the Worker when it is due). */
  function fire(id: number): void {
    const e = entries.get(id);
    if (e === undefined) return;
    if (!e.repeat) entries.delete(id);
    Reflect.apply(e.callback, e.handle, e.args);
  }

  return { api, fire };
}

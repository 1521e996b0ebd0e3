/**
 * The guest's side of one native engine (what Node's streams call `_handle`): a number naming the
 * Worker's engine, its synchronous step (Node's `writeSync`) and the asynchronous one Node's streams
 * use (`write`), which runs the same step from a later task and then calls back, as Node's thread
 * pool does. The Worker's engine is opened on first use (zlib's own state starts lazily too); one a
 * guest drops without closing is closed when it is garbage collected.
 */
import { guard, type Caps } from '../../caps.js';
import { nodeError } from '../../node-errors.js';
import { engineError } from './args.js';
import { engineFreed, mayWait, stepRan, stepScheduled, waitForEngine } from './waiting.js';

/** What engines need of the sandbox. */
export interface EngineHost {
  caps: Caps;
  setImmediate(callback: () => void): unknown;
}

/** The Worker's last failure as a guest-realm error: an engine's error (with errno), or Node's error of that code. */
export function lastFailure(caps: Caps): Error {
  const [code = 'ERR_INTERNAL', name = 'Error', errno = '', message = 'zlib failed'] = String(guard(() => caps.zlibError())).split('\u0000');
  if (errno !== '') return engineError(message, Number(errno), code);
  return nodeError(code, name === 'TypeError' || name === 'RangeError' ? name : 'Error', message);
}

/** Closes the Worker engines of guest engines that were collected without being closed. */
const registries = new WeakMap<Caps, FinalizationRegistry<number>>();
function registryOf(caps: Caps): FinalizationRegistry<number> {
  let registry = registries.get(caps);
  if (!registry) {
    registry = new FinalizationRegistry((id) => {
      guard(() => caps.zlibClose(id));
      engineFreed();
    });
    registries.set(caps, registry);
  }
  return registry;
}

/** What opens an engine: its mode and settings. */
type Settings = readonly [mode: number, windowBits: number, level: number, memLevel: number, strategy: number, extra: Uint8Array | Uint32Array | undefined];

const UNOPENED = 0;
const CLOSED = -1;
/** What zlibOpen returns when the sandbox's live engines are all taken. */
const BUSY = -2;

export class Engine {
  readonly #host: EngineHost;
  #settings: Settings | undefined;
  /** The Worker's engine; UNOPENED until the first call that needs it (zlib, too, starts lazily). */
  #id = UNOPENED;

  /** An engine opened on first use, so a stream that is never written holds no native memory. */
  constructor(host: EngineHost, ...settings: Settings) {
    this.#host = host;
    this.#settings = settings;
  }

  /** Whether the engine was closed (explicitly, or by a failure). */
  get closed(): boolean {
    return this.#id === CLOSED;
  }

  /**
   * The Worker's engine id, opening it now if needed; an Error when it cannot be opened. With
   * `mayBeBusy`, BUSY when the sandbox's engines are all taken (the engine stays unopened).
   */
  #open(mayBeBusy = false): number | Error {
    if (this.#id !== UNOPENED) return this.#id < 0 ? nodeError('ERR_INTERNAL', 'Error', 'zlib binding closed') : this.#id;
    const caps = this.#host.caps;
    const settings = this.#settings!;
    const id = guard(() => caps.zlibOpen(...settings));
    if (id === BUSY && mayBeBusy) return BUSY;
    if (id < 0) {
      this.close();
      return lastFailure(caps);
    }
    this.#id = id;
    this.#settings = undefined;
    registryOf(caps).register(this, id, this);
    return id;
  }

  /**
   * One step now: reads `inLen` bytes of `input` from `inOff`, writes at most `outLen` bytes into
   * `out` from `outOff`, leaves [avail_out, avail_in] in `state`. Returns the engine's error, if any
   * (the engine is closed then).
   */
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number, state: Uint32Array): Error | undefined {
    const id = this.#open();
    if (typeof id !== 'number') return id;
    // Offsets and lengths as the native binding reads them (ToUint32: a fractional chunkSize truncates).
    const [io, il, oo, ol] = [inOff >>> 0, inLen >>> 0, outOff >>> 0, outLen >>> 0];
    return this.#settle(guard(() => this.#host.caps.zlibWrite(id, flush, input, io, il, out, oo, ol, state)));
  }

  /**
   * The same step from a later task, then `done()` (or `failed(error)`). An engine closed in the
   * meantime does no work and calls `done()`: its stream is destroyed and only finishes the write.
   * An engine not yet opened may wait for the sandbox to have one free (waiting.ts).
   */
  write(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number, state: Uint32Array, done: () => void, failed: (error: Error) => void): void {
    const run = (woken: boolean) => {
      if (this.closed) return done();
      if (this.#id === UNOPENED) {
        const opened = this.#open(mayWait());
        // No engine free: wait for one while other streams are moving (waiting.ts).
        if (opened === BUSY) return waitForEngine(() => schedule(true), woken);
        if (typeof opened !== 'number') return failed(opened);
      }
      const error = this.writeSync(flush, input, inOff, inLen, out, outOff, outLen, state);
      if (error) failed(error);
      else done();
    };
    const schedule = (woken: boolean) => {
      const counted = this.#id > 0;
      if (counted) stepScheduled();
      this.#host.setImmediate(() => {
        try {
          run(woken);
        } finally {
          if (counted) stepRan(this.#host.setImmediate);
        }
      });
    };
    schedule(false);
  }

  /** Changes a deflate engine's level and strategy; the engine's error, if any. */
  params(level: number, strategy: number): Error | undefined {
    const id = this.#open();
    if (typeof id !== 'number') return id;
    return this.#settle(guard(() => this.#host.caps.zlibParams(id, level, strategy)));
  }

  /** Back to the initial state; the engine's error, if any. An engine not yet opened is there already. */
  reset(): Error | undefined {
    if (this.#id === UNOPENED) return undefined;
    const id = this.#open();
    if (typeof id !== 'number') return id;
    return this.#settle(guard(() => this.#host.caps.zlibReset(id)));
  }

  /** Frees the Worker's engine; later calls fail with `zlib binding closed`. */
  close(): void {
    const id = this.#id;
    this.#id = CLOSED;
    this.#settings = undefined;
    if (id <= 0) return;
    registryOf(this.#host.caps).unregister(this);
    guard(() => this.#host.caps.zlibClose(id));
    engineFreed();
  }

  /** A failed call closed the Worker's engine: forget it and build its error. */
  #settle(status: number): Error | undefined {
    if (status >= 0) return undefined;
    const error = lastFailure(this.#host.caps);
    this.close();
    return error;
  }
}

import { Buffer } from 'buffer';
import { invalidArgType } from '../node-errors.js';
import { unwrap, type Result, type Rpc } from '../rpc.js';
import { abortable, abortedBefore, signalOption } from './abort.js';

/**
 * One fs operation, declared once; `bind` derives Node's three forms from it: `nameSync`,
 * `name(..., callback)` and `fs.promises.name`. Argument validation runs synchronously in every
 * form (Node throws bad arguments from the callback form and rejects them in the promise form).
 */
export interface OpSpec {
  /** Host method called. */
  method: string;
  /** Validates the caller's arguments (callback removed) and returns the wire arguments. */
  prepare(args: unknown[]): unknown[];
  /** Turns the reply into the caller's result. Default: the value, raw bytes as a Buffer. */
  finish?(result: Result, args: unknown[]): unknown;
  /**
   * Where Node's callback parameter is (the number of parameters before it). When the last argument
   * is not a function, Node's error names the value at this position (`fs.unlink('x')`: `undefined`).
   */
  arity?: number;
  /** Where the options argument is, for operations that honour `options.signal` (callback and promise forms). */
  signalAt?: number;
}

/** The three forms of one operation. */
export interface BoundOp {
  sync(...args: unknown[]): unknown;
  callback(...args: unknown[]): void;
  promise(...args: unknown[]): Promise<unknown>;
}

/** A Node-style callback. */
export type Callback = (err: Error | null, ...values: unknown[]) => void;

/** A Buffer over the whole of a freshly received payload: no copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The default result: the reply's value, with raw bytes as a Buffer. */
export function defaultFinish(result: Result): unknown {
  const value = unwrap(result);
  return value instanceof Uint8Array ? asBuffer(value) : value;
}

/**
 * Removes and returns the trailing callback, or throws Node's ERR_INVALID_ARG_TYPE naming the value
 * at the callback's position (`arity`), or the last argument when the position is not known.
 */
export function takeCallback(args: unknown[], arity?: number): Callback {
  if (arity !== undefined && typeof args[args.length - 1] !== 'function') throw invalidArgType('cb', ['function'], [], args[arity]);
  const cb = args.pop();
  if (typeof cb !== 'function') throw invalidArgType('cb', ['function'], [], cb);
  return cb as Callback;
}

/** Calls a Node-style callback with the outcome of `compute`: an error first, or null and the value. */
export function settle(cb: Callback, compute: () => unknown, withValue = true): void {
  let value: unknown;
  try {
    value = compute();
  } catch (e) {
    cb(e as Error);
    return;
  }
  if (withValue && value !== undefined) cb(null, value);
  else cb(null);
}

/** Derives the sync, callback and promise forms of `spec` over `rpc`. */
export function bind(rpc: Rpc, spec: OpSpec): BoundOp {
  const finish = spec.finish ?? defaultFinish;
  return {
    sync(...args) {
      return finish(rpc.callSync(spec.method, spec.prepare(args)), args);
    },
    callback(...args) {
      const cb = takeCallback(args, spec.arity);
      const wire = spec.prepare(args);
      const signal = spec.signalAt === undefined ? undefined : signalOption(args[spec.signalAt]);
      if (abortedBefore(signal, cb)) return;
      void abortable(signal, () => rpc.callAsync(spec.method, wire)).then(
        (r) => settle(cb, () => finish(r, args)),
        (e: unknown) => cb(e as Error),
      );
    },
    async promise(...args) {
      const wire = spec.prepare(args);
      const signal = spec.signalAt === undefined ? undefined : signalOption(args[spec.signalAt]);
      return finish(await abortable(signal, () => rpc.callAsync(spec.method, wire)), args);
    },
  };
}

/** Gives a derived function the name Node's has (it shows in stack traces). */
function named<F extends Function>(fn: F, name: string): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/** Builds `{ nameSync, name }` and `promises.name` for a table of operations. */
export function bindAll(rpc: Rpc, specs: Record<string, OpSpec>): { fs: Record<string, unknown>; promises: Record<string, unknown> } {
  const fs: Record<string, unknown> = {};
  const promises: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const op = bind(rpc, spec);
    fs[`${name}Sync`] = named(op.sync, `${name}Sync`);
    fs[name] = named(op.callback, name);
    promises[name] = named(op.promise, name);
  }
  return { fs, promises };
}

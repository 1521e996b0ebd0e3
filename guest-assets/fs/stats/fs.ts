import { Method } from '../../../bridge/wire/protocol.js';
import { unwrap, type Result, type Rpc } from '../../rpc.js';
import { toPath } from '../args.js';
import { getValidatedNativeFd, validateFunction } from '../descriptors/args.js';
import { runAsync, runSync, type Prepared } from '../descriptors/index.js';
import type { Callback } from '../ops.js';
import { statRecordTarget, statsFromRecord } from './index.js';

/** statSync/stat/promises.stat, lstat likewise, fstatSync/fstat: Node's forms and options. */

interface StatOptions {
  bigint?: unknown;
  throwIfNoEntry?: unknown;
}

/** A stat answer: a record (status 2), or undefined when `throwIfNoEntry: false` met a missing entry. */
function statCall(wire: unknown[], bigint: boolean): Prepared {
  return {
    wire,
    into: statRecordTarget,
    values(result?: Result) {
      const value = unwrap(result!);
      return [value instanceof Uint8Array ? statsFromRecord(value, bigint) : undefined];
    },
  };
}

// Node reads `options.bigint` straight away: a null options object throws the same TypeError here.
function pathCall(path: unknown, options: StatOptions, sync: boolean): Prepared {
  const bigint = options.bigint === true;
  const throwIfNoEntry = sync ? options.throwIfNoEntry !== false : true;
  return statCall([toPath(path), bigint, throwIfNoEntry], bigint);
}

function fdCall(fd: unknown, options: StatOptions): Prepared {
  const bigint = options.bigint === true;
  return statCall([getValidatedNativeFd(fd), bigint], bigint);
}

function named<F extends Function>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/** Node's `(path, options?, cb)`: options may be left out; the callback is checked first. */
function callbackForm(options: unknown, cb: unknown): { options: StatOptions; cb: Callback } {
  if (typeof options === 'function') return { options: {}, cb: options as Callback };
  return { options: (options ?? {}) as StatOptions, cb: validateFunction<Callback>(cb) };
}

/** The stat functions of `fs` and of `fs.promises`. */
export function statFunctions(rpc: Rpc): { fs: Record<string, Function>; promises: Record<string, Function> } {
  const fs: Record<string, Function> = {};
  const promises: Record<string, Function> = {};
  for (const [name, method] of [['stat', Method.stat], ['lstat', Method.lstat]] as const) {
    const defaults = { bigint: false, throwIfNoEntry: true };
    fs[`${name}Sync`] = named(`${name}Sync`, (path: unknown, options: StatOptions = defaults) => runSync(rpc, method, pathCall(path, options, true)));
    fs[name] = named(name, (path: unknown, options: unknown, cb?: unknown) => {
      const form = callbackForm(options, cb);
      runAsync(rpc, method, pathCall(path, form.options, false), form.cb);
    });
    promises[name] = named(name, async (path: unknown, options: StatOptions = { bigint: false }) => {
      const call = pathCall(path, options, false);
      return call.values(await rpc.callAsync(method, call.wire!))[0];
    });
  }
  fs.fstatSync = named('fstatSync', (fd: unknown, options: StatOptions = { bigint: false }) => runSync(rpc, Method.fstat, fdCall(fd, options)));
  fs.fstat = named('fstat', (fd: unknown, options: unknown, cb?: unknown) => {
    const form = callbackForm(options, cb);
    runAsync(rpc, Method.fstat, fdCall(fd, form.options), form.cb);
  });
  return { fs, promises };
}

/** One fstat by message, for FileHandle.stat. */
export async function fstatAsync(rpc: Rpc, fd: number, options: StatOptions = { bigint: false }): Promise<unknown> {
  const call = fdCall(fd, options);
  return call.values(await rpc.callAsync(Method.fstat, call.wire!))[0];
}

import type { Buffer } from 'buffer';
import { Method } from '../../../bridge/wire/protocol.js';
import { unwrap, type Result, type Rpc } from '../../rpc.js';
import { DIRENT } from './constants.js';
import { getOptions, validateBoolean, validatedPath, validateFunction, wireEncoding, type Options } from './args.js';
import { argTypeError } from './errors.js';
import { direntOf, nameOf, type Dirent } from '../dirent.js';
import { settle, type Callback } from '../ops.js';

/**
 * readdir in Node 20's three shapes: readdirSync, readdir(cb) and fs.promises.readdir. They differ:
 * the callback form with `recursive` runs the sync walk and calls back synchronously; the promise
 * form walks depth-first and does not type-check `recursive`. The host walks (host/fs/dirs/list.ts).
 */

/** The host's walk orders (bridge/wire/protocol.ts, Method.readdir). */
const Order = { flat: 0, sync: 1, promise: 2 } as const;

/** One prepared call: the wire arguments and how to turn the answer into the caller's array. */
interface Call {
  wire: unknown[];
  finish(result: Result): Array<string | Buffer | Dirent>;
}

function prepare(path: { wire: string; given: string | Uint8Array }, o: Options, order: number): Call {
  const { wire, given } = path;
  const withTypes = Boolean(o.withFileTypes);
  // A Buffer path cannot be joined with names (path.join throws): Node fails at the first directory it would enter.
  const bufferBase = order !== Order.flat && given instanceof Uint8Array;
  return {
    wire: [wire, wireEncoding(o), withTypes, bufferBase ? Order.flat : order],
    finish(result) {
      const rows = unwrap(result);
      if (!Array.isArray(rows)) throw new TypeError('sandbox host answered readdir with something that is not a list');
      if (bufferBase && rows.some((r) => !withTypes || (Array.isArray(r) && r[1] === DIRENT.dir))) {
        throw argTypeError('path', 'string', given);
      }
      return rows.map((r) => (withTypes ? direntOf(r, given) : nameOf(r)));
    },
  };
}

/** getOptions, getValidatedPath and (sync and callback forms) the `recursive` type check, in Node's order. */
function validate(pathArg: unknown, options: unknown, checkRecursive: boolean) {
  const o = getOptions(options);
  const path = validatedPath(pathArg);
  if (checkRecursive && o.recursive != null) validateBoolean(o.recursive, 'options.recursive');
  return { o, path };
}

function syncCall(rpc: Rpc, call: Call): Array<string | Buffer | Dirent> {
  return call.finish(rpc.callSync(Method.readdir, call.wire));
}

/** readdirSync, readdir and promises.readdir over `rpc`. */
export function readdirFunctions(rpc: Rpc): { fs: Record<string, Function>; promises: Record<string, Function> } {
  function readdirSync(path: unknown, options?: unknown): Array<string | Buffer | Dirent> {
    const v = validate(path, options, true);
    return syncCall(rpc, prepare(v.path, v.o, v.o.recursive ? Order.sync : Order.flat));
  }

  function readdir(path: unknown, options: unknown, callback?: unknown): void {
    const cb = validateFunction<Callback>(typeof options === 'function' ? options : callback);
    const v = validate(path, options, true);
    if (v.o.recursive) {
      // Node 20 walks synchronously here and calls back before readdir returns.
      cb(null, syncCall(rpc, prepare(v.path, v.o, Order.sync)));
      return;
    }
    const call = prepare(v.path, v.o, Order.flat);
    void rpc.callAsync(Method.readdir, call.wire).then((r) => settle(cb, () => call.finish(r)));
  }

  async function readdirPromise(path: unknown, options?: unknown): Promise<Array<string | Buffer | Dirent>> {
    const v = validate(path, options, false);
    const call = prepare(v.path, v.o, v.o.recursive ? Order.promise : Order.flat);
    return call.finish(await rpc.callAsync(Method.readdir, call.wire));
  }

  return { fs: { readdirSync, readdir }, promises: { readdir: named(readdirPromise, 'readdir') } };
}

function named<F extends Function>(fn: F, name: string): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

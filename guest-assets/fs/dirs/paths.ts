import { Method } from '../../../bridge/wire/protocol.js';
import type { Rpc } from '../../rpc.js';
import { toPath } from '../args.js';
import { getOptions, validatedPath, validateFunction, wireEncoding, type Options } from './args.js';
import { defaultFinish, settle, type Callback } from '../ops.js';

/**
 * exists and realpath: their forms differ in Node. existsSync never throws; exists calls back with
 * one boolean (synchronously when the path is invalid). realpathSync and realpath are JavaScript
 * walks that coerce any path to a string and report `lstat` errors on absolute paths; their
 * `.native` forms and fs.promises.realpath are realpath(3).
 */

/** The path realpath's JavaScript walk starts from: a file URL, or anything coerced with `+ ''`. */
function jsPath(value: unknown): string {
  if (typeof value === 'object' && value !== null && typeof (value as { href?: unknown }).href === 'string') return toPath(value);
  return toPath(typeof value === 'string' ? value : (value as string) + '');
}

/** The custom promisified form util.promisify uses for fs.exists. */
const PROMISIFY_CUSTOM = Symbol.for('nodejs.util.promisify.custom');

/** existsSync/exists and realpathSync/realpath (each with `.native`) plus promises.realpath, over `rpc`. */
export function pathFunctions(rpc: Rpc): { fs: Record<string, Function>; promises: Record<string, Function> } {
  const realpathCall = (path: string, o: Options, native: boolean) => [path, wireEncoding(o), native];
  const later = (wire: unknown[], cb: Callback) =>
    void rpc.callAsync(Method.realpath, wire).then((r) => settle(cb, () => defaultFinish(r)));

  function existsSync(path: unknown): boolean {
    let p: string;
    try {
      p = toPath(path);
    } catch {
      return false;
    }
    return defaultFinish(rpc.callSync(Method.exists, [p])) === true;
  }

  function exists(path: unknown, callback: unknown): void {
    const cb = validateFunction<(exists: boolean) => void>(callback, 'cb');
    let p: string;
    try {
      p = toPath(path);
    } catch {
      return cb(false);
    }
    void rpc.callAsync(Method.exists, [p]).then((r) => cb(defaultFinish(r) === true));
  }
  Object.defineProperty(exists, PROMISIFY_CUSTOM, {
    value: function exists(path: unknown): Promise<boolean> {
      return new Promise((resolve) => fsExists(path, resolve));
    },
  });
  const fsExists = exists;

  function realpathSync(path: unknown, options?: unknown): unknown {
    const o = getOptions(options);
    return defaultFinish(rpc.callSync(Method.realpath, realpathCall(jsPath(path), o, false)));
  }
  // Node assigns arrow functions here: their `name` is empty.
  realpathSync.native = (path: unknown, options?: unknown): unknown => {
    const o = getOptions(options);
    return defaultFinish(rpc.callSync(Method.realpath, realpathCall(validatedPath(path).wire, o, true)));
  };

  function realpath(path: unknown, options: unknown, callback?: unknown): void {
    const cb = typeof options === 'function' ? (options as Callback) : validateFunction<Callback>(callback, 'cb');
    const o = getOptions(options);
    later(realpathCall(jsPath(path), o, false), cb);
  }
  realpath.native = (path: unknown, options: unknown, callback?: unknown): void => {
    const cb = validateFunction<Callback>(callback || options, 'cb');
    const o = getOptions(options);
    later(realpathCall(validatedPath(path).wire, o, true), cb);
  };

  async function realpathPromise(path: unknown, options?: unknown): Promise<unknown> {
    const o = getOptions(options);
    return defaultFinish(await rpc.callAsync(Method.realpath, realpathCall(validatedPath(path).wire, o, true)));
  }
  Object.defineProperty(realpathPromise, 'name', { value: 'realpath' });

  return { fs: { existsSync, exists, realpathSync, realpath }, promises: { realpath: realpathPromise } };
}

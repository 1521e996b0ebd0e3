import { Method } from '../../../bridge/wire/protocol.js';
import type { Rpc } from '../../rpc.js';
import { getOptions, parseFileMode, validateBoolean, validatedPath, validateFunction, wireEncoding } from './args.js';
import { defaultFinish, settle, type Callback } from '../ops.js';

/**
 * mkdir and mkdtemp. Their sync and async forms fail differently in Node (the async walk names the
 * path it was working on), so each form tells the host which one it is: the last wire argument.
 */

/** mkdir's `options`: a mode (number or octal string), or `{ recursive, mode }`. */
function mkdirArgs(pathArg: unknown, options: unknown, promiseForm: boolean): [string, boolean, number] {
  let recursive: unknown = false;
  let mode: unknown = 0o777;
  if (typeof options === 'number' || typeof options === 'string') mode = options;
  else if (options) {
    const o = options as { recursive?: unknown; mode?: unknown };
    if (o.recursive !== undefined) recursive = o.recursive;
    if (o.mode !== undefined) mode = o.mode;
  }
  const path = validatedPath(pathArg).wire;
  validateBoolean(recursive, 'options.recursive');
  return [path, recursive as boolean, parseFileMode(mode, 'mode', promiseForm ? 0o777 : undefined)];
}

/** mkdirSync/mkdir/promises.mkdir and mkdtempSync/mkdtemp/promises.mkdtemp over `rpc`. */
export function mkdirFunctions(rpc: Rpc): { fs: Record<string, Function>; promises: Record<string, Function> } {
  const later = (method: string, wire: unknown[], cb: Callback) =>
    void rpc.callAsync(method, wire).then((r) => settle(cb, () => defaultFinish(r)));

  const fs = {
    mkdirSync(path: unknown, options?: unknown): unknown {
      return defaultFinish(rpc.callSync(Method.mkdir, [...mkdirArgs(path, options, false), false]));
    },
    mkdir(path: unknown, options: unknown, callback?: unknown): void {
      const cb = validateFunction<Callback>(typeof options === 'function' ? options : callback);
      later(Method.mkdir, [...mkdirArgs(path, typeof options === 'function' ? undefined : options, false), true], cb);
    },
    mkdtempSync(prefix: unknown, options?: unknown): unknown {
      const o = getOptions(options);
      return defaultFinish(rpc.callSync(Method.mkdtemp, [validatedPath(prefix, 'prefix').wire, wireEncoding(o), false]));
    },
    mkdtemp(prefix: unknown, options: unknown, callback?: unknown): void {
      const cb = validateFunction<Callback>(typeof options === 'function' ? options : callback);
      const o = getOptions(options);
      later(Method.mkdtemp, [validatedPath(prefix, 'prefix').wire, wireEncoding(o), true], cb);
    },
  };
  const promises = {
    async mkdir(path: unknown, options?: unknown): Promise<unknown> {
      const o = typeof options === 'number' || typeof options === 'string' ? { mode: options } : options;
      return defaultFinish(await rpc.callAsync(Method.mkdir, [...mkdirArgs(path, o, true), true]));
    },
    async mkdtemp(prefix: unknown, options?: unknown): Promise<unknown> {
      const o = getOptions(options);
      return defaultFinish(await rpc.callAsync(Method.mkdtemp, [validatedPath(prefix, 'prefix').wire, wireEncoding(o), true]));
    },
  };
  return { fs, promises };
}

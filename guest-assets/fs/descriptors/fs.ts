import { Method } from '../../../bridge/wire/protocol.js';
import type { Rpc } from '../../rpc.js';
import { getValidatedFd, getValidatedNativeFd, validateBuffer, validateFunction, validateInteger, validateOptionsObject } from './args.js';
import {
  openCall,
  readArgs,
  readCall,
  readCallbackArgs,
  runAsync,
  runSync,
  voidCall,
  writeBufferArgs,
  writeCall,
  writeStringArgs,
  type WriteArgs,
} from './index.js';
import { invalidArgType } from '../../node-errors.js';
import { toPath } from '../args.js';
import type { Callback } from '../ops.js';

/** The descriptor functions of `fs`: openSync/open, closeSync/close, readSync/read, writeSync/write, ftruncate, fsync, fdatasync. */

/** Node's write forms for a buffer or a string (`callback` already removed). */
function writeArgs(args: unknown[]): WriteArgs {
  const [fd, data, offsetOrPosition, lengthOrEncoding, position] = args;
  const validFd = getValidatedFd(fd);
  if (ArrayBuffer.isView(data)) return writeBufferArgs(validFd, data, offsetOrPosition, lengthOrEncoding, position);
  if (typeof data !== 'string') throw invalidArgType('buffer', ['string'], ['Buffer', 'TypedArray', 'DataView'], data);
  return writeStringArgs(validFd, data, offsetOrPosition, lengthOrEncoding);
}

/** Removes a trailing callback: the last argument that is a function. */
function popCallback(args: unknown[]): unknown {
  return typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
}

/** Node's close callback default: an error is thrown, as uncaught. */
function defaultCloseCallback(err: Error | null): void {
  if (err !== null) throw err;
}

/** Gives a function Node's name (it shows in stack traces). */
function named<F extends Function>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/** Builds the descriptor functions over `rpc`; `maxFileBytes` bounds one write. */
export function descriptorFunctions(rpc: Rpc, maxFileBytes: number): Record<string, Function> {
  const sync = (method: string, call: Parameters<typeof runSync>[2]) => runSync(rpc, method, call);
  const later = (method: string, call: Parameters<typeof runAsync>[2], cb: Callback, withValues = true) =>
    runAsync(rpc, method, call, cb, withValues);

  function ftruncateCall(fd: unknown, len: unknown) {
    const n = validateInteger(len ?? 0, 'len');
    const validFd = getValidatedNativeFd(fd);
    return voidCall([validFd, Math.max(0, n)]);
  }

  const fns: Record<string, Function> = {
    openSync: (path: unknown, flags?: unknown, mode?: unknown) => sync(Method.open, openCall(path, flags, mode)),
    open(...args: unknown[]) {
      // Node's forms: (path, cb), (path, flags, cb), (path, flags, mode, cb).
      let [path, flags, mode, cb] = args;
      toPath(path);
      if (args.length < 3) [cb, flags, mode] = [flags, 'r', 0o666];
      else if (typeof mode === 'function') [cb, mode] = [mode, 0o666];
      const call = openCall(path, flags, mode);
      later(Method.open, call, validateFunction<Callback>(cb));
    },
    closeSync: (fd: unknown) => sync(Method.close, voidCall([getValidatedNativeFd(fd)])),
    close(fd: unknown, cb: unknown = defaultCloseCallback) {
      const callback = validateFunction<Callback>(cb);
      later(Method.close, voidCall([getValidatedNativeFd(fd)]), callback, false);
    },
    readSync(...args: unknown[]) {
      const [fd, buffer, offsetOrOptions, length, position] = args;
      let a;
      if (args.length <= 3 || typeof offsetOrOptions === 'object') {
        getValidatedFd(fd);
        validateBuffer(buffer);
        if (offsetOrOptions !== undefined) validateOptionsObject(offsetOrOptions, 'options');
        a = readArgs(fd, buffer, undefined, undefined, undefined, (offsetOrOptions ?? null) as object | null);
      } else a = readArgs(fd, buffer, offsetOrOptions, length, position);
      return sync(Method.read, readCall(a));
    },
    read(...args: unknown[]) {
      const { read, cb } = readCallbackArgs(args);
      later(Method.read, readCall(read), cb);
    },
    writeSync: (...args: unknown[]) => sync(Method.fdWrite, writeCall(writeArgs(args), maxFileBytes)),
    write(...args: unknown[]) {
      const cb = validateFunction<Callback>(popCallback(args));
      later(Method.fdWrite, writeCall(writeArgs(args), maxFileBytes), cb);
    },
    ftruncateSync: (fd: unknown, len?: unknown) => sync(Method.ftruncate, ftruncateCall(fd, len)),
    ftruncate(fd: unknown, len?: unknown, cb?: unknown) {
      if (typeof len === 'function') [cb, len] = [len, 0];
      const call = ftruncateCall(fd, len);
      later(Method.ftruncate, call, validateFunction<Callback>(cb), false);
    },
    fsyncSync: (fd: unknown) => sync(Method.fsync, voidCall([getValidatedNativeFd(fd)])),
    fsync(fd: unknown, cb: unknown) {
      const call = voidCall([getValidatedNativeFd(fd)]);
      later(Method.fsync, call, validateFunction<Callback>(cb), false);
    },
    fdatasyncSync: (fd: unknown) => sync(Method.fdatasync, voidCall([getValidatedNativeFd(fd)])),
    fdatasync(fd: unknown, cb: unknown) {
      const call = voidCall([getValidatedNativeFd(fd)]);
      later(Method.fdatasync, call, validateFunction<Callback>(cb), false);
    },
  };
  for (const [name, fn] of Object.entries(fns)) named(name, fn);
  return fns;
}

import { Method } from '../../../bridge/wire/protocol.js';
import { unwrap, type Rpc } from '../../rpc.js';
import type { Callback } from '../ops.js';
import { parseFileMode, toUnixTimestamp, validateId } from '../dirs/args.js';
import { getValidatedFd, validateFunction, validateInteger } from './args.js';
import { runAsync, runSync, voidCall } from './index.js';
import type { Deprecate } from '../../builtins/util/deprecate.js';

/**
 * fchmod, fchown and futimes (sync and callback, as Node has them), and truncate by path in all
 * three forms, built as Node builds it: open with 'r+', ftruncate, close. `fs.truncate(fd)` still
 * works as ftruncate, with Node's DEP0081 warning.
 */

/** The wire arguments of fchmod/fchown/futimes, validated as Node does. */
export const metadataCalls = {
  fchmod: (fd: unknown, mode: unknown) => [getValidatedFd(fd), parseFileMode(mode, 'mode')],
  fchown: (fd: unknown, uid: unknown, gid: unknown) => [getValidatedFd(fd), validateId(uid, 'uid'), validateId(gid, 'gid')],
  futimes: (fd: unknown, atime: unknown, mtime: unknown) => [getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')],
};

type Fns = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

/** Adds fchmod, fchown, futimes and truncate to `fs` and `promises` (both mutated). */
export function installMetadata(rpc: Rpc, fs: Fns, promises: Fns, deprecate: () => Deprecate): void {
  for (const name of ['fchmod', 'fchown', 'futimes'] as const) {
    const method = Method[name];
    const wire = metadataCalls[name] as (...a: unknown[]) => unknown[];
    fs[`${name}Sync`] = named(`${name}Sync`, (...args: unknown[]) => void runSync(rpc, method, voidCall(wire(...args))));
    // Node validates the arguments, then the callback (the last argument).
    fs[name] = named(name, (...args: unknown[]) => {
      const call = voidCall(wire(...args.slice(0, wire.length)));
      runAsync(rpc, method, call, validateFunction<Callback>(args[wire.length]), false);
    });
  }

  const ftruncateSync = () => fs.ftruncateSync as Fn;
  const ftruncate = () => fs.ftruncate as Fn;
  let warnFd: Fn | undefined;
  const truncateByFd = () => (warnFd ??= deprecate()(() => {}, 'Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.', 'DEP0081') as Fn);

  fs.truncateSync = named('truncateSync', (path: unknown, len?: unknown) => {
    if (typeof path === 'number') {
      truncateByFd()();
      return ftruncateSync()(path, len);
    }
    const length = len === undefined ? 0 : len;
    const fd = (fs.openSync as Fn)(path, 'r+') as number;
    try {
      ftruncateSync()(fd, length);
    } finally {
      (fs.closeSync as Fn)(fd);
    }
  });
  fs.truncate = named('truncate', (path: unknown, len?: unknown, callback?: unknown) => {
    if (typeof path === 'number') {
      truncateByFd()();
      return ftruncate()(path, len, callback);
    }
    if (typeof len === 'function') [callback, len] = [len, 0];
    else if (len === undefined) len = 0;
    validateInteger(len, 'len');
    const length = Math.max(0, len as number);
    const cb = validateFunction<Callback>(callback);
    (fs.open as Fn)(path, 'r+', (err: Error | null, fd: number) => {
      if (err) return cb(err);
      (fs.ftruncate as Fn)(fd, length, (err1: Error | null) => {
        (fs.close as Fn)(fd, (err2: Error | null) => cb(err1 || err2));
      });
    });
  });
  promises.truncate = named('truncate', async (path: unknown, len: unknown = 0) => {
    const handle = (await (promises.open as Fn)(path, 'r+')) as { truncate(n: unknown): Promise<void>; close(): Promise<void> };
    let failed: unknown;
    try {
      await handle.truncate(len);
    } catch (e) {
      failed = e;
    }
    // As Node's handleFdClose: the truncate's error first, else the close's.
    try {
      await handle.close();
    } catch (e) {
      failed ??= e;
    }
    if (failed !== undefined) throw failed;
  });
}

/** FileHandle#chmod/chown/utimes's work, given the handle's descriptor. */
export async function handleMetadata(rpc: Rpc, name: keyof typeof metadataCalls, fd: number, ...args: unknown[]): Promise<void> {
  const wire = (metadataCalls[name] as (...a: unknown[]) => unknown[])(fd, ...args);
  unwrap(await rpc.callAsync(Method[name], wire));
}

function named<F extends Function>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

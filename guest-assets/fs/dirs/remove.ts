import { Method, Status } from '../../../bridge/wire/protocol.js';
import { unwrap, type Result, type Rpc } from '../../rpc.js';
import { rmOptions, validatedPath, validateFunction } from './args.js';
import { rmIsDirectory } from './errors.js';
import { settle, type Callback } from '../ops.js';

/**
 * rm and rmdir in Node 20's shapes. fs.rm walks the tree with rimraf, and each form does it a bit
 * differently (which error wins, whether a trailing slash on a link is an error); the host repeats
 * the walk of the form named (host/fs/dirs/remove.ts). rmdir without `recursive` is one rmdir(2).
 */

type Variant = 'rmSync' | 'rm' | 'rmdirSync' | 'rmdir' | 'rmdirPromise';

/** The reply of a removal; ERR_FS_EISDIR comes back as the SystemError Node throws. */
function finish(result: Result): undefined {
  if (result.status === Status.Error && result.error.code === 'ERR_FS_EISDIR') throw rmIsDirectory(result.error);
  unwrap(result);
  return undefined;
}

/** The wire call of rm (`variant` names the Node form) or of a plain rmdir. */
function rmCall(path: unknown, options: unknown, variant: Variant): [string, unknown[]] {
  const p = validatedPath(path).wire;
  if (variant === 'rmSync' || variant === 'rm') {
    const { recursive, force } = rmOptions(options, true);
    return [Method.rm, [p, recursive, force, variant]];
  }
  const recursiveAsked = Boolean((options as { recursive?: unknown } | null | undefined)?.recursive);
  // rmdir's recursive mode goes through validateRmOptions with `force` forced off; otherwise validateRmdirOptions.
  if (recursiveAsked && variant !== 'rmdirPromise') {
    rmOptions({ ...(options as object), force: false }, true);
    return [Method.rm, [p, true, false, variant]];
  }
  const { recursive } = rmOptions(options, false);
  return recursive ? [Method.rm, [p, true, false, variant]] : [Method.rmdir, [p]];
}

function later(rpc: Rpc, [method, wire]: [string, unknown[]], cb: Callback): void {
  void rpc.callAsync(method, wire).then((r) => settle(cb, () => finish(r)));
}

/** rmSync/rm/promises.rm and rmdirSync/rmdir/promises.rmdir over `rpc`. */
export function removeFunctions(rpc: Rpc): { fs: Record<string, Function>; promises: Record<string, Function> } {
  const sync = ([method, wire]: [string, unknown[]]) => finish(rpc.callSync(method, wire));
  const promise = async ([method, wire]: [string, unknown[]]) => finish(await rpc.callAsync(method, wire));
  const fs = {
    rmSync: (path: unknown, options?: unknown) => sync(rmCall(path, options, 'rmSync')),
    rm(path: unknown, options: unknown, callback?: unknown) {
      // Node does not check rm's callback up front; a missing one fails when it is called.
      const cb = (typeof options === 'function' ? options : callback) as Callback;
      later(rpc, rmCall(path, typeof options === 'function' ? undefined : options, 'rm'), cb);
    },
    rmdirSync: (path: unknown, options?: unknown) => sync(rmCall(path, options, 'rmdirSync')),
    rmdir(path: unknown, options: unknown, callback?: unknown) {
      const cb = validateFunction<Callback>(typeof options === 'function' ? options : callback);
      later(rpc, rmCall(path, typeof options === 'function' ? undefined : options, 'rmdir'), cb);
    },
  };
  const promises = {
    rm: async (path: unknown, options?: unknown) => promise(rmCall(path, options, 'rm')),
    rmdir: async (path: unknown, options?: unknown) => promise(rmCall(path, options, 'rmdirPromise')),
  };
  return { fs, promises };
}

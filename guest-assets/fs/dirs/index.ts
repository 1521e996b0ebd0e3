import { Method } from '../../../bridge/wire/protocol.js';
import type { Rpc } from '../../rpc.js';
import { toPath } from '../args.js';
import { Dirent } from '../dirent.js';
import { checkSymlinkType, fileModeArg, getOptions, parseFileMode, toUnixTimestamp, validateId, wireEncoding } from './args.js';
import { ACCESS_MODES, createConstants } from './constants.js';
import { mkdirFunctions } from './mkdir.js';
import { opendirFunctions } from './opendir.js';
import { installCp } from '../cp/index.js';
import { pathFunctions } from './paths.js';
import { readdirFunctions } from './readdir.js';
import { removeFunctions } from './remove.js';
import type { OpSpec } from '../ops.js';

/**
 * The directory, link and metadata operations that are plain calls, each declared once; ops.ts
 * derives `nameSync`, `name(cb)` and `promises.name`. readdir, rm/rmdir, exists, realpath, mkdir and
 * mkdtemp differ between their forms in Node and are built in guest-assets/fs/dirs/readdir.ts, guest-assets/fs/dirs/remove.ts,
 * guest-assets/fs/dirs/paths.ts and guest-assets/fs/dirs/mkdir.ts.
 */
export function dirOps(): Record<string, OpSpec> {
  const timesSpec = (method: string): OpSpec => ({
    method,
    arity: 3,
    prepare: ([path, atime, mtime]) => [toPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)],
  });
  const ownerSpec = (method: string): OpSpec => ({
    method,
    arity: 3,
    prepare: ([path, uid, gid]) => [toPath(path), validateId(uid, 'uid'), validateId(gid, 'gid')],
  });
  const twoPaths = (method: string, first: string, second: string): OpSpec => ({
    method,
    arity: 2,
    prepare: ([a, b]) => [toPath(a, first), toPath(b, second)],
  });
  return {
    access: { method: Method.access, arity: 2, prepare: ([path, mode]) => [toPath(path), fileModeArg(mode)] },
    unlink: { method: Method.unlink, arity: 1, prepare: ([path]) => [toPath(path)] },
    rename: twoPaths(Method.rename, 'oldPath', 'newPath'),
    link: twoPaths(Method.link, 'existingPath', 'newPath'),
    copyFile: { method: Method.copyFile, arity: 3, prepare: ([src, dest, mode]) => [toPath(src, 'src'), toPath(dest, 'dest'), fileModeArg(mode)] },
    symlink: {
      method: Method.symlink,
      prepare([target, path, type]) {
        const wire = [toPath(target, 'target'), toPath(path)];
        checkSymlinkType(type);
        return wire;
      },
    },
    readlink: {
      method: Method.readlink,
      arity: 2,
      prepare([path, options]) {
        const o = getOptions(options);
        return [toPath(path, 'oldPath'), wireEncoding(o)];
      },
    },
    utimes: timesSpec(Method.utimes),
    lutimes: timesSpec(Method.lutimes),
    chmod: { method: Method.chmod, arity: 2, prepare: ([path, mode]) => [toPath(path), parseFileMode(mode, 'mode')] },
    chown: ownerSpec(Method.chown),
    lchown: ownerSpec(Method.lchown),
  };
}

/**
 * Adds what dirOps cannot express to a bound `fs` and `fs.promises`: readdir, rm, rmdir, exists,
 * realpath (with `.native`), mkdir, mkdtemp, `fs.Dirent`, `fs.constants` and `fs.F_OK`... (as in
 * Node, read-only).
 */
export function installDirFunctions(rpc: Rpc, fs: Record<string, unknown>, promises: Record<string, unknown>): void {
  const parts = [readdirFunctions(rpc), removeFunctions(rpc), pathFunctions(rpc), mkdirFunctions(rpc)];
  for (const part of parts) {
    Object.assign(fs, part.fs);
    Object.assign(promises, part.promises);
  }
  // opendir reads through the module's own readdir, not one a program puts in its place.
  const dirs = opendirFunctions(fs.readdirSync as Parameters<typeof opendirFunctions>[0], promises.readdir as Parameters<typeof opendirFunctions>[1]);
  Object.assign(fs, dirs.fs);
  Object.assign(promises, dirs.promises);
  installCp(fs, promises);
  const constants = createConstants();
  fs.Dirent = Dirent;
  for (const [key, value] of Object.entries(ACCESS_MODES)) {
    Object.defineProperty(fs, key, { value, enumerable: true, writable: false, configurable: false });
  }
  fs.constants = constants;
  promises.constants = constants;
}

import { Method } from '../../../bridge/wire/protocol.js';
import type { Handler } from '../../dispatcher/index.js';
import type { Vfs } from '../../vfs/index.js';
import type { FsLimits } from '../files.js';
import { flagArg, intArg, nameEncodingArg, oneOfArg, pathArg, timeArg } from './args.js';
import { access, exists, readdirFlat, ReaddirOrder } from './list.js';
import { readdirRecursive } from './walk.js';
import { linkAt, mkdtempAt, readlinkAt, realpathAt, symlinkAt } from './links.js';
import { chmodAt, chownAt, utimesAt } from './meta.js';
import { mkdirAt } from './mkdir.js';
import { copyFileAt, renameAt } from './move.js';
import { remove, rmdirAt, RM_VARIANTS, unlinkAt } from './remove.js';

const MAX_ID = 2 ** 32 - 1;

/**
 * Handlers of the directory, link and metadata methods (mkdir, access, exists, readdir, rmdir, rm, unlink,
 * rename, copyFile, realpath, symlink, readlink, link, utimes, lutimes, chmod, chown, lchown,
 * mkdtemp), over `vfs`. Paths are relative to the guest's cwd `/`; errors name them as given. A
 * recursive listing may be as large as a file (`limits.maxFileBytes`).
 */
export function dirHandlers(vfs: Vfs, limits: FsLimits): Record<string, Handler> {
  const readdir: Handler = ([path, encoding, withTypes, order]) => {
    const p = pathArg(path, 'path');
    const enc = nameEncodingArg(encoding);
    const o = intArg(order ?? 0, 'order', 0, 2) as ReaddirOrder;
    if (o === ReaddirOrder.flat) return readdirFlat(vfs, p, enc, flagArg(withTypes));
    return readdirRecursive(vfs, p, enc, flagArg(withTypes), o, limits.maxFileBytes);
  };
  const ids = (args: unknown[]) => [intArg(args[1], 'uid', -1, MAX_ID), intArg(args[2], 'gid', -1, MAX_ID)] as const;
  const times = (args: unknown[]) => [timeArg(args[1], 'atime'), timeArg(args[2], 'mtime')] as const;
  return {
    [Method.access]: (args) => access(vfs, pathArg(args[0], 'path'), intArg(args[1] ?? 0, 'mode', 0, 7)),
    [Method.exists]: (args) => {
      try {
        return exists(vfs, pathArg(args[0], 'path'));
      } catch {
        return false;
      }
    },
    [Method.readdir]: readdir,
    [Method.rmdir]: (args) => rmdirAt(vfs, pathArg(args[0], 'path')),
    [Method.rm]: (args) => remove(vfs, pathArg(args[0], 'path'), flagArg(args[1]), flagArg(args[2]), oneOfArg(args[3], 'variant', RM_VARIANTS)),
    [Method.unlink]: (args) => unlinkAt(vfs, pathArg(args[0], 'path')),
    [Method.rename]: (args) => renameAt(vfs, pathArg(args[0], 'oldPath'), pathArg(args[1], 'newPath')),
    [Method.copyFile]: (args) => copyFileAt(vfs, pathArg(args[0], 'src'), pathArg(args[1], 'dest'), intArg(args[2] ?? 0, 'mode', 0, 7)),
    [Method.realpath]: (args) => realpathAt(vfs, pathArg(args[0], 'path'), nameEncodingArg(args[1]), flagArg(args[2])),
    [Method.symlink]: (args) => symlinkAt(vfs, pathArg(args[0], 'target'), pathArg(args[1], 'path')),
    [Method.readlink]: (args) => readlinkAt(vfs, pathArg(args[0], 'path'), nameEncodingArg(args[1])),
    [Method.link]: (args) => linkAt(vfs, pathArg(args[0], 'existingPath'), pathArg(args[1], 'newPath')),
    [Method.utimes]: (args) => utimesAt(vfs, pathArg(args[0], 'path'), ...times(args), true),
    [Method.lutimes]: (args) => utimesAt(vfs, pathArg(args[0], 'path'), ...times(args), false),
    [Method.chmod]: (args) => chmodAt(vfs, pathArg(args[0], 'path'), intArg(args[1], 'mode', 0, MAX_ID)),
    [Method.chown]: (args) => chownAt(vfs, pathArg(args[0], 'path'), ...ids(args), true),
    [Method.lchown]: (args) => chownAt(vfs, pathArg(args[0], 'path'), ...ids(args), false),
    [Method.mkdtemp]: (args) => mkdtempAt(vfs, pathArg(args[0], 'prefix'), nameEncodingArg(args[1]), flagArg(args[2])),
    [Method.mkdir]: (args) => mkdirAt(vfs, pathArg(args[0], 'path'), flagArg(args[1]), intArg(args[2] ?? 0o777, 'mode', 0, MAX_ID), flagArg(args[3])),
  };
}

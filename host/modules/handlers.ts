import { Method, ModuleSource } from '../../bridge/protocol.js';
import type { Handler } from '../dispatcher.js';
import { resolveGuestPath, stringArg } from '../fs/args.js';
import { realpathAt } from '../fs/dirs-links.js';
import { FileSource } from '../fs/files.js';
import { statAt } from '../fs/dirs-lookup.js';
import type { Vfs, VfsEntryStats } from '../vfs.js';

/**
 * The module loader's two lookups (bridge/protocol.ts Method.moduleStat, moduleRead). They answer a
 * missing file with a value instead of an error record: resolution probes many paths that are not
 * there, and building a Node error for each would be wasted work on both sides.
 */
export function moduleHandlers(vfs: Vfs, readFile: Handler): Record<string, Handler> {
  const fast = fastLookups(vfs);
  const stat: Handler = (args) => {
    const path = stringArg(args[0], 'path');
    if (fast) return fast(resolveGuestPath(path), args[1] === true, args[2] === true);
    try {
      const resolved = resolveGuestPath(path);
      // statAt follows links itself and fails with a light error: most lookups find nothing.
      const st = statAt(vfs, resolved).stats;
      if (st.isDirectory()) return 1;
      if (!st.isFile()) return -2;
      if (args[1] !== true) return 0;
      const real = String(realpathAt(vfs, resolved, 'utf8', false));
      if (args[2] !== true || Number(st.size) > ModuleSource.maxBytes) return real;
      return withSource(real, resolved);
    } catch {
      return -2;
    }
  };
  /** The ModuleSource answer (bridge/protocol.ts): real path, then the file's bytes read in place. */
  function withSource(real: string, resolved: string): Uint8Array | string {
    let fd: number;
    try {
      fd = vfs.openSync(resolved, 'r');
    } catch {
      return real;
    }
    try {
      const size = vfs.fstatSync(fd).size;
      if (size > ModuleSource.maxBytes) return real;
      const name = Buffer.from(real);
      const out = Buffer.allocUnsafe(ModuleSource.realpath + name.length + size);
      out.writeUInt32BE(name.length, ModuleSource.realpathLength);
      name.copy(out, ModuleSource.realpath);
      new FileSource(vfs, fd, size).read(out.subarray(ModuleSource.realpath + name.length), 0);
      return out;
    } catch {
      return real;
    } finally {
      vfs.closeSync(fd);
    }
  }
  /**
   * A Vfs that resolves symlinks itself (memfs: `realpathSync`, `statSync` with throwIfNoEntry) answers
   * in a few microseconds what the generic walk takes tens for; a mount keeps the confined walk.
   */
  function fastLookups(v: Vfs): ((resolved: string, real: boolean, withBytes: boolean) => unknown) | undefined {
    const f = v as Vfs & { realpathSync?: (p: string) => unknown; statSync(p: string, o: { throwIfNoEntry: false }): VfsEntryStats | undefined };
    if (typeof f.realpathSync !== 'function') return undefined;
    const realpathSync = f.realpathSync.bind(f);
    return (resolved, real, withBytes) => {
      try {
        const st = f.statSync(resolved, { throwIfNoEntry: false });
        if (st === undefined) return -2;
        if (st.isDirectory()) return 1;
        if (!st.isFile()) return -2;
        if (!real) return 0;
        const target = String(realpathSync(resolved));
        if (!withBytes || Number(st.size) > ModuleSource.maxBytes) return target;
        return withSource(target, target);
      } catch {
        return -2;
      }
    };
  }

  const read: Handler = async (args, context) => {
    stringArg(args[0], 'path');
    try {
      return await readFile([args[0]], context);
    } catch {
      return undefined;
    }
  };
  return { [Method.moduleStat]: stat, [Method.moduleRead]: read };
}

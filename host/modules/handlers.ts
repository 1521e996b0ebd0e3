import { Method, ModuleSource } from '../../bridge/protocol.js';
import type { Handler } from '../dispatcher.js';
import { resolveGuestPath, stringArg } from '../fs/args.js';
import { realpathAt } from '../fs/dirs-links.js';
import type { FileSource } from '../fs/files.js';
import { statAt } from '../fs/dirs-lookup.js';
import type { Vfs } from '../vfs.js';

/**
 * The module loader's two lookups (bridge/protocol.ts Method.moduleStat, moduleRead). They answer a
 * missing file with a value instead of an error record: resolution probes many paths that are not
 * there, and building a Node error for each would be wasted work on both sides.
 */
export function moduleHandlers(vfs: Vfs, readFile: Handler): Record<string, Handler> {
  const stat: Handler = (args) => {
    const path = stringArg(args[0], 'path');
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
    let source: FileSource;
    try {
      source = readFile([resolved], undefined as never) as FileSource;
    } catch {
      return real;
    }
    try {
      const name = Buffer.from(real);
      if (source.size > ModuleSource.maxBytes) return real;
      const out = Buffer.allocUnsafe(ModuleSource.realpath + name.length + source.size);
      out.writeUInt32BE(name.length, ModuleSource.realpathLength);
      name.copy(out, ModuleSource.realpath);
      source.read(out.subarray(ModuleSource.realpath + name.length), 0);
      return out;
    } catch {
      return real;
    } finally {
      source.close();
    }
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

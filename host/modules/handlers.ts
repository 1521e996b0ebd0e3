import { Method } from '../../bridge/protocol.js';
import type { Handler } from '../dispatcher.js';
import { resolveGuestPath, stringArg } from '../fs/args.js';
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
      const st = vfs.statSync(resolveGuestPath(path));
      return st.isDirectory() ? 1 : st.isFile() ? 0 : -2;
    } catch {
      return -2;
    }
  };
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

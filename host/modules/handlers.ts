import { Method } from '../../bridge/protocol.js';
import type { Handler } from '../dispatcher.js';
import { resolveGuestPath, stringArg } from '../fs/args.js';
import { realpathAt } from '../fs/dirs-links.js';
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
      return args[1] === true ? String(realpathAt(vfs, resolved, 'utf8', false)) : 0;
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

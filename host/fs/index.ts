import type { Handler } from '../dispatcher.js';
import type { Vfs } from '../vfs.js';
import { fileHandlers, type FsLimits } from './files.js';

export { FileSource, type FsLimits } from './files.js';
export { resolveGuestPath } from './args.js';

/** Every fs method handler, over `vfs`. */
export function fsHandlers(vfs: Vfs, limits: FsLimits): Record<string, Handler> {
  return { ...fileHandlers(vfs, limits) };
}

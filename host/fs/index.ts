import { Method } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import { moduleHandlers } from '../modules/handlers.js';
import type { Vfs } from '../vfs/index.js';
import { FdTable } from './descriptors/index.js';
import { withDescriptorForms } from './descriptors/files.js';
import { DescriptorIo, descriptorHandlers } from './descriptors/handlers.js';
import { dirHandlers } from './dirs/index.js';
import { fileHandlers, type FsLimits } from './files.js';
import { statHandlers } from './stats.js';
import { statfsHandlers } from './statfs.js';

export { FileSource, type FsLimits } from './files.js';
export { resolveGuestPath } from './args.js';
export { FdTable, type FdTableOptions, type StdioSink } from './descriptors/index.js';

/**
 * Every fs method handler, over `vfs`, plus the module loader's lookups (host/modules). Descriptors live in `fds`, one table per run (the Run closes
 * what is left open when the guest ends).
 */
export function fsHandlers(vfs: Vfs, limits: FsLimits, fds: FdTable = new FdTable(vfs)): Record<string, Handler> {
  const files = fileHandlers(vfs, limits);
  const io = new DescriptorIo(vfs, fds, limits);
  return {
    ...files,
    ...dirHandlers(vfs, limits),
    ...descriptorHandlers(io),
    ...statHandlers(vfs, fds),
    ...statfsHandlers(vfs),
    ...withDescriptorForms(files, io),
    ...moduleHandlers(vfs, files[Method.readFile]!),
  };
}

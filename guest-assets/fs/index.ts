import type { Rpc } from '../rpc.js';
import { fileOps, type FsConfig } from './files.js';
import { bindAll } from './ops.js';

export type { FsConfig } from './files.js';

/** Builds the guest's `fs` module; `fs.promises` is the same object `require('fs/promises')` returns. */
export function createFs(rpc: Rpc, config: FsConfig) {
  const { fs, promises } = bindAll(rpc, { ...fileOps(config) });
  return Object.assign(fs, { promises });
}

import type { Rpc } from '../rpc.js';
import { dirOps, installDirFunctions } from './dirs/index.js';
import { installDescriptors } from './descriptors/install.js';
import { fileOps, type FsConfig } from './files.js';
import { bindAll } from './ops.js';
import { statfsOps } from './stats/statfs.js';
import { installOpenAsBlob } from './blob.js';

export type { FsConfig } from './files.js';

/** Builds the guest's `fs` module; `fs.promises` is the same object `require('fs/promises')` returns. */
export function createFs(rpc: Rpc, config: FsConfig) {
  const { fs, promises } = bindAll(rpc, { ...fileOps(config), ...dirOps(), ...statfsOps() });
  installDirFunctions(rpc, fs, promises);
  installDescriptors(rpc, config, fs, promises);
  installOpenAsBlob(fs, promises);
  return Object.assign(fs, { promises });
}

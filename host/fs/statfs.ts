import { pathArg } from './args.js';
import { asSyscall, statAt } from './dirs/lookup.js';
import { Method } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import type { Vfs, VfsStatFs } from '../vfs/index.js';

/**
 * statfs. A mount answers the host filesystem's own figures, the memory filesystem memfs's (a ramfs,
 * magic 0x858458f6, of 4 KiB blocks, 1,000,000 blocks and inodes, the free counts going down as it
 * fills), and a Vfs without statfs these: a tmpfs (magic 0x01021994) of 4 KiB blocks, 1 GiB of them
 * and 100,000 inodes (a run's default budget, `limits.maxFsBytes` and `maxFsEntries`), all free.
 */
export const FALLBACK_STATFS: VfsStatFs<number> = {
  type: 0x01021994,
  bsize: 4096,
  blocks: 262144,
  bfree: 262144,
  bavail: 262144,
  files: 100000,
  ffree: 100000,
};

const FIELDS = ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files', 'ffree'] as const;

/** The statfs handler: `[path, bigint]` -> the seven figures, in Node's StatFs order. */
export function statfsHandlers(vfs: Vfs): Record<string, Handler> {
  const statfs: Handler = (args) => {
    const path = pathArg(args[0], 'path');
    const bigint = args[1] === true;
    // The path must exist (and is confined) as for stat; its figures are the filesystem's.
    const { path: physical } = asSyscall('statfs', path, undefined, () => statAt(vfs, path));
    const figures = vfs.statfsSync ? asSyscall('statfs', path, undefined, () => vfs.statfsSync!(physical, { bigint })) : FALLBACK_STATFS;
    return FIELDS.map((f) => (bigint ? BigInt(figures[f]) : Number(figures[f])));
  };
  return { [Method.statfs]: statfs };
}

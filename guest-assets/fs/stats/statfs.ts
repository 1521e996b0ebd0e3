import { Method } from '../../../bridge/wire/protocol.js';
import { unwrap } from '../../rpc.js';
import { toPath } from '../args.js';
import type { OpSpec } from '../ops.js';

/**
 * fs.statfs: the figures of the filesystem holding a path, as Node's StatFs. A mount reports the
 * host filesystem's; the memory filesystem reports its own (README, "The guest's fs").
 */
export class StatFs {
  type: number | bigint;
  bsize: number | bigint;
  blocks: number | bigint;
  bfree: number | bigint;
  bavail: number | bigint;
  files: number | bigint;
  ffree: number | bigint;

  constructor(type: number | bigint, bsize: number | bigint, blocks: number | bigint, bfree: number | bigint, bavail: number | bigint, files: number | bigint, ffree: number | bigint) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

/** statfs in its three forms (derived by ops.ts): `(path[, { bigint }])`. */
export function statfsOps(): Record<string, OpSpec> {
  return {
    statfs: {
      method: Method.statfs,
      prepare: ([path, options]) => [toPath(path), Boolean((options as { bigint?: unknown } | null | undefined)?.bigint)],
      finish(result) {
        const f = unwrap(result) as [number, number, number, number, number, number, number];
        return new StatFs(...f);
      },
    },
  };
}

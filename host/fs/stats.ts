import { nameBuffer } from '../vfs/names.js';
import { pathArg } from './args.js';
import { fdArg, vfsCall } from './descriptors/handlers.js';
import type { FdTable } from './descriptors/index.js';
import { asSyscall, lstatAt, statAt } from './dirs/lookup.js';
import { Method, StatField, StatRecordLength } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import { BridgeCallError } from '../dispatcher/errors.js';
import type { Vfs, VfsBigIntStats, VfsFullStats } from '../vfs/index.js';

/**
 * stat, lstat and fstat. The answer is a stat record (bridge/wire/protocol.ts StatField): fourteen numbers
 * written into one typed array and sent raw (status 2), never an object or a CBOR map. The guest
 * reads the numbers straight into its own Stats, as Node's binding fills an aliased Float64Array.
 */

/** The numbers that are not times, in record order. */
const NUMBERS = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks'] as const;

/** A Float64 stat record: times in milliseconds. */
export function statRecord(st: VfsFullStats): Uint8Array {
  const record = new Float64Array(StatRecordLength);
  for (let i = 0; i < NUMBERS.length; i++) record[i] = Number(st[NUMBERS[i]!]);
  record[StatField.atime] = st.atimeMs;
  record[StatField.mtime] = st.mtimeMs;
  record[StatField.ctime] = st.ctimeMs;
  record[StatField.birthtime] = st.birthtimeMs;
  return new Uint8Array(record.buffer);
}

/** A BigInt64 stat record: times in nanoseconds. */
export function bigintStatRecord(st: VfsBigIntStats): Uint8Array {
  const record = new BigInt64Array(StatRecordLength);
  for (let i = 0; i < NUMBERS.length; i++) record[i] = BigInt(st[NUMBERS[i]!]);
  record[StatField.atime] = st.atimeNs;
  record[StatField.mtime] = st.mtimeNs;
  record[StatField.ctime] = st.ctimeNs;
  record[StatField.birthtime] = st.birthtimeNs;
  return new Uint8Array(record.buffer);
}

/** What fstat reports for the guest's stdio (0, 1, 2): a pipe, as under a supervisor. */
function stdioRecord(bigint: boolean): Uint8Array {
  const now = Date.now();
  const mode = 0o010600;
  if (bigint) {
    const ns = BigInt(now) * 1_000_000n;
    const zero = 0n;
    return bigintStatRecord({ dev: zero, mode: BigInt(mode), nlink: 1n, uid: zero, gid: zero, rdev: zero, blksize: 4096n, ino: zero, size: zero, blocks: zero, atimeNs: ns, mtimeNs: ns, ctimeNs: ns, birthtimeNs: zero });
  }
  return statRecord({ dev: 0, mode, nlink: 1, uid: 0, gid: 0, rdev: 0, blksize: 4096, ino: 0, size: 0, blocks: 0, atimeMs: now, mtimeMs: now, ctimeMs: now, birthtimeMs: 0 });
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * A symlink as Linux reports it: permissions 0777 (they are never used) and the size of its target
 * text. node:fs answers so already; the in-memory volume keeps neither.
 */
function linkFixed<S extends VfsFullStats | VfsBigIntStats>(vfs: Vfs, path: string, st: S): S {
  if ((Number(st.mode) & S_IFMT) !== S_IFLNK) return st;
  const size = nameBuffer(String(vfs.readlinkSync(path))).length;
  if (typeof st.mode === 'bigint') return { ...st, mode: BigInt(S_IFLNK | 0o777), size: BigInt(size) };
  return { ...st, mode: S_IFLNK | 0o777, size };
}

function codeOf(thrown: unknown): unknown {
  if (thrown instanceof BridgeCallError) return thrown.record.code;
  return typeof thrown === 'object' && thrown !== null ? (thrown as { code?: unknown }).code : undefined;
}

/** Handlers of stat, lstat and fstat over `vfs` and the run's descriptors. */
export function statHandlers(vfs: Vfs, fds: FdTable): Record<string, Handler> {
  function byPath(follow: boolean): Handler {
    const syscall = follow ? 'stat' : 'lstat';
    return (args) => {
      const path = pathArg(args[0], 'path');
      const bigint = args[1] === true;
      try {
        // Resolved as the kernel does (symlinks in parents, `..` after them, a trailing slash).
        const { path: physical, stats } = asSyscall(syscall, path, undefined, () => (follow ? statAt : lstatAt)(vfs, path));
        return asSyscall(syscall, path, undefined, () =>
          bigint ? bigintStatRecord(linkFixed(vfs, physical, vfs.lstatSync(physical, { bigint: true }))) : statRecord(linkFixed(vfs, physical, stats)),
        );
      } catch (e) {
        // `throwIfNoEntry: false` turns only "no such entry" into undefined, as Node does.
        if (args[2] === false && codeOf(e) === 'ENOENT') return undefined;
        throw e;
      }
    };
  }

  const fstat: Handler = (args) => {
    const fd = fdArg(args[0]);
    const bigint = args[1] === true;
    if (fds.isStdio(fd)) return stdioRecord(bigint);
    const file = fds.get(fd, 'fstat');
    return vfsCall(() => (bigint ? bigintStatRecord(vfs.fstatSync(file.vfsFd, { bigint: true })) : statRecord(vfs.fstatSync(file.vfsFd, { bigint: false }))));
  };

  return { [Method.stat]: byPath(true), [Method.lstat]: byPath(false), [Method.fstat]: fstat };
}

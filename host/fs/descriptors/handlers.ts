import { flagArg, pathArg } from '../args.js';
import { asSyscall, locate } from '../dirs/lookup.js';
import { keepingTimes, mayChown } from '../dirs/meta.js';
import { flagBits, sysError, type FdTable, type OpenFile } from './index.js';
import type { ByteSource } from '../../../bridge/channel/host.js';
import { Method } from '../../../bridge/wire/protocol.js';
import type { Handler } from '../../dispatcher/index.js';
import { BridgeCallError, callError, fsErrorRecord } from '../../dispatcher/errors.js';
import type { Vfs } from '../../vfs/index.js';
import type { FsLimits } from '../files.js';

/** The guest's umask: what its process.umask() reports. */
export const GUEST_UMASK = 0o022;

/** Host checks of descriptor arguments: the guest bridge validates first, a hostile guest may not. */

/** A guest descriptor: an integer 0..2^31-1. */
export function fdArg(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "fd" argument must be an integer from 0 to 2147483647');
  }
  return value;
}

function countArg(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw callError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be a non-negative integer`);
  }
  return value;
}

/** A position: null (or any negative number) means "the descriptor's current position". */
function positionArg(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "position" argument must be an integer or null');
  }
  return value < 0 ? null : value;
}

/** Bytes (a CBOR byte string), else ERR_INVALID_ARG_TYPE. */
export function bytesArg(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "buffer" argument must be bytes');
  return value;
}

/** Runs a Vfs call, turning what it throws into the guest's error record. */
export function vfsCall<T>(run: () => T, path?: string): T {
  try {
    return run();
  } catch (e) {
    throw new BridgeCallError(fsErrorRecord(e, path === undefined ? {} : { path }));
  }
}

/** Positional reads and writes through the descriptor table, shared by the descriptor and whole-file handlers. */
export class DescriptorIo {
  readonly vfs: Vfs;
  readonly fds: FdTable;
  readonly limits: FsLimits;

  constructor(vfs: Vfs, fds: FdTable, limits: FsLimits) {
    this.vfs = vfs;
    this.fds = fds;
    this.limits = limits;
  }

  /** The file's size now. */
  size(file: OpenFile): number {
    return vfsCall(() => this.vfs.fstatSync(file.vfsFd).size);
  }

  /** Reads up to `length` bytes at `position` (null: the current one, which then advances). */
  readFrom(file: OpenFile, length: number, position: number | null): ByteSource | Uint8Array {
    if (!file.readable) throw sysError('EBADF', 'read');
    if (file.directory) throw sysError('EISDIR', 'read');
    const at = position ?? file.position;
    // A read larger than the per-call limit is a short read, which every caller of read(2) handles.
    const n = Math.max(0, Math.min(length, this.size(file) - at, this.limits.maxFileBytes));
    if (position === null) file.position = at + n;
    return n === 0 ? new Uint8Array(0) : this.fds.source(file, at, n);
  }

  /** Writes all of `bytes` at `position` (null: the current one, which then advances; append mode: the end). */
  writeTo(file: OpenFile, bytes: Uint8Array, position: number | null): number {
    if (!file.writable) throw sysError('EBADF', 'write');
    const at = position ?? file.position;
    // No write may make a file larger than the largest one a call may move (memfs would allocate up to it).
    if ((file.append ? this.size(file) : at) + bytes.length > this.limits.maxFileBytes) throw sysError('EFBIG', 'write');
    const n = vfsCall(() => this.vfs.writeSync(file.vfsFd, bytes, 0, bytes.length, file.append ? null : at));
    if (position === null) file.position = file.append ? this.size(file) : at + n;
    return n;
  }

  /** Bytes written to descriptor 1 or 2 go to the sandbox's stdout or stderr. */
  writeStdio(fd: number, bytes: Uint8Array): number {
    const sink = this.fds.stdioSink(fd);
    if (sink === undefined) throw sysError('EBADF', 'write');
    sink(new Uint8Array(bytes));
    return bytes.length;
  }
}
/** A uid or gid: -1 (keep) to 2^32 - 1. */
function idArg(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -1 || value > 0xffffffff) {
    throw callError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be >= -1 && <= 4294967295`);
  }
  return value;
}

/** A time in seconds, as the guest's toUnixTimestamp made it. */
function timeArg(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be a time in seconds`);
  return value;
}

/** Handlers of the descriptor methods (open, close, read, write, ftruncate, fsync, fdatasync). */
export function descriptorHandlers(io: DescriptorIo): Record<string, Handler> {
  const { vfs, fds } = io;

  const open: Handler = (args) => {
    const path = pathArg(args[0], 'path');
    const flags = flagBits(flagArg(args[1], 'r'));
    if (flags === undefined) throw callError('ERR_INVALID_ARG_VALUE', 'TypeError', "The argument 'flags' is invalid");
    // The guest's umask (process.umask() answers it) applies to a file open creates.
    const mode = (args[2] === undefined || args[2] === null ? 0o666 : countArg(args[2], 'mode')) & ~GUEST_UMASK;
    // Parents resolved as the kernel does (`..` after a symlink); the Vfs opens the last component.
    const { path: physical, slash } = asSyscall('open', path, undefined, () => locate(vfs, path));
    return vfsCall(() => fds.open(slash && physical !== '/' ? `${physical}/` : physical, flags, mode, path), path);
  };

  const close: Handler = (args) => {
    const fd = fdArg(args[0]);
    // The guest's stdio stays open: closing it is allowed and changes nothing.
    if (!fds.isStdio(fd)) fds.close(fd);
    return undefined;
  };

  const read: Handler = (args) => {
    const fd = fdArg(args[0]);
    const length = countArg(args[1], 'length');
    const position = positionArg(args[2]);
    // The guest has no stdin: descriptor 0 reads as end of file.
    if (fd === 0) return new Uint8Array(0);
    if (fds.isStdio(fd)) throw sysError('EBADF', 'read');
    return io.readFrom(fds.get(fd, 'read'), length, position);
  };

  const write: Handler = (args) => {
    const fd = fdArg(args[0]);
    const bytes = bytesArg(args[1]);
    const position = positionArg(args[2]);
    if (fds.isStdio(fd)) return io.writeStdio(fd, bytes);
    return io.writeTo(fds.get(fd, 'write'), bytes, position);
  };

  const ftruncate: Handler = (args) => {
    const fd = fdArg(args[0]);
    const length = countArg(args[1], 'len');
    if (fds.isStdio(fd)) throw sysError('EINVAL', 'ftruncate');
    const file = fds.get(fd, 'ftruncate');
    if (!file.writable || file.directory) throw sysError('EINVAL', 'ftruncate');
    // A file may not grow past the largest one a call may move (memfs would allocate it whole).
    if (length > io.limits.maxFileBytes) throw sysError('EFBIG', 'ftruncate');
    vfsCall(() => vfs.ftruncateSync(file.vfsFd, length));
    return undefined;
  };

  function syncer(syscall: 'fsync' | 'fdatasync'): Handler {
    return (args) => {
      const fd = fdArg(args[0]);
      if (fds.isStdio(fd)) throw sysError('EINVAL', syscall);
      const file = fds.get(fd, syscall);
      vfsCall(() => (syscall === 'fsync' ? vfs.fsyncSync(file.vfsFd) : vfs.fdatasyncSync(file.vfsFd)));
      return undefined;
    };
  }

  /** fchmod, fchown, futimes: metadata of an open file (stdio is a pipe of the sandbox's: refused). */
  function metadata(syscall: 'fchmod' | 'fchown' | 'futime', change: (vfsFd: number, args: unknown[]) => void): Handler {
    return (args) => {
      const fd = fdArg(args[0]);
      if (fds.isStdio(fd)) throw sysError('EPERM', syscall);
      const file = fds.get(fd, syscall);
      vfsCall(() => change(file.vfsFd, args));
      return undefined;
    };
  }

  return {
    [Method.fchmod]: metadata('fchmod', (vfsFd, args) => {
      const mode = countArg(args[1], 'mode') & 0o7777;
      const times = () => vfs.fstatSync(vfsFd, { bigint: false });
      keepingTimes(times(), () => vfs.fchmodSync(vfsFd, mode), times, (a, m) => vfs.futimesSync(vfsFd, a, m));
    }),
    [Method.fchown]: metadata('fchown', (vfsFd, args) => {
      const uid = idArg(args[1], 'uid');
      const gid = idArg(args[2], 'gid');
      // As chown: -1 keeps the owner or group (memfs would store -1), EPERM as the kernel says it.
      const stats = vfs.fstatSync(vfsFd, { bigint: false });
      if (!mayChown(stats, uid, gid)) throw sysError('EPERM', 'fchown');
      const times = () => vfs.fstatSync(vfsFd, { bigint: false });
      keepingTimes(stats, () => vfs.fchownSync(vfsFd, uid === -1 ? stats.uid : uid, gid === -1 ? stats.gid : gid), times, (a, m) => vfs.futimesSync(vfsFd, a, m));
    }),
    [Method.futimes]: metadata('futime', (vfsFd, args) => vfs.futimesSync(vfsFd, timeArg(args[1], 'atime'), timeArg(args[2], 'mtime'))),
    [Method.open]: open,
    [Method.close]: close,
    [Method.read]: read,
    [Method.fdWrite]: write,
    [Method.ftruncate]: ftruncate,
    [Method.fsync]: syncer('fsync'),
    [Method.fdatasync]: syncer('fdatasync'),
  };
}

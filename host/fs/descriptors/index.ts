import { constants } from 'node:fs';
import type { ByteSource } from '../../../bridge/channel/host.js';
import { BridgeCallError } from '../../dispatcher/errors.js';
import type { Vfs } from '../../vfs/index.js';
import { createAccessible } from './create.js';

/** Per-sandbox descriptor table: guest descriptors map to Vfs descriptors the guest never sees. */

const { O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_TRUNC, O_CREAT, O_EXCL, O_SYNC } = constants;
/** The access-mode bits of open flags (POSIX O_ACCMODE; node:fs does not export it). */
const O_ACCMODE = 3;

/** Node's flag strings as O_* bits (lib/internal/fs/utils.js `stringToFlags`). */
const FLAG_STRINGS: Record<string, number> = {
  r: O_RDONLY,
  rs: O_RDONLY | O_SYNC,
  sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY,
  wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY,
  ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

/** O_* bits of a flags argument (a Node flag string or an integer), or undefined when it is neither. */
export function flagBits(flags: string | number): number | undefined {
  if (typeof flags === 'number') return Number.isInteger(flags) && flags >= -0x80000000 && flags <= 0x7fffffff ? flags : undefined;
  return Object.prototype.hasOwnProperty.call(FLAG_STRINGS, flags) ? FLAG_STRINGS[flags] : undefined;
}

/** A system error for the guest, shaped as Node's (`EBADF: bad file descriptor, read`). */
export function sysError(code: string, syscall: string, path?: string): BridgeCallError {
  return new BridgeCallError(path === undefined ? { code, syscall } : { code, syscall, path });
}

/** One open guest descriptor. */
export interface OpenFile {
  /** The guest's number for it. */
  readonly fd: number;
  /** The Vfs descriptor behind it. */
  readonly vfsFd: number;
  readonly readable: boolean;
  readonly writable: boolean;
  /** O_APPEND: every write goes to the end. */
  readonly append: boolean;
  readonly directory: boolean;
  /** The current position, kept here so every Vfs call is positional. */
  position: number;
  /** Replies still reading from it; the Vfs descriptor is closed when the last one ends. */
  busy: number;
  closed: boolean;
}

/** Options of a descriptor table. */
export interface FdTableOptions {
  /** Most descriptors open at once (EMFILE beyond). Default 1024, as `ulimit -n` usually is. */
  maxOpen?: number;
}

/** Writes a guest's bytes to its stdout (fd 1) or stderr (fd 2). */
export type StdioSink = (bytes: Uint8Array) => void;

/** The lowest guest descriptor a file gets: 0, 1 and 2 are the guest's stdio. */
const FIRST_FILE_FD = 3;

/**
 * The descriptors of one sandbox run. Guest descriptors are small integers of this table only, so a
 * guest can name no descriptor of another sandbox or of the host. `closeAll` (called when the run
 * ends) closes every Vfs descriptor still open.
 */
export class FdTable {
  readonly #vfs: Vfs;
  readonly #files = new Map<number, OpenFile>();
  readonly #maxOpen: number;
  readonly #stdio = new Map<number, StdioSink>();

  constructor(vfs: Vfs, options: FdTableOptions = {}) {
    this.#vfs = vfs;
    this.#maxOpen = options.maxOpen ?? 1024;
  }

  /** Routes guest writes to descriptors 1 and 2. Without sinks those writes fail with EBADF. */
  attachStdio(stdout: StdioSink, stderr: StdioSink): void {
    this.#stdio.set(1, stdout);
    this.#stdio.set(2, stderr);
  }

  /** The sink of a stdio descriptor (1, 2), or undefined. */
  stdioSink(fd: number): StdioSink | undefined {
    return this.#stdio.get(fd);
  }

  /** True for 0, 1 and 2: the guest's stdio, never files. */
  isStdio(fd: number): boolean {
    return fd >= 0 && fd < FIRST_FILE_FD;
  }

  /** Number of descriptors open (including ones closed by the guest but still being read by a reply). */
  get openCount(): number {
    let n = 0;
    for (const f of this.#files.values()) if (!f.closed) n++;
    return n;
  }

  /** Opens `path` (absolute) on the Vfs and returns the guest's new descriptor. */
  open(path: string, flags: number, mode: number, guestPath: string): number {
    if (this.openCount >= this.#maxOpen) throw sysError('EMFILE', 'open', guestPath);
    const vfsFd = createAccessible(this.#vfs, path, flags, mode, (m) => this.#vfs.openSync(path, flags, m));
    let directory: boolean;
    try {
      directory = this.#vfs.fstatSync(vfsFd).isDirectory();
    } catch (e) {
      this.#vfs.closeSync(vfsFd);
      throw e;
    }
    const access = flags & O_ACCMODE;
    let fd = FIRST_FILE_FD;
    while (this.#files.has(fd)) fd++;
    this.#files.set(fd, {
      fd,
      vfsFd,
      readable: access === O_RDONLY || access === O_RDWR,
      writable: access === O_WRONLY || access === O_RDWR,
      append: (flags & O_APPEND) !== 0,
      directory,
      position: 0,
      busy: 0,
      closed: false,
    });
    return fd;
  }

  /** The open file behind guest descriptor `fd`, or EBADF naming `syscall`. */
  get(fd: number, syscall: string): OpenFile {
    const file = this.#files.get(fd);
    if (file === undefined || file.closed) throw sysError('EBADF', syscall);
    return file;
  }

  /** Closes guest descriptor `fd` (EBADF if it is not open). A reply still reading keeps the Vfs descriptor until it ends. */
  close(fd: number): void {
    const file = this.get(fd, 'close');
    file.closed = true;
    if (file.busy === 0) this.#release(file);
  }

  /** Closes every descriptor still open: the run has ended. Errors are ignored (the guest is gone). */
  closeAll(): void {
    for (const file of [...this.#files.values()]) {
      file.closed = true;
      this.#release(file);
    }
  }

  #release(file: OpenFile): void {
    if (this.#files.get(file.fd) !== file) return;
    this.#files.delete(file.fd);
    try {
      this.#vfs.closeSync(file.vfsFd);
    } catch {
      // Already closed underneath (a Vfs reset); nothing is left to free.
    }
  }

  /** A reply body of `size` bytes read from `file` at `position`, straight into the transport's buffer. */
  source(file: OpenFile, position: number, size: number): ByteSource {
    file.busy++;
    let done = false;
    const vfs = this.#vfs;
    return {
      size,
      // Short reads are padded with zeros below.
      fillsTarget: true,
      read(target, offset) {
        let got = 0;
        while (got < target.length) {
          const n = vfs.readSync(file.vfsFd, target, got, target.length - got, position + offset + got);
          if (n <= 0) break;
          got += n;
        }
        // The file shrank under an in-flight reply (the guest truncated it meanwhile): the frame
        // already declared its length, so the rest reads as zeros rather than breaking the channel.
        target.fill(0, got);
      },
      close: () => {
        if (done) return;
        done = true;
        file.busy--;
        if (file.closed && file.busy === 0) this.#release(file);
      },
    };
  }
}

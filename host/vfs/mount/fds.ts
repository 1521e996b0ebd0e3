import * as fs from 'node:fs';
import { guestError, toGuest } from './errors.js';

/**
 * The descriptors a guest opened on a mounted directory. The guest only ever holds numbers this
 * table issued; each maps to a host descriptor, so no guest number can reach another host file
 * (the host's stdio, another sandbox's files). The table is bounded: past `max` open files a new
 * open fails with EMFILE, as a process past its limit would.
 */
export class Descriptors {
  readonly #open = new Map<number, number>();
  readonly #max: number;

  /** A table of at most `max` open descriptors. */
  constructor(max: number) {
    this.#max = max;
  }

  /** Takes ownership of host descriptor `host`; answers the guest's number (the lowest free from 3). */
  add(host: number): number {
    if (this.#open.size >= this.#max) {
      fs.closeSync(host);
      throw guestError({ code: 'EMFILE', syscall: 'open' });
    }
    let fd = 3;
    while (this.#open.has(fd)) fd++;
    this.#open.set(fd, host);
    return fd;
  }

  /** The host descriptor behind guest descriptor `fd`, or EBADF for `syscall`. */
  host(fd: unknown, syscall: string): number {
    const host = typeof fd === 'number' ? this.#open.get(fd) : undefined;
    if (host === undefined) throw guestError({ code: 'EBADF', syscall });
    return host;
  }

  /** Closes guest descriptor `fd`. */
  close(fd: unknown): void {
    const host = this.host(fd, 'close');
    this.#open.delete(fd as number);
    run('close', () => fs.closeSync(host));
  }

  /** Closes every descriptor still open (the guest is gone). */
  closeAll(): void {
    for (const host of this.#open.values()) {
      try {
        fs.closeSync(host);
      } catch {
        // Already gone: nothing to release.
      }
    }
    this.#open.clear();
  }

  /** How many descriptors are open. */
  get size(): number {
    return this.#open.size;
  }
}

/** Runs a descriptor call; a system error becomes the guest's (fd calls carry no path). */
export function run<T>(syscall: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toGuest(e, { syscall });
  }
}

/** The descriptor methods of node:fs, over a Descriptors table. */
export class DescriptorMethods {
  /** The guest's open descriptors. */
  protected readonly fds: Descriptors;

  /** Methods over `fds`. */
  constructor(fds: Descriptors) {
    this.fds = fds;
  }

  /** `fs.closeSync`. */
  closeSync(fd: number): void {
    this.fds.close(fd);
  }

  /** `fs.readSync`, every form (offset/length/position or an options object). */
  readSync(fd: number, buffer: NodeJS.ArrayBufferView, ...rest: unknown[]): number {
    const host = this.fds.host(fd, 'read');
    return run('read', () => (fs.readSync as (...a: unknown[]) => number)(host, buffer, ...rest));
  }

  /** `fs.writeSync`, every form (bytes with offset/length/position, or a string with position/encoding). */
  writeSync(fd: number, data: NodeJS.ArrayBufferView | string, ...rest: unknown[]): number {
    const host = this.fds.host(fd, 'write');
    return run('write', () => (fs.writeSync as (...a: unknown[]) => number)(host, data, ...rest));
  }

  /** `fs.fstatSync` (real times, modes and sizes; `{ bigint: true }` honoured). */
  fstatSync(fd: number, options?: { bigint?: false }): fs.Stats;
  fstatSync(fd: number, options: { bigint: true }): fs.BigIntStats;
  fstatSync(fd: number, options?: fs.StatOptions): fs.Stats | fs.BigIntStats;
  fstatSync(fd: number, options?: fs.StatOptions): fs.Stats | fs.BigIntStats {
    const host = this.fds.host(fd, 'fstat');
    return run('fstat', () => fs.fstatSync(host, options as fs.StatSyncOptions) as fs.Stats | fs.BigIntStats);
  }

  /** `fs.ftruncateSync`. */
  ftruncateSync(fd: number, len?: number): void {
    const host = this.fds.host(fd, 'ftruncate');
    run('ftruncate', () => fs.ftruncateSync(host, len));
  }

  /** `fs.fsyncSync`. */
  fsyncSync(fd: number): void {
    const host = this.fds.host(fd, 'fsync');
    run('fsync', () => fs.fsyncSync(host));
  }

  /** `fs.fdatasyncSync`. */
  fdatasyncSync(fd: number): void {
    const host = this.fds.host(fd, 'fdatasync');
    run('fdatasync', () => fs.fdatasyncSync(host));
  }

  /** `fs.futimesSync`. */
  futimesSync(fd: number, atime: fs.TimeLike, mtime: fs.TimeLike): void {
    const host = this.fds.host(fd, 'futime');
    run('futime', () => fs.futimesSync(host, atime, mtime));
  }

  /** `fs.fchmodSync`. */
  fchmodSync(fd: number, mode: fs.Mode): void {
    const host = this.fds.host(fd, 'fchmod');
    run('fchmod', () => fs.fchmodSync(host, mode));
  }

  /** `fs.fchownSync`. */
  fchownSync(fd: number, uid: number, gid: number): void {
    const host = this.fds.host(fd, 'fchown');
    run('fchown', () => fs.fchownSync(host, uid, gid));
  }
}

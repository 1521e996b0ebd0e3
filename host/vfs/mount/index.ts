import * as fs from 'node:fs';
import { mkdir, mkdtemp, readdir, type ReaddirOptions } from './dirs.js';
import { rm, rmdirRecursive, type RmOptions } from './remove.js';
import { toGuest } from './errors.js';
import { Descriptors, run } from './fds.js';
import { openPath, toFlags } from './open.js';
import { PathMethods } from './paths.js';
import { MountRoot } from './root.js';
import { checkEncoding, copyFile, readWhole, writeAll, writeByFlags } from './write.js';
import type { Vfs, VfsWatcher, VfsWatchListener } from '../index.js';
import { watchEntry } from './watch.js';

/** Options of `createMountVfs`. */
export interface MountOptions {
  /** Most descriptors the guest may hold open at once; past it, open fails with EMFILE. Default 1024. */
  maxOpenFiles?: number;
}

/** Options of whole-file writes, as node:fs takes them. */
export interface WriteFileOptions {
  encoding?: BufferEncoding | null;
  mode?: fs.Mode;
  flag?: string | number;
  flush?: boolean;
}

/** Options of `readFileSync`, as node:fs takes them. */
export interface ReadFileOptions {
  encoding?: BufferEncoding | null;
  flag?: string | number;
}

function modeOf(mode: fs.Mode | undefined, fallback: number): number {
  if (mode === undefined) return fallback;
  return typeof mode === 'string' ? parseInt(mode, 8) : mode;
}

function bytesOf(data: string | NodeJS.ArrayBufferView, encoding: BufferEncoding | null | undefined): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** A mount dropped without `close()` still gives its host descriptors back, when collected. */
const released = new FinalizationRegistry<{ root: MountRoot; fds: Descriptors }>(({ root, fds }) => {
  fds.closeAll();
  root.close();
});

/**
 * A live host directory as the guest's filesystem: the synchronous node:fs method set, confined to
 * the directory (see host/vfs/mount/walk.ts), with the guest's paths in every error and whole-file
 * writes all-or-nothing (host/vfs/mount/write.ts). Linux only. `close()` releases its host descriptors
 * (a mount that is dropped releases them when garbage-collected).
 */
export class MountVfs extends PathMethods implements Vfs {
  /** Mounts `hostDir` (the host's path; the guest never sees it). */
  constructor(hostDir: string, options: MountOptions = {}) {
    super(new MountRoot(hostDir), new Descriptors(options.maxOpenFiles ?? 1024));
    released.register(this, { root: this.root, fds: this.fds }, this);
  }

  /** `fs.readFileSync(path | fd, options)`. */
  readFileSync(path: string | number, options?: ReadFileOptions | BufferEncoding | null): string | Buffer {
    const opts: ReadFileOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
    checkEncoding(opts.encoding);
    if (typeof path === 'number') return readWhole(this.fds.host(path, 'read'), opts.encoding);
    const fd = openPath(this.root, path, toFlags(opts.flag, 'r'));
    try {
      return readWhole(fd, opts.encoding);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** `fs.writeFileSync(path | fd, data, options)`: by path, all-or-nothing (temp file, fsync, rename). */
  writeFileSync(path: string | number, data: string | NodeJS.ArrayBufferView, options?: WriteFileOptions | BufferEncoding | null): void {
    this.#write(path, data, options, 'w');
  }

  /** `fs.appendFileSync(path | fd, data, options)`: a failed append is cut back to the old size. */
  appendFileSync(path: string | number, data: string | NodeJS.ArrayBufferView, options?: WriteFileOptions | BufferEncoding | null): void {
    this.#write(path, data, options, 'a');
  }

  #write(path: string | number, data: string | NodeJS.ArrayBufferView, options: WriteFileOptions | BufferEncoding | null | undefined, flag: string): void {
    const opts: WriteFileOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
    checkEncoding(opts.encoding);
    const bytes = bytesOf(data, opts.encoding);
    if (typeof path === 'number') return writeAll(this.fds.host(path, 'write'), bytes);
    writeByFlags(this.root, path, bytes, toFlags(opts.flag || flag), modeOf(opts.mode, 0o666));
  }

  /** `fs.copyFileSync(src, dest, mode)`: dest replaced all-or-nothing; COPYFILE_EXCL honoured. */
  copyFileSync(src: string, dest: string, mode?: number): void {
    copyFile(this.root, src, dest, mode);
  }

  /** `fs.readdirSync(path, options)`: names, Buffers or Dirents; `recursive` as Node 20 walks it. */
  readdirSync(path: string, options?: ReaddirOptions | BufferEncoding | 'buffer' | null): string[] | Buffer[] | fs.Dirent[] {
    return readdir(this.root, path, options);
  }

  /** `fs.mkdirSync(path, options)`: with `recursive`, the first directory created (or undefined). */
  mkdirSync(path: string, options?: fs.MakeDirectoryOptions | fs.Mode | null): string | undefined {
    return mkdir(this.root, path, options);
  }

  /** `fs.rmdirSync(path, options)` (the deprecated `recursive` as Node 20 does it). */
  rmdirSync(path: string, options?: RmOptions): void {
    if (options?.recursive === true && rmdirRecursive(this.root, path)) return;
    this.rmdirOne(path);
  }

  /** `fs.rmSync(path, { force, recursive })`: never removes anything outside the mount or `/` itself. */
  rmSync(path: string, options?: RmOptions): void {
    rm(this.root, path, options);
  }

  /** `fs.mkdtempSync(prefix, options)`. */
  mkdtempSync(prefix: string, options?: { encoding?: BufferEncoding | 'buffer' | null } | BufferEncoding | 'buffer' | null): string | Buffer {
    return mkdtemp(this.root, prefix, options);
  }

  /** `fs.watch` of one entry (not recursive), confined: see host/vfs/mount/watch.ts. */
  watchEntry(path: string, listener: VfsWatchListener): VfsWatcher {
    return watchEntry(this.root, path, listener);
  }

  /** Descriptors the guest holds open right now. */
  get openFiles(): number {
    return this.fds.size;
  }

  /** Closes every descriptor the guest left open (for instance when a run ends). */
  closeAll(): void {
    this.fds.closeAll();
  }

  /** Closes everything, the mount's own descriptor included. The mount is unusable after. */
  close(): void {
    released.unregister(this);
    this.fds.closeAll();
    run('close', () => this.root.close());
  }
}

/**
 * The live host directory `hostDir` as a Vfs, confined to it: what `--mount DIR` and
 * `createSandbox({ mount })` give the guest at `/`. Throws (a host error) when `hostDir` is not a
 * directory or the platform is not Linux.
 */
export function createMountVfs(hostDir: string, options?: MountOptions): MountVfs {
  return new MountVfs(hostDir, options);
}


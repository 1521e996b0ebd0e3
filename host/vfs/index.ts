import { Volume } from 'memfs';

/** What `fstatSync` must report for the handlers to work. */
export interface VfsStats {
  size: number;
  isDirectory(): boolean;
}

/**
 * What `lstatSync`/`statSync` report: a whole stat result (stat answers use it as it is) and the
 * type tests the directory handlers (host/fs/dirs/) use.
 */
export interface VfsEntryStats extends VfsFullStats {
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/** The numbers of a stat result that are not times (host/fs/stats.ts sends them all). */
export interface VfsStatNumbers<T extends number | bigint> {
  dev: T;
  mode: T;
  nlink: T;
  uid: T;
  gid: T;
  rdev: T;
  blksize: T;
  ino: T;
  size: T;
  blocks: T;
}

/** A whole stat result with times in (fractional) milliseconds: what `statSync(path, { bigint: false })` returns. */
export interface VfsFullStats extends VfsStatNumbers<number> {
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
}

/** A whole stat result with times in nanoseconds: what `statSync(path, { bigint: true })` returns. */
export interface VfsBigIntStats extends VfsStatNumbers<bigint> {
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;
}

/** What `statfsSync` reports. */
export interface VfsStatFs<T extends number | bigint> {
  type: T;
  bsize: T;
  blocks: T;
  bfree: T;
  bavail: T;
  files: T;
  ffree: T;
}

/** One entry of `readdirSync(path, { withFileTypes: true })`. */
export interface VfsDirent {
  name: Uint8Array | string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** A watcher a Vfs started; `close()` stops it and releases what it holds. */
export interface VfsWatcher {
  close(): void;
}

/**
 * What a watcher reports, as Node's non-recursive `fs.watch` on Linux does: `kind` 0 (change) or 1
 * (rename) and the name of the entry inside a watched directory (bytes or a string), or null when
 * the event is about the watched entry itself; kind 2 is an error of the watcher, `name` its code.
 */
export type VfsWatchListener = (kind: 0 | 1 | 2, name: Uint8Array | string | null) => void;

/**
 * The filesystem the host handlers run against: the synchronous subset of `node:fs` they use.
 * A memfs Volume satisfies it (the default, in memory), and so does `node:fs` itself.
 * Paths handed to it are always absolute POSIX paths. Paths and names as strings, both ways, are
 * name strings (bridge/names/index.ts): bytes that are not UTF-8 are held as U+DC80-U+DCFF. memfs
 * and createMountVfs keep them; `node:fs` used as it is keeps only UTF-8 names.
 */
export interface Vfs {
  openSync(path: string, flags: string | number, mode?: number): number;
  closeSync(fd: number): void;
  fstatSync(fd: number): VfsStats;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  writeFileSync(path: string, data: Uint8Array | string, options?: { flag?: string | number; mode?: number }): void;
  existsSync(path: string): boolean;
  mkdirSync(path: string, options?: { recursive?: boolean; mode?: number }): string | undefined | void;
  // Directory and metadata methods (host/fs/dirs/). Paths reach them with every symlink of the
  // parent already resolved, so a Vfs need not resolve `..` after a link itself.
  lstatSync(path: string): VfsEntryStats;
  statSync(path: string): VfsEntryStats;
  readdirSync(path: string, options: { withFileTypes: true }): Array<VfsDirent | Uint8Array | string>;
  readlinkSync(path: string): Uint8Array | string;
  rmdirSync(path: string): void;
  unlinkSync(path: string): void;
  renameSync(oldPath: string, newPath: string): void;
  copyFileSync(src: string, dest: string, mode?: number): void;
  symlinkSync(target: string, path: string): void;
  linkSync(existingPath: string, newPath: string): void;
  chmodSync(path: string, mode: number): void;
  chownSync(path: string, uid: number, gid: number): void;
  lchownSync(path: string, uid: number, gid: number): void;
  utimesSync(path: string, atime: number, mtime: number): void;
  lutimesSync(path: string, atime: number, mtime: number): void;
  // Descriptor and stat methods (host/fs/descriptors/, host/fs/stats.ts). The host keeps each
  // descriptor's position itself, so reads and writes always pass one (`null` only in append mode).
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  ftruncateSync(fd: number, len: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  futimesSync(fd: number, atime: number, mtime: number): void;
  /**
   * The filesystem's figures (`fs.statfsSync`: a mount's are the host's, memfs has its own); a Vfs
   * without it answers the documented figures of host/fs/statfs.ts.
   */
  statfsSync?(path: string, options: { bigint: boolean }): VfsStatFs<number> | VfsStatFs<bigint>;
  fsyncSync(fd: number): void;
  fdatasyncSync(fd: number): void;
  /**
   * Watches the entry at `path` (symlinks followed), not recursively, for `fs.watch`. A Vfs without
   * it but with node:fs's own `watch` (a memfs Volume) is watched through that (host/fs/watch/adapt.ts).
   */
  watchEntry?(path: string, listener: VfsWatchListener): VfsWatcher;
  fstatSync(fd: number, options: { bigint: false }): VfsFullStats;
  fstatSync(fd: number, options: { bigint: true }): VfsBigIntStats;
  statSync(path: string, options: { bigint: false }): VfsFullStats;
  statSync(path: string, options: { bigint: true }): VfsBigIntStats;
  lstatSync(path: string, options: { bigint: false }): VfsFullStats;
  lstatSync(path: string, options: { bigint: true }): VfsBigIntStats;
}

/**
 * A fresh, empty in-memory filesystem (memfs Volume) with `/` as its root. Files belong to the
 * host process's user and group, read once here: memfs would otherwise ask the operating system at
 * every step of every path it walks, which costs more than the lookup itself.
 */
export function createMemoryVfs(): Volume {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const owner = { cwd: () => '/', platform: process.platform, env: {}, emitWarning: () => undefined, getuid: () => uid, getgid: () => gid };
  return Volume.fromNestedJSON({}, '/', { process: owner } as Parameters<typeof Volume.fromNestedJSON>[2]);
}

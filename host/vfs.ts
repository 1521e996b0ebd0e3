import { Volume } from 'memfs';

/** What `fstatSync` must report for the handlers to work. */
export interface VfsStats {
  size: number;
  isDirectory(): boolean;
}

/**
 * The filesystem the host handlers run against: the synchronous subset of `node:fs` they use.
 * A memfs Volume satisfies it (the default, in memory), and so does `node:fs` itself.
 * Paths handed to it are always absolute POSIX paths.
 */
export interface Vfs {
  openSync(path: string, flags: string | number, mode?: number): number;
  closeSync(fd: number): void;
  fstatSync(fd: number): VfsStats;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  writeFileSync(path: string, data: Uint8Array | string, options?: { flag?: string | number; mode?: number }): void;
  existsSync(path: string): boolean;
  mkdirSync(path: string, options?: { recursive?: boolean; mode?: number }): string | undefined | void;
}

/** A fresh, empty in-memory filesystem (memfs Volume) with `/` as its root. */
export function createMemoryVfs(): Volume {
  return new Volume();
}

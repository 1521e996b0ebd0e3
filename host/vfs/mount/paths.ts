import { fromHostName, hostName, nameBuffer } from '../names.js';
import * as fs from 'node:fs';
import { guestError, toGuest } from './errors.js';
import { DescriptorMethods, type Descriptors } from './fds.js';
import { openPath, toFlags } from './open.js';
import { fdPath, inDir, PathError, type Entry, type Lookup } from './walk.js';
import type { MountRoot } from './root.js';

/** What an operation reports its errors as (Node's syscall name, the guest's path and dest). */
export interface OpName {
  syscall: string;
  path: string;
  dest?: string;
}

/** An entry that exists: its descriptor and lstat are there. */
export type Found = Entry & { fd: number; stat: fs.Stats };

const FOLLOW: Lookup = { follow: true };
const NOFOLLOW: Lookup = { follow: false };

/** The guest's error for anything an operation threw. */
export function opError(e: unknown, op: OpName): unknown {
  if (e instanceof PathError) return guestError({ code: e.code, ...op });
  return toGuest(e, op);
}

function exists(entry: Entry, op: OpName): Found {
  if (entry.fd === undefined) throw guestError({ code: 'ENOENT', ...op });
  return entry as Found;
}

/** A path that ends in `/` after a name (it must name a directory). */
export function hasTrailingSlash(path: string): boolean {
  return /[^/]\/+$/.test(path);
}

/** The node:fs methods that take one or two paths and do one thing, confined to the mount. */
export class PathMethods extends DescriptorMethods {
  /** The mounted directory. */
  protected readonly root: MountRoot;

  /** Methods over `root`, with descriptors in `fds`. */
  constructor(root: MountRoot, fds: Descriptors) {
    super(fds);
    this.root = root;
  }

  /** Runs `fn` on what `path` leads to, with `op`'s errors. */
  protected at<T>(op: OpName, path: string, lookup: Lookup, fn: (entry: Entry) => T): T {
    try {
      return this.root.with(path, lookup, fn);
    } catch (e) {
      throw opError(e, op);
    }
  }

  /** `fs.openSync`: a descriptor of this mount's table. */
  openSync(path: string, flags?: fs.OpenMode, mode?: fs.Mode | null): number {
    const m = typeof mode === 'string' ? parseInt(mode, 8) : (mode ?? 0o666);
    return this.fds.add(openPath(this.root, path, toFlags(flags), m));
  }

  /** `fs.statSync` (follows symlinks; `bigint`, `throwIfNoEntry` honoured). */
  statSync(path: string, options?: { bigint?: false; throwIfNoEntry?: true }): fs.Stats;
  statSync(path: string, options: { bigint: true; throwIfNoEntry?: true }): fs.BigIntStats;
  statSync(path: string, options?: fs.StatSyncOptions): fs.Stats | fs.BigIntStats | undefined;
  statSync(path: string, options?: fs.StatSyncOptions): fs.Stats | fs.BigIntStats | undefined {
    return this.#stat('stat', path, FOLLOW, options);
  }

  /** `fs.lstatSync` (a symlink itself). */
  lstatSync(path: string, options?: { bigint?: false; throwIfNoEntry?: true }): fs.Stats;
  lstatSync(path: string, options: { bigint: true; throwIfNoEntry?: true }): fs.BigIntStats;
  lstatSync(path: string, options?: fs.StatSyncOptions): fs.Stats | fs.BigIntStats | undefined;
  lstatSync(path: string, options?: fs.StatSyncOptions): fs.Stats | fs.BigIntStats | undefined {
    return this.#stat('lstat', path, NOFOLLOW, options);
  }

  #stat(syscall: string, path: string, lookup: Lookup, options?: fs.StatSyncOptions): fs.Stats | fs.BigIntStats | undefined {
    const op = { syscall, path };
    try {
      return this.root.with(path, lookup, (e) => {
        const found = exists(e, op);
        return options?.bigint === true ? fs.fstatSync(found.fd, { bigint: true }) : found.stat;
      });
    } catch (e) {
      const err = opError(e, op);
      if (options?.throwIfNoEntry === false && (err as { code?: unknown }).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** `fs.statfsSync`: the host filesystem's figures for the entry at `path` (the path confined as every lookup). */
  statfsSync(path: string, options: { bigint: boolean }): fs.StatsFs | fs.BigIntStatsFs {
    const op = { syscall: 'statfs', path };
    try {
      return this.root.with(path, FOLLOW, (e) => {
        const found = exists(e, op);
        return fs.statfsSync(fdPath(found.fd), { bigint: options.bigint });
      });
    } catch (e) {
      throw opError(e, op);
    }
  }

  /** `fs.existsSync`: never throws. */
  existsSync(path: string): boolean {
    if (typeof path !== 'string' || path.includes('\u0000')) return false;
    try {
      return this.root.with(path, FOLLOW, (e) => e.fd !== undefined);
    } catch {
      return false;
    }
  }

  /** `fs.accessSync` (checked against the real file as this host process). */
  accessSync(path: string, mode?: number): void {
    const op = { syscall: 'access', path };
    this.at(op, path, FOLLOW, (e) => fs.accessSync(fdPath(exists(e, op).fd), mode));
  }

  /** `fs.realpathSync`: the canonical GUEST path. */
  realpathSync(path: string, options?: fs.EncodingOption | { encoding: 'buffer' } | BufferEncoding | 'buffer'): string | Buffer {
    const guest = (() => {
      try {
        return this.root.with(path, FOLLOW, (e) => {
          if (e.fd === undefined) throw e.link === undefined ? new PathError('ENOENT', e.guest) : new PathError('ENOENT', e.link, true);
          return e.guest;
        });
      } catch (e) {
        // Node's realpath lstats each component and stats each link: it names the link whose target
        // fails, else the component that failed, as an absolute path.
        if (e instanceof PathError) throw guestError({ code: e.code, syscall: e.viaLink ? 'stat' : 'lstat', path: e.at });
        throw opError(e, { syscall: 'lstat', path });
      }
    })();
    const encoding = typeof options === 'string' ? options : options?.encoding;
    if (encoding === 'buffer') return nameBuffer(guest);
    return encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? nameBuffer(guest).toString(encoding) : guest;
  }

  /** `fs.readlinkSync`: the link's text as stored. */
  readlinkSync(path: string, options?: fs.EncodingOption | { encoding: 'buffer' } | BufferEncoding | 'buffer'): string | Buffer {
    const op = { syscall: 'readlink', path };
    return this.at(op, path, NOFOLLOW, (e) => {
      exists(e, op);
      if (e.mustDir) throw new PathError('EINVAL', e.guest);
      const encoding = typeof options === 'string' ? options : options?.encoding;
      return fromHostName(fs.readlinkSync(inDir(e.dir, e.name), 'buffer'), encoding);
    });
  }

  /** `fs.symlinkSync`: stores `target` as given (it is resolved only when used, inside the mount). */
  symlinkSync(target: string, path: string, _type?: string | null): void {
    const op = { syscall: 'symlink', path: target, dest: path };
    this.#refuseSlash(op, path);
    this.at(op, path, NOFOLLOW, (e) => {
      if (e.isRoot) throw new PathError('EEXIST', e.guest);
      fs.symlinkSync(hostName(target), inDir(e.dir, e.name));
    });
  }

  /** `fs.linkSync`: a hard link; `existingPath` is not followed (as Linux does). */
  linkSync(existingPath: string, newPath: string): void {
    const op = { syscall: 'link', path: existingPath, dest: newPath };
    this.#refuseSlash(op, newPath);
    this.at(op, existingPath, NOFOLLOW, (from) => {
      exists(from, op);
      this.at(op, newPath, NOFOLLOW, (to) => {
        if (to.isRoot) throw new PathError('EEXIST', to.guest);
        fs.linkSync(inDir(from.dir, from.name), inDir(to.dir, to.name));
      });
    });
  }

  /** `symlink` and `link` into `x/`: EEXIST when `x` exists, else ENOENT (as Linux answers). */
  #refuseSlash(op: OpName, path: string): void {
    if (!hasTrailingSlash(path)) return;
    const code = this.existsSync(path.replace(/\/+$/, '')) ? 'EEXIST' : 'ENOENT';
    throw guestError({ code, ...op });
  }

  /** `fs.renameSync`: neither path is followed; both stay inside the mount. */
  renameSync(oldPath: string, newPath: string): void {
    const op = { syscall: 'rename', path: oldPath, dest: newPath };
    this.at(op, oldPath, NOFOLLOW, (from) => {
      const found = exists(from, op);
      if (found.mustDir && found.viaLink) throw new PathError('ENOTDIR', from.guest);
      this.at(op, newPath, NOFOLLOW, (to) => {
        if (from.isRoot || to.isRoot) throw new PathError('EBUSY', to.guest);
        if (to.mustDir && !found.stat.isDirectory()) throw new PathError('ENOTDIR', to.guest);
        fs.renameSync(inDir(from.dir, from.name), inDir(to.dir, to.name));
      });
    });
  }

  /** `fs.unlinkSync`. */
  unlinkSync(path: string): void {
    const op = { syscall: 'unlink', path };
    this.at(op, path, NOFOLLOW, (e) => {
      const found = exists(e, op);
      if (found.mustDir) throw new PathError(found.viaLink ? 'ENOTDIR' : 'EISDIR', e.guest);
      if (e.isRoot) throw new PathError('EISDIR', e.guest);
      fs.unlinkSync(inDir(e.dir, e.name));
    });
  }

  /** `fs.rmdirSync` without `recursive`. */
  protected rmdirOne(path: string): void {
    const op = { syscall: 'rmdir', path };
    this.at(op, path, NOFOLLOW, (e) => {
      const found = exists(e, op);
      if (found.mustDir && found.viaLink) throw new PathError('ENOTDIR', e.guest);
      if (e.isRoot) throw new PathError('EBUSY', e.guest);
      fs.rmdirSync(inDir(e.dir, e.name));
    });
  }

  /** `fs.utimesSync` (follows symlinks). */
  utimesSync(path: string, atime: fs.TimeLike, mtime: fs.TimeLike): void {
    const op = { syscall: 'utime', path };
    this.at(op, path, FOLLOW, (e) => fs.utimesSync(fdPath(exists(e, op).fd), atime, mtime));
  }

  /** `fs.lutimesSync` (a symlink's own times). */
  lutimesSync(path: string, atime: fs.TimeLike, mtime: fs.TimeLike): void {
    const op = { syscall: 'lutime', path };
    this.at(op, path, NOFOLLOW, (e) => {
      exists(e, op);
      fs.lutimesSync(inDir(e.dir, e.name), atime, mtime);
    });
  }

  /** `fs.chmodSync` (follows symlinks). */
  chmodSync(path: string, mode: fs.Mode): void {
    const op = { syscall: 'chmod', path };
    this.at(op, path, FOLLOW, (e) => fs.chmodSync(fdPath(exists(e, op).fd), mode));
  }

  /** `fs.chownSync` (follows symlinks). */
  chownSync(path: string, uid: number, gid: number): void {
    const op = { syscall: 'chown', path };
    this.at(op, path, FOLLOW, (e) => fs.chownSync(fdPath(exists(e, op).fd), uid, gid));
  }

  /** `fs.lchownSync` (a symlink itself). */
  lchownSync(path: string, uid: number, gid: number): void {
    const op = { syscall: 'lchown', path };
    this.at(op, path, NOFOLLOW, (e) => {
      exists(e, op);
      fs.lchownSync(inDir(e.dir, e.name), uid, gid);
    });
  }

  /** `fs.truncateSync`: opens `r+` (errors say `open`), then truncates (errors say `ftruncate`). */
  truncateSync(path: string, len?: number): void {
    const host = openPath(this.root, path, toFlags('r+'));
    try {
      fs.ftruncateSync(host, len);
    } catch (e) {
      throw toGuest(e, { syscall: 'ftruncate' });
    } finally {
      fs.closeSync(host);
    }
  }
}

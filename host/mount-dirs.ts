import * as fs from 'node:fs';
import { randomInt } from 'node:crypto';
import { posix } from 'node:path';
import { guestError, rmIsDirectory, systemCode, toGuest } from './mount-errors.js';
import { opError, type OpName } from './mount-paths.js';
import { fdPath, inDir, O_PATH, PathError, type Entry, type Lookup, type MountRoot } from './mount-walk.js';

/** Directory operations on a mounted directory: readdir, mkdir (-p), rm -r, mkdtemp. */

const FOLLOW: Lookup = { follow: true };
const NOFOLLOW: Lookup = { follow: false };
const { O_NOFOLLOW, O_DIRECTORY } = fs.constants;

/** Options of `readdirSync`, as node:fs takes them. */
export interface ReaddirOptions {
  encoding?: BufferEncoding | 'buffer' | null;
  withFileTypes?: boolean;
  recursive?: boolean;
}

function at<T>(root: MountRoot, op: OpName, path: string, lookup: Lookup, fn: (e: Entry) => T): T {
  try {
    return root.with(path, lookup, fn);
  } catch (e) {
    throw opError(e, op);
  }
}

type Listing = string[] | Buffer[] | fs.Dirent[];

/** One directory's names (or Dirents, whose `path`/`parentPath` are the guest's `path`). */
function listOne(root: MountRoot, path: string, options: ReaddirOptions): Listing {
  const op = { syscall: 'scandir', path };
  return at(root, op, path, FOLLOW, (e) => {
    if (e.fd === undefined) throw new PathError('ENOENT', e.guest);
    const read = fs.readdirSync as (path: string, options: object) => Listing;
    const list = read(fdPath(e.fd), { encoding: options.encoding ?? 'utf8', withFileTypes: options.withFileTypes === true });
    if (options.withFileTypes === true) {
      for (const d of list as fs.Dirent[]) Object.assign(d, { parentPath: path, path });
    }
    return list;
  });
}

/** The longest path the kernel would take (PATH_MAX): a recursive listing through a link to `..` ends here, as in Node. */
const PATH_MAX = 4096;

function isDirectory(root: MountRoot, path: string): boolean {
  if (Buffer.byteLength(path) >= PATH_MAX) return false;
  try {
    return root.with(path, FOLLOW, (e) => e.stat?.isDirectory() === true);
  } catch {
    return false;
  }
}

/** `fs.readdirSync`, including `withFileTypes`, `encoding` and `recursive` (Node's order and rules). */
export function readdir(root: MountRoot, path: string, options?: ReaddirOptions | BufferEncoding | 'buffer' | null): Listing {
  const opts: ReaddirOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
  if (opts.recursive !== true) return listOne(root, path, opts);
  // Node's readdirSyncRecursive: names recurse into what stat calls a directory (links followed),
  // Dirents into what the Dirent calls one (links not followed).
  const results: Array<string | Buffer | fs.Dirent> = [];
  const queue = [path];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i]!;
    for (const item of listOne(root, dir, opts)) {
      results.push(item);
      if (typeof item === 'object' && !Buffer.isBuffer(item)) {
        if (item.isDirectory()) queue.push(posix.join(dir, item.name));
        continue;
      }
      const child = posix.join(dir, String(item));
      results[results.length - 1] = posix.relative(path, child);
      if (isDirectory(root, child)) queue.push(child);
    }
  }
  return results as Listing;
}

/** Mode argument of mkdir: a number or an octal string. */
function parseMode(mode: unknown, fallback: number): number {
  if (mode === undefined || mode === null) return fallback;
  return typeof mode === 'string' ? parseInt(mode, 8) : (mode as number);
}

/** mkdir of one guest path; answers the error code instead of throwing it (mkdir -p needs the code). */
function tryMkdir(root: MountRoot, path: string, mode: number): string | undefined {
  try {
    root.with(path, NOFOLLOW, (e) => {
      if (e.fd !== undefined && e.name === '.') throw new PathError('EEXIST', e.guest);
      fs.mkdirSync(inDir(e.dir, e.name), mode);
    });
    return undefined;
  } catch (e) {
    const code = e instanceof PathError ? e.code : systemCode(e);
    if (code === undefined) throw e;
    return code;
  }
}

/** `fs.mkdirSync(path, mode | { recursive, mode })`: with `recursive`, the first directory created. */
export function mkdir(root: MountRoot, path: string, options?: fs.MakeDirectoryOptions | fs.Mode | null): string | undefined {
  const recursive = typeof options === 'object' && options !== null && options.recursive === true;
  const mode = parseMode(typeof options === 'object' && options !== null ? options.mode : options, 0o777);
  if (!recursive) {
    const code = tryMkdir(root, path, mode);
    if (code !== undefined) throw guestError({ code, syscall: 'mkdir', path });
    return undefined;
  }
  return mkdirp(root, path, mode);
}

/** Node's MKDirpSync (src/node_file.cc), step for step, over confined single mkdirs. */
function mkdirp(root: MountRoot, path: string, mode: number): string | undefined {
  const fail = (code: string) => guestError({ code, syscall: 'mkdir', path });
  const stack = [path];
  let first: string | undefined;
  for (let steps = 0; stack.length > 0; steps++) {
    if (steps > 10_000) throw fail('ENOENT');
    const next = stack.pop()!;
    let err = tryMkdir(root, next, mode);
    if (err === undefined) {
      first ??= next;
      continue;
    }
    if (err === 'EACCES' || err === 'ENOSPC' || err === 'ENOTDIR' || err === 'EPERM') throw fail(err);
    if (err === 'ENOENT') {
      const cut = next.lastIndexOf('/');
      const dirname = cut < 0 ? next : next.slice(0, cut);
      if (dirname !== next) {
        stack.push(next, dirname);
        continue;
      }
      if (stack.length > 0) continue;
      err = 'EEXIST';
    }
    const st = statOf(root, next);
    if (typeof st === 'string') throw fail(st);
    if (!st.isDirectory()) throw fail(err === 'EEXIST' && stack.length > 0 ? 'ENOTDIR' : 'EEXIST');
  }
  return first;
}

function statOf(root: MountRoot, path: string, lookup: Lookup = FOLLOW): fs.Stats | string {
  try {
    return root.with(path, lookup, (e) => e.stat ?? 'ENOENT');
  } catch (e) {
    const code = e instanceof PathError ? e.code : systemCode(e);
    if (code === undefined) throw e;
    return code;
  }
}

/** Options of `rmSync` (and `rmdirSync`'s deprecated `recursive`). */
export interface RmOptions {
  force?: boolean;
  recursive?: boolean;
  maxRetries?: number;
  retryDelay?: number;
}

/** `fs.rmSync`: Node 20's checks (lstat, ERR_FS_EISDIR), then a removal that never leaves the mount. */
export function rm(root: MountRoot, path: string, options: RmOptions = {}): void {
  const force = options.force === true;
  const recursive = options.recursive === true;
  if (!force || !recursive) {
    const st = statOf(root, path, NOFOLLOW);
    if (typeof st === 'string') {
      if (!(force && st === 'ENOENT')) throw guestError({ code: st, syscall: 'lstat', path });
    } else if (st.isDirectory() && !recursive) throw rmIsDirectory(path);
  }
  removeTree(root, path);
}

/** `fs.rmdirSync(path, { recursive: true })` (deprecated in Node, still honoured): lstat, then rm -r. */
export function rmdirRecursive(root: MountRoot, path: string): boolean {
  const st = statOf(root, path, NOFOLLOW);
  if (typeof st === 'string') throw guestError({ code: st, syscall: 'lstat', path });
  if (!st.isDirectory()) return false;
  removeTree(root, path);
  return true;
}

/**
 * Node's rimraf over pinned descriptors: each directory is opened (O_NOFOLLOW) before it is listed,
 * and its children are removed by name inside that descriptor, so a directory swapped for a symlink
 * mid-way is never descended into.
 */
function removeTree(root: MountRoot, path: string): void {
  try {
    root.with(path, NOFOLLOW, (e) => {
      if (e.fd === undefined) return;
      // Node's rimraf tries rmdir('/') first, which answers EBUSY: nothing is removed.
      if (e.isRoot) throw new PathError('EBUSY', e.guest);
      const base = Buffer.from(inDir(e.dir, ''));
      removeChild(base, Buffer.from(e.name), e.stat!.isDirectory(), e.guest);
    });
  } catch (e) {
    throw opError(e, { syscall: 'rmdir', path });
  }
}

/** Removes `name` inside the directory whose `/proc/self/fd/N/` path is `base`. */
function removeChild(base: Buffer, name: Buffer, isDir: boolean, guest: string): void {
  const target = Buffer.concat([base, name]);
  if (!isDir) {
    try {
      fs.unlinkSync(target);
      return;
    } catch (e) {
      const code = systemCode(e);
      if (code === 'ENOENT') return;
      if (code !== 'EISDIR') throw toGuest(e, { syscall: 'unlink', path: guest });
    }
  }
  try {
    fs.rmdirSync(target);
    return;
  } catch (e) {
    const code = systemCode(e);
    if (code === 'ENOENT') return;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw toGuest(e, { syscall: 'rmdir', path: guest });
  }
  let fd: number;
  try {
    fd = fs.openSync(target, O_PATH | O_NOFOLLOW | O_DIRECTORY);
  } catch (e) {
    throw toGuest(e, { syscall: 'rmdir', path: guest });
  }
  try {
    const inner = Buffer.from(inDir(fd, ''));
    for (const child of fs.readdirSync(fdPath(fd), { encoding: 'buffer' })) {
      let isDir: boolean;
      try {
        isDir = fs.lstatSync(Buffer.concat([inner, child])).isDirectory();
      } catch (e) {
        if (systemCode(e) === 'ENOENT') continue;
        throw toGuest(e, { syscall: 'lstat', path: `${guest}/${child.toString()}` });
      }
      removeChild(inner, child, isDir, `${guest}/${child.toString()}`);
    }
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.rmdirSync(target);
  } catch (e) {
    if (systemCode(e) !== 'ENOENT') throw toGuest(e, { syscall: 'rmdir', path: guest });
  }
}

const TEMPLATE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `fs.mkdtempSync(prefix, options)`: `prefix` plus six random characters, mode 0700. */
export function mkdtemp(root: MountRoot, prefix: string, options?: { encoding?: BufferEncoding | 'buffer' | null } | BufferEncoding | 'buffer' | null): string | Buffer {
  const op = { syscall: 'mkdtemp', path: `${prefix}XXXXXX` };
  const cut = prefix.lastIndexOf('/');
  const dir = prefix.slice(0, cut + 1) || '/';
  const base = prefix.slice(cut + 1);
  const made = at(root, op, dir, FOLLOW, (e) => {
    if (e.fd === undefined) throw new PathError('ENOENT', e.guest);
    if (!e.stat!.isDirectory()) throw new PathError('ENOTDIR', e.guest);
    for (let attempt = 0; ; attempt++) {
      let suffix = '';
      for (let i = 0; i < 6; i++) suffix += TEMPLATE[randomInt(TEMPLATE.length)];
      try {
        fs.mkdirSync(inDir(e.fd, base + suffix), 0o700);
        return prefix + suffix;
      } catch (err) {
        if (systemCode(err) !== 'EEXIST' || attempt >= 100) throw err;
      }
    }
  });
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding === 'buffer' ? Buffer.from(made) : made;
}

import * as fs from 'node:fs';
import { statOf } from './dirs.js';
import { guestError, rmIsDirectory, systemCode, toGuest } from './errors.js';
import { opError } from './paths.js';
import { fdPath, inDir, O_PATH, PathError, type Lookup } from './walk.js';
import type { MountRoot } from './root.js';

/**
 * Recursive removal on a mounted directory: Node's rimraf, over pinned descriptors. Each directory
 * is opened (O_NOFOLLOW) before it is listed and its children are removed by name inside that
 * descriptor, so a directory swapped for a symlink half-way is never descended into, and nothing
 * but names inside the mount is ever removed.
 */

const NOFOLLOW: Lookup = { follow: false };
const { O_NOFOLLOW, O_DIRECTORY } = fs.constants;

/** Options of `rmSync` (and `rmdirSync`'s deprecated `recursive`). */
export interface RmOptions {
  force?: boolean;
  recursive?: boolean;
  maxRetries?: number;
  retryDelay?: number;
}

/** `fs.rmSync`: Node 20's checks (lstat, ERR_FS_EISDIR), then the removal. */
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

function removeTree(root: MountRoot, path: string): void {
  try {
    root.with(path, NOFOLLOW, (e) => {
      if (e.fd === undefined) return;
      // Node's rimraf tries rmdir('/') first, which answers EBUSY: nothing is removed.
      if (e.isRoot) throw new PathError('EBUSY', e.guest);
      removeChild(Buffer.from(inDir(e.dir, '')), Buffer.from(e.name), e.stat!.isDirectory(), e.guest);
    });
  } catch (e) {
    throw opError(e, { syscall: 'rmdir', path });
  }
}

/** Removes `name` inside the directory whose `/proc/self/fd/N/` path is `base`. */
function removeChild(base: Buffer, name: Buffer, isDir: boolean, guest: string): void {
  const target = Buffer.concat([base, name]);
  if (removeOnce(target, isDir, guest)) return;
  emptyDirectory(target, guest);
  try {
    fs.rmdirSync(target);
  } catch (e) {
    if (systemCode(e) !== 'ENOENT') throw toGuest(e, { syscall: 'rmdir', path: guest });
  }
}

/** unlink (a directory: rmdir); true when `target` is gone, false when it is a directory with entries. */
function removeOnce(target: Buffer, isDir: boolean, guest: string): boolean {
  if (!isDir) {
    try {
      fs.unlinkSync(target);
      return true;
    } catch (e) {
      const code = systemCode(e);
      if (code === 'ENOENT') return true;
      if (code !== 'EISDIR') throw toGuest(e, { syscall: 'unlink', path: guest });
    }
  }
  try {
    fs.rmdirSync(target);
    return true;
  } catch (e) {
    const code = systemCode(e);
    if (code === 'ENOENT') return true;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw toGuest(e, { syscall: 'rmdir', path: guest });
    return false;
  }
}

/** Removes every entry of directory `target`, which is opened first and never followed. */
function emptyDirectory(target: Buffer, guest: string): void {
  let fd: number;
  try {
    fd = fs.openSync(target, O_PATH | O_NOFOLLOW | O_DIRECTORY);
  } catch (e) {
    throw toGuest(e, { syscall: 'rmdir', path: guest });
  }
  try {
    const inner = Buffer.from(inDir(fd, ''));
    for (const child of fs.readdirSync(fdPath(fd), { encoding: 'buffer' })) {
      const childGuest = `${guest}/${child.toString()}`;
      let isDir: boolean;
      try {
        isDir = fs.lstatSync(Buffer.concat([inner, child])).isDirectory();
      } catch (e) {
        if (systemCode(e) === 'ENOENT') continue;
        throw toGuest(e, { syscall: 'lstat', path: childGuest });
      }
      removeChild(inner, child, isDir, childGuest);
    }
  } finally {
    fs.closeSync(fd);
  }
}

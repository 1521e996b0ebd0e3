import { posix } from 'node:path';
import type { Vfs } from '../../vfs/index.js';
import { encodeName, type NameEncoding } from './args.js';
import { asSyscall, locate, lstatOf, PathError, statAt, sysError, type Located } from './lookup.js';

/** Where a new name may be created (symlink, link): `.`/`..`/`/` and existing names are EEXIST; `new/` is ENOENT. */
function creatable(vfs: Vfs, given: string): Located {
  const at = locate(vfs, given);
  if (at.name === '' || at.name === '.' || at.name === '..') throw new PathError('EEXIST');
  if (lstatOf(vfs, at.path) !== undefined) throw new PathError('EEXIST');
  if (at.slash) throw new PathError('ENOENT');
  return at;
}

/** symlink(2). Node reports the target as `path` and the new link as `dest`. */
export function symlinkAt(vfs: Vfs, target: string, given: string): void {
  asSyscall('symlink', target, given, () => {
    if (target === '') throw new PathError('ENOENT');
    vfs.symlinkSync(target, creatable(vfs, given).path);
  });
}

/** readlink(2): EINVAL for anything that is not a symlink. */
export function readlinkAt(vfs: Vfs, given: string, encoding: NameEncoding): string | Uint8Array {
  return asSyscall('readlink', given, undefined, () => {
    if (given.endsWith('/')) {
      // The slash follows the link: what is left is a directory (EINVAL) or not one (ENOTDIR).
      statAt(vfs, given);
      throw new PathError('EINVAL');
    }
    const at = locate(vfs, given);
    const st = lstatOf(vfs, at.path);
    if (st === undefined) throw new PathError('ENOENT');
    if (!st.isSymbolicLink()) throw new PathError('EINVAL');
    return encodeName(String(vfs.readlinkSync(at.path)), encoding);
  });
}

/** link(2): the existing path is not followed; directories are EPERM (after the new name is checked). */
export function linkAt(vfs: Vfs, existing: string, given: string): void {
  asSyscall('link', existing, given, () => {
    const from = existing.endsWith('/') ? { path: statAt(vfs, existing).path } : locate(vfs, existing);
    const st = lstatOf(vfs, from.path);
    if (st === undefined) throw new PathError('ENOENT');
    const to = creatable(vfs, given);
    if (st.isDirectory()) throw new PathError('EPERM');
    vfs.linkSync(from.path, to.path);
  });
}

/**
 * Node's JavaScript realpath (fs.realpathSync, fs.realpath): resolves `.`/`..` lexically first, then
 * replaces each symlink by its target. Errors name the absolute path being looked at, with syscall
 * `lstat` (or `stat` for a link that leads nowhere), exactly as lib/fs.js does.
 */
function realpathJs(vfs: Vfs, given: string): string {
  let p = posix.resolve('/', given);
  const seen = new Map<string, string>();
  const known = new Set<string>();
  let current = '/';
  let pos = 1;
  while (pos < p.length) {
    const next = p.indexOf('/', pos);
    const previous = current;
    const end = next === -1 ? p.length : next;
    const base = previous + p.slice(pos, end);
    current = next === -1 ? base : `${base}/`;
    pos = end + 1;
    if (known.has(base)) continue;
    const st = asSyscall('lstat', base, undefined, () => {
      const s = lstatOf(vfs, base);
      if (s === undefined) throw new PathError('ENOENT');
      return s;
    });
    if (!st.isSymbolicLink()) {
      known.add(base);
      continue;
    }
    const id = `${st.dev}:${st.ino}`;
    let target = seen.get(id);
    if (target === undefined) {
      asSyscall('stat', base, undefined, () => statAt(vfs, base));
      target = String(vfs.readlinkSync(base));
      seen.set(id, target);
    }
    p = posix.resolve(posix.resolve(previous, target), p.slice(pos));
    current = '/';
    pos = 1;
  }
  return p;
}

/** realpath: Node's JavaScript walk, or (native) realpath(3), whose errors name the path as given. */
export function realpathAt(vfs: Vfs, given: string, encoding: NameEncoding, native: boolean): string | Uint8Array {
  if (!native) return encodeName(realpathJs(vfs, given), encoding);
  return asSyscall('realpath', given, undefined, () => encodeName(statAt(vfs, given).path, encoding));
}

/** The characters glibc's mkdtemp(3) draws its six-character suffix from. */
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function suffix(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += SUFFIX[Math.floor(Math.random() * SUFFIX.length)];
  return s;
}

/**
 * mkdtemp(3): a new directory named `prefix` + six random characters, mode 0700. A failure names the
 * template (`prefixXXXXXX`) in the sync form and the name tried in the async forms (libuv's request
 * path, which mkdtemp(3) filled in).
 */
export function mkdtempAt(vfs: Vfs, prefix: string, encoding: NameEncoding, async: boolean): string | Uint8Array {
  // Node 20 hands libuv a template one X short when the prefix is empty, and the call fails.
  if (prefix === '') throw sysError('EINVAL', 'mkdtemp', 'XXXXX');
  for (let attempt = 0; attempt < 100; attempt++) {
    const name = prefix + suffix();
    const made = asSyscall('mkdtemp', async ? name : `${prefix}XXXXXX`, undefined, () => {
      const at = locate(vfs, name);
      if (lstatOf(vfs, at.path) !== undefined) return false;
      vfs.mkdirSync(at.path, { mode: 0o700 & ~process.umask() });
      return true;
    });
    if (made) return encodeName(name, encoding);
  }
  throw sysError('EEXIST', 'mkdtemp', `${prefix}XXXXXX`);
}

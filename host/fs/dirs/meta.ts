import type { Vfs } from '../../vfs/index.js';
import { asSyscall, lstatAt, PathError, statAt } from './lookup.js';

/**
 * Metadata changes: chmod, chown, lchown, utimes, lutimes. Each resolves the path as the kernel
 * does (symlinks followed, or not for the l- forms; a trailing slash wants a directory) and names
 * the syscall Node names (`utime`, `lutime` for the times).
 */

interface Times {
  atimeMs: number;
  mtimeMs: number;
}

/**
 * Runs a chmod or chown and keeps the entry's atime and mtime: the kernel moves only the ctime,
 * memfs moves the mtime too, so there the times are put back (a Vfs that keeps them pays one stat).
 */
export function keepingTimes(before: Times, change: () => void, now: () => Times, restore: (atime: number, mtime: number) => void): void {
  change();
  const after = now();
  if (after.mtimeMs !== before.mtimeMs || after.atimeMs !== before.atimeMs) restore(before.atimeMs / 1000, before.mtimeMs / 1000);
}

/** chmod(2): only the permission bits (07777) of `mode` count. */
export function chmodAt(vfs: Vfs, given: string, mode: number): void {
  asSyscall('chmod', given, undefined, () => {
    const { path, stats } = statAt(vfs, given);
    keepingTimes(stats, () => vfs.chmodSync(path, mode & 0o7777), () => vfs.statSync(path), (a, m) => vfs.utimesSync(path, a, m));
  });
}

/**
 * Whether the host's user may give an entry owned by `stats.uid` this owner and group (fs/attr.c
 * chown_ok, chgrp_ok): root may; anyone else only keeps the owner and picks one of their groups.
 */
export function mayChown(stats: { uid: number; gid: number }, uid: number, gid: number): boolean {
  const me = process.getuid?.() ?? 0;
  if (me === 0) return true;
  const owner = stats.uid === me;
  if (uid !== -1 && !(owner && uid === stats.uid)) return false;
  const groups = [process.getgid?.() ?? -1, ...(process.getgroups?.() ?? [])];
  return gid === -1 || (owner && (gid === stats.gid || groups.includes(gid)));
}

/** chown(2) / lchown(2); -1 keeps the current owner or group. EPERM as the kernel says it to the host's user. */
export function chownAt(vfs: Vfs, given: string, uid: number, gid: number, followLinks: boolean): void {
  const syscall = followLinks ? 'chown' : 'lchown';
  asSyscall(syscall, given, undefined, () => {
    const { path, stats } = followLinks ? statAt(vfs, given) : lstatAt(vfs, given);
    if (!mayChown(stats, uid, gid)) throw new PathError('EPERM');
    const owner = uid === -1 ? stats.uid : uid;
    const group = gid === -1 ? stats.gid : gid;
    if (followLinks) keepingTimes(stats, () => vfs.chownSync(path, owner, group), () => vfs.statSync(path), (a, m) => vfs.utimesSync(path, a, m));
    else keepingTimes(stats, () => vfs.lchownSync(path, owner, group), () => vfs.lstatSync(path), (a, m) => vfs.lutimesSync(path, a, m));
  });
}

/** utimes / lutimes: times in seconds (fractions kept). */
export function utimesAt(vfs: Vfs, given: string, atime: number, mtime: number, followLinks: boolean): void {
  const syscall = followLinks ? 'utime' : 'lutime';
  asSyscall(syscall, given, undefined, () => {
    // utimensat(2) checks the times before it looks at the path.
    if (Number.isNaN(atime) || Number.isNaN(mtime)) throw new PathError('EINVAL');
    if (followLinks) vfs.utimesSync(statAt(vfs, given).path, atime, mtime);
    else vfs.lutimesSync(lstatAt(vfs, given).path, atime, mtime);
  });
}

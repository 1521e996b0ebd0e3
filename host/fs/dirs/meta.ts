import type { Vfs } from '../../vfs/index.js';
import { asSyscall, lstatAt, PathError, statAt } from './lookup.js';

/**
 * Metadata changes: chmod, chown, lchown, utimes, lutimes. Each resolves the path as the kernel
 * does (symlinks followed, or not for the l- forms; a trailing slash wants a directory) and names
 * the syscall Node names (`utime`, `lutime` for the times).
 */

/** chmod(2): only the permission bits (07777) of `mode` count. */
export function chmodAt(vfs: Vfs, given: string, mode: number): void {
  asSyscall('chmod', given, undefined, () => vfs.chmodSync(statAt(vfs, given).path, mode & 0o7777));
}

/**
 * Whether the host's user may give an entry owned by `stats.uid` this owner and group (fs/attr.c
 * chown_ok, chgrp_ok): root may; anyone else only keeps the owner and picks one of their groups.
 */
function mayChown(stats: { uid: number; gid: number }, uid: number, gid: number): boolean {
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
    if (followLinks) vfs.chownSync(path, owner, group);
    else vfs.lchownSync(path, owner, group);
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

import type { Vfs, VfsEntryStats } from '../../vfs/index.js';
import { isEmptyDir } from './list.js';
import { asSyscall, follow, locate, lstatOf, PathError, statAt } from './lookup.js';

/** `inner` lies strictly below directory `outer`. */
function isBelow(outer: string, inner: string): boolean {
  return inner.startsWith(outer === '/' ? '/' : `${outer}/`) && inner !== outer;
}

function sameEntry(a: VfsEntryStats, b: VfsEntryStats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

/** The checks rename(2) makes on an existing destination (fs/namei.c, in the kernel's order). */
function checkReplace(vfs: Vfs, from: string, to: string, source: VfsEntryStats, target: VfsEntryStats): boolean {
  if (isBelow(to, from)) throw new PathError('ENOTEMPTY');
  if (sameEntry(source, target)) return false;
  if (source.isDirectory() && !target.isDirectory()) throw new PathError('ENOTDIR');
  if (!source.isDirectory() && target.isDirectory()) throw new PathError('EISDIR');
  if (target.isDirectory() && !isEmptyDir(vfs, to)) throw new PathError('ENOTEMPTY');
  return true;
}

/**
 * rename(2). memfs renames a directory into itself, a file over a directory and a directory over a
 * file; Linux answers EINVAL, EISDIR and ENOTDIR, and EBUSY for `.`, `..` and `/`.
 */
export function renameAt(vfs: Vfs, oldGiven: string, newGiven: string): void {
  asSyscall('rename', oldGiven, newGiven, () => {
    const from = locate(vfs, oldGiven);
    const to = locate(vfs, newGiven);
    const special = (n: string) => n === '' || n === '.' || n === '..';
    if (special(from.name) || special(to.name)) throw new PathError('EBUSY');
    const source = lstatOf(vfs, from.path);
    if (source === undefined) throw new PathError('ENOENT');
    if (!source.isDirectory() && (from.slash || to.slash)) throw new PathError('ENOTDIR');
    if (isBelow(from.path, to.path)) throw new PathError('EINVAL');
    const target = lstatOf(vfs, to.path);
    if (target !== undefined) {
      if (!checkReplace(vfs, from.path, to.path, source, target)) return;
      // memfs will not rename over an existing entry: remove it first (it was checked replaceable).
      if (target.isDirectory()) vfs.rmdirSync(to.path);
      else vfs.unlinkSync(to.path);
    }
    if (source.isSymbolicLink()) {
      // memfs renames what a symlink points to; moving a link is making it anew and dropping the old name.
      vfs.symlinkSync(String(vfs.readlinkSync(from.path)), to.path);
      vfs.unlinkSync(from.path);
      return;
    }
    vfs.renameSync(from.path, to.path);
  });
}

/** fs.constants.COPYFILE_* bits. */
const COPYFILE_EXCL = 1;
const COPYFILE_FICLONE_FORCE = 4;

/** Where copyFile's open(dest, O_WRONLY | O_CREAT [| O_EXCL]) lands; throws what open(2) would. */
function openDest(vfs: Vfs, dest: string, exclusive: boolean): string {
  const at = locate(vfs, dest);
  const existing = lstatOf(vfs, at.path);
  if (at.slash) throw new PathError(existing === undefined || existing.isDirectory() ? 'EISDIR' : 'ENOTDIR');
  if (exclusive && existing !== undefined) throw new PathError('EEXIST');
  const target = existing?.isSymbolicLink() ? follow(vfs, dest) : at.path;
  if (lstatOf(vfs, target)?.isDirectory()) throw new PathError('EISDIR');
  return target;
}

/**
 * copyFile as libuv does it: open the source, open (create) the destination, then copy. A failure
 * after the destination was opened removes the destination name, as libuv does: copying a
 * directory, or FICLONE_FORCE on a filesystem without reflinks (ENOTSUP), deletes what was there.
 */
export function copyFileAt(vfs: Vfs, src: string, dest: string, mode: number): void {
  asSyscall('copyfile', src, dest, () => {
    const source = statAt(vfs, src);
    const target = openDest(vfs, dest, (mode & COPYFILE_EXCL) !== 0);
    const existing = lstatOf(vfs, target);
    if ((mode & COPYFILE_EXCL) === 0 && existing !== undefined && sameEntry(existing, source.stats)) return;
    const failure = source.stats.isDirectory() ? 'EISDIR' : (mode & COPYFILE_FICLONE_FORCE) !== 0 ? 'ENOTSUP' : undefined;
    if (failure !== undefined) {
      vfs.writeFileSync(target, new Uint8Array(0), { mode: source.stats.mode & 0o7777 });
      vfs.unlinkSync(locate(vfs, dest).path);
      throw new PathError(failure);
    }
    vfs.copyFileSync(source.path, target);
    vfs.chmodSync(target, source.stats.mode & 0o7777);
  });
}

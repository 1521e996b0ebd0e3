import { bytesToName } from '../../../bridge/names/index.js';
import { BridgeCallError } from '../../dispatcher/errors.js';
import type { Vfs } from '../../vfs/index.js';
import { isEmptyDir, scandir } from './list.js';
import { asSyscall, locate, lstatAt, lstatOf, PathError, statAt } from './lookup.js';

/** unlink(2): removes a file or symlink; a directory is EISDIR, as on Linux. */
export function unlinkAt(vfs: Vfs, given: string): void {
  asSyscall('unlink', given, undefined, () => {
    const at = locate(vfs, given);
    if (at.name === '' || at.name === '.' || at.name === '..') throw new PathError('EISDIR');
    const st = lstatOf(vfs, at.path);
    if (st === undefined) throw new PathError('ENOENT');
    if (st.isDirectory()) throw new PathError('EISDIR');
    // `file/` and `link-to-dir/`: the kernel does not follow the link and refuses the slash.
    if (at.slash) throw new PathError('ENOTDIR');
    vfs.unlinkSync(at.path);
  });
}

/** rmdir(2): `.` is EINVAL, `..` ENOTEMPTY, `/` EBUSY; a symlink (even to a directory) is ENOTDIR. */
export function rmdirAt(vfs: Vfs, given: string): void {
  asSyscall('rmdir', given, undefined, () => {
    const at = locate(vfs, given);
    if (at.name === '') throw new PathError('EBUSY');
    if (at.name === '.') throw new PathError('EINVAL');
    if (at.name === '..') throw new PathError('ENOTEMPTY');
    const st = lstatOf(vfs, at.path);
    if (st === undefined) throw new PathError('ENOENT');
    if (!st.isDirectory()) throw new PathError('ENOTDIR');
    if (!isEmptyDir(vfs, at.path)) throw new PathError('ENOTEMPTY');
    vfs.rmdirSync(at.path);
  });
}

/** The Node fs call that asked for a removal: each walks the tree slightly differently. */
export type RmVariant = 'rmSync' | 'rm' | 'rmdirSync' | 'rmdir' | 'rmdirPromise';
/** Every RmVariant, for checking what a guest sent. */
export const RM_VARIANTS: readonly RmVariant[] = ['rmSync', 'rm', 'rmdirSync', 'rmdir', 'rmdirPromise'];

function codeOf(e: unknown): string | undefined {
  return e instanceof BridgeCallError ? e.record.code : undefined;
}

const NOT_EMPTY = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM']);

function lstatDir(vfs: Vfs, given: string, syscall = 'lstat'): boolean {
  return asSyscall(syscall, given, undefined, () => (syscall === 'stat' ? statAt(vfs, given) : lstatAt(vfs, given)).stats.isDirectory());
}

function names(vfs: Vfs, given: string): string[] {
  return scandir(vfs, given).map((e) => bytesToName(e.name));
}

/** Node's rimrafSync (internal/fs/rimraf.js), over the Linux primitives above. */
function rimrafSync(vfs: Vfs, path: string): void {
  let dir: boolean | undefined;
  try {
    dir = lstatDir(vfs, path);
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return;
  }
  try {
    if (dir === true) rmdirSyncR(vfs, path, undefined);
    else unlinkSyncR(vfs, path);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') return;
    if (code !== 'EPERM' && code !== 'EISDIR') throw e;
    rmdirSyncR(vfs, path, e);
  }
}

function unlinkSyncR(vfs: Vfs, path: string): void {
  try {
    unlinkAt(vfs, path);
  } catch (e) {
    if (codeOf(e) !== 'ENOENT') throw e;
  }
}

function rmdirSyncR(vfs: Vfs, path: string, original: unknown): void {
  try {
    rmdirAt(vfs, path);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR' || !NOT_EMPTY.has(code ?? '')) throw original ?? e;
    for (const child of names(vfs, path)) rimrafSync(vfs, `${path}/${child}`);
    try {
      rmdirAt(vfs, path);
    } catch (e2) {
      if (codeOf(e2) !== 'ENOENT') throw e2;
    }
  }
}

/** Runs `work`, returning what it threw (the callback rimraf passes errors, it does not throw them). */
function caught(work: () => void): unknown {
  try {
    work();
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Node's callback rimraf: like rimrafSync, but a failed lstat still tries unlink, and ENOTDIR keeps the first error. */
function rimrafAsync(vfs: Vfs, path: string): unknown {
  const err = rimrafStep(vfs, path);
  return codeOf(err) === 'ENOENT' ? undefined : err;
}

function rimrafStep(vfs: Vfs, path: string): unknown {
  let dir = false;
  const lerr = caught(() => void (dir = lstatDir(vfs, path)));
  if (lerr !== undefined && codeOf(lerr) === 'ENOENT') return undefined;
  if (lerr === undefined && dir) return rmdirAsync(vfs, path, undefined);
  const err = caught(() => unlinkAt(vfs, path));
  const code = codeOf(err);
  if (code === 'ENOENT') return undefined;
  if (code === 'EISDIR' || code === 'EPERM') return rmdirAsync(vfs, path, err);
  return err;
}

function rmdirAsync(vfs: Vfs, path: string, original: unknown): unknown {
  const err = caught(() => rmdirAt(vfs, path));
  const code = codeOf(err);
  if (err === undefined) return undefined;
  if (NOT_EMPTY.has(code ?? '')) return rmChildren(vfs, path);
  return code === 'ENOTDIR' ? original : err;
}

function rmChildren(vfs: Vfs, path: string): unknown {
  let list: string[] = [];
  const err = caught(() => void (list = names(vfs, path)));
  if (err !== undefined) return err;
  for (const child of list) {
    const e = rimrafAsync(vfs, `${path}/${child}`);
    if (e !== undefined) return e;
  }
  return caught(() => rmdirAt(vfs, path));
}

function isDirError(path: string): BridgeCallError {
  return new BridgeCallError({ code: 'ERR_FS_EISDIR', name: 'Error', syscall: 'rm', path, message: `Path is a directory: rm returned EISDIR (is a directory) ${path}` });
}

function settleAsync(err: unknown): void {
  if (err !== undefined) throw err;
}

/**
 * fs.rm and recursive fs.rmdir, as each of Node's forms does them (internal/fs/utils.js
 * validateRmOptions*, internal/fs/rimraf.js). Directories without `recursive` are ERR_FS_EISDIR.
 */
export function remove(vfs: Vfs, path: string, recursive: boolean, force: boolean, variant: RmVariant): void {
  switch (variant) {
    case 'rmSync': {
      if (!force || !recursive) {
        let dir = false;
        const err = caught(() => void (dir = lstatDir(vfs, path)));
        if (err !== undefined && !(force && codeOf(err) === 'ENOENT')) throw err;
        if (dir && !recursive) throw isDirError(path);
      }
      return rimrafSync(vfs, path);
    }
    case 'rm': {
      let dir = false;
      const err = caught(() => void (dir = lstatDir(vfs, path)));
      if (err !== undefined && !(force && codeOf(err) === 'ENOENT')) throw err;
      if (dir && !recursive) throw isDirError(path);
      return settleAsync(rimrafAsync(vfs, path));
    }
    case 'rmdirSync':
      return lstatDir(vfs, path) ? rimrafSync(vfs, path) : rmdirAt(vfs, path);
    case 'rmdir':
      return lstatDir(vfs, path) ? settleAsync(rimrafAsync(vfs, path)) : rmdirAt(vfs, path);
    case 'rmdirPromise':
      return lstatDir(vfs, path, 'stat') ? settleAsync(rimrafAsync(vfs, path)) : rmdirAt(vfs, path);
    default:
      throw new Error(`unknown rm variant ${String(variant satisfies never)}`);
  }
}

import path from 'path-browserify';
import { cpError, eisdir } from './errors.js';

/**
 * Node 20's cp algorithm, written once as a generator of filesystem steps: `cpSync` runs each step
 * with the sync fs functions, `cp` and `fs.promises.cp` await them. The checks and their order are
 * Node's (the filter first, then src and dest stats, identical files, directory/non-directory
 * mismatches, a directory copied into itself, the destination's parents, then the copy by kind).
 */

/** What a step asks of the filesystem (the driver answers with the call's result). */
export type Step =
  | { op: 'filter'; src: string; dest: string }
  | { op: 'stat' | 'lstat'; path: string; bigint?: boolean; orNull?: boolean }
  | { op: 'exists'; path: string }
  | { op: 'mkdir'; path: string; recursive?: boolean }
  | { op: 'copyFile'; src: string; dest: string; mode: number }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'utimes'; path: string; atime: unknown; mtime: unknown }
  | { op: 'readlink' | 'unlink'; path: string }
  | { op: 'symlink'; target: string; path: string }
  | { op: 'list'; path: string };

/** The validated options (validateCpOptions). */
export interface CpOptions {
  dereference: boolean;
  errorOnExist: boolean;
  filter: ((src: string, dest: string) => unknown) | undefined;
  force: boolean;
  preserveTimestamps: boolean;
  recursive: boolean;
  verbatimSymlinks: boolean;
  mode: number;
}

interface StatLike {
  ino: number | bigint;
  dev: number | bigint;
  mode: number | bigint;
  atime?: unknown;
  mtime?: unknown;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isSocket(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

type Steps<T> = Generator<Step, T, unknown>;

/** Runs one step inside the generator: `const x = yield* ask(step)`. */
function* ask<T>(step: Step): Steps<T> {
  return (yield step) as T;
}

/** Node tests `ino && dev` too; the memory filesystem's device is 0, so only the inode must be set. */
function areIdentical(a: StatLike, b: StatLike): boolean {
  return Boolean(b.ino && b.ino === a.ino && b.dev === a.dev);
}

const parts = (p: string) => path.resolve(p).split(path.sep).filter(Boolean);

/** Whether `dest` is `src` or below it, by the path strings alone. */
function isSrcSubdir(src: string, dest: string): boolean {
  const d = parts(dest);
  return parts(src).every((cur, i) => d[i] === cur);
}

function* checkPaths(src: string, dest: string, opts: CpOptions): Steps<{ srcStat?: StatLike; destStat?: StatLike | null; skipped: boolean }> {
  if (opts.filter && !(yield* ask<unknown>({ op: 'filter', src, dest }))) return { skipped: true };
  const statOp = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield* ask<StatLike>({ op: statOp, path: src, bigint: true });
  const destStat = yield* ask<StatLike | null>({ op: statOp, path: dest, bigint: true, orNull: true });
  if (destStat) {
    if (areIdentical(srcStat, destStat)) throw cpError('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest);
    if (srcStat.isDirectory() && !destStat.isDirectory()) throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    if (!srcStat.isDirectory() && destStat.isDirectory()) throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  return { srcStat, destStat, skipped: false };
}

/** Walks up from dest's parent: none of them may be src itself (by inode). */
function* checkParentPaths(src: string, srcStat: StatLike, dest: string): Steps<void> {
  for (let at = dest; ; ) {
    const srcParent = path.resolve(path.dirname(src));
    const destParent = path.resolve(path.dirname(at));
    if (destParent === srcParent || destParent === path.parse(destParent).root) return;
    const destStat = yield* ask<StatLike | null>({ op: 'stat', path: destParent, bigint: true, orNull: true });
    if (destStat === null) return;
    if (areIdentical(srcStat, destStat)) throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    at = destParent;
  }
}

function* copyByKind(destStat: StatLike | null | undefined, src: string, dest: string, opts: CpOptions): Steps<void> {
  const srcStat = yield* ask<StatLike>({ op: opts.dereference ? 'stat' : 'lstat', path: src });
  if (srcStat.isDirectory() && opts.recursive) return yield* onDir(srcStat, destStat, src, dest, opts);
  if (srcStat.isDirectory()) throw eisdir(`${src} is a directory (not copied)`, src);
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return yield* onFile(srcStat, destStat, src, dest, opts);
  if (srcStat.isSymbolicLink()) return yield* onLink(destStat, src, dest, opts);
  if (srcStat.isSocket()) throw cpError('ERR_FS_CP_SOCKET', `cannot copy a socket file: ${dest}`, dest);
  if (srcStat.isFIFO()) throw cpError('ERR_FS_CP_FIFO_PIPE', `cannot copy a FIFO pipe: ${dest}`, dest);
  throw cpError('ERR_FS_CP_UNKNOWN', `cannot copy an unknown file type: ${dest}`, dest);
}

function* onFile(srcStat: StatLike, destStat: StatLike | null | undefined, src: string, dest: string, opts: CpOptions): Steps<void> {
  if (destStat) {
    if (opts.force) yield* ask({ op: 'unlink', path: dest });
    else if (opts.errorOnExist) throw cpError('ERR_FS_CP_EEXIST', `${dest} already exists`, dest);
    else return;
  }
  yield* ask({ op: 'copyFile', src, dest, mode: opts.mode });
  const mode = Number(srcStat.mode);
  if (opts.preserveTimestamps) {
    // The copy must be writable for utimes to open it.
    if ((mode & 0o200) === 0) yield* ask({ op: 'chmod', path: dest, mode: mode | 0o200 });
    yield* setDestTimestamps(src, dest);
  }
  yield* ask({ op: 'chmod', path: dest, mode });
}

/** The source's times now (reading it moved its atime), given to the copy. */
function* setDestTimestamps(src: string, dest: string): Steps<void> {
  const now = yield* ask<StatLike>({ op: 'stat', path: src });
  yield* ask({ op: 'utimes', path: dest, atime: now.atime, mtime: now.mtime });
}

/** A directory: made (then given the source's mode) unless it is there, then filled; Node 20 keeps no directory's times. */
function* onDir(srcStat: StatLike, destStat: StatLike | null | undefined, src: string, dest: string, opts: CpOptions): Steps<void> {
  if (destStat) return yield* copyDir(src, dest, opts);
  yield* ask({ op: 'mkdir', path: dest });
  yield* copyDir(src, dest, opts);
  yield* ask({ op: 'chmod', path: dest, mode: Number(srcStat.mode) });
}

function* copyDir(src: string, dest: string, opts: CpOptions): Steps<void> {
  for (const name of yield* ask<string[]>({ op: 'list', path: src })) {
    const srcItem = path.join(src, name);
    const destItem = path.join(dest, name);
    const { destStat, skipped } = yield* checkPaths(srcItem, destItem, opts);
    if (!skipped) yield* copyByKind(destStat, srcItem, destItem, opts);
  }
}

function* onLink(destStat: StatLike | null | undefined, src: string, dest: string, opts: CpOptions): Steps<void> {
  let resolvedSrc = yield* ask<string>({ op: 'readlink', path: src });
  if (!opts.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  if (!destStat) return void (yield* ask({ op: 'symlink', target: resolvedSrc, path: dest }));
  let resolvedDest: string;
  try {
    resolvedDest = yield* ask<string>({ op: 'readlink', path: dest });
  } catch (err) {
    // dest is a file or a directory: a link replaces it only through this path, as in Node.
    if ((err as { code?: unknown }).code === 'EINVAL' || (err as { code?: unknown }).code === 'UNKNOWN') {
      return void (yield* ask({ op: 'symlink', target: resolvedSrc, path: dest }));
    }
    throw err;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
  const destNow = yield* ask<StatLike>({ op: 'stat', path: dest });
  if (destNow.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
  yield* ask({ op: 'unlink', path: dest });
  yield* ask({ op: 'symlink', target: resolvedSrc, path: dest });
}

/** The whole copy of `src` to `dest`. */
export function* cpSteps(src: string, dest: string, opts: CpOptions): Steps<void> {
  const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts);
  if (skipped) return;
  yield* checkParentPaths(src, srcStat!, dest);
  const parent = path.dirname(dest);
  if (!(yield* ask<boolean>({ op: 'exists', path: parent }))) yield* ask({ op: 'mkdir', path: parent, recursive: true });
  yield* copyByKind(destStat, src, dest, opts);
}

import { displayName } from '../../../bridge/names/index.js';
import type { Vfs } from '../../vfs/index.js';
import { asSyscall, follow, locate, lstatOf, PATH_MAX, PathError, statAt, sysError } from './lookup.js';

/**
 * mkdir, `mkdir -p` and mkdtemp as Node 20 does them. memfs's recursive mkdir accepts an existing
 * file and replaces a dangling symlink with a directory; Node's (src/node_file.cc MKDirpSync and
 * MKDirpAsync) answers EEXIST, ENOTDIR or ENOENT, and its sync and async walks report different
 * errors (the async one names the path it was working on), so `async` says which walk to repeat.
 */

/** The process umask, which the kernel applies to every mode given to mkdir(2). */
function umask(): number {
  return process.umask();
}

/** mkdir(2): EEXIST for anything already there (a dangling symlink too) and for `.`, `..`, `/`. */
function mkdirOne(vfs: Vfs, given: string, mode: number): void {
  const at = locate(vfs, given);
  if (at.name === '' || at.name === '.' || at.name === '..') throw new PathError('EEXIST');
  if (lstatOf(vfs, at.path) !== undefined) throw new PathError('EEXIST');
  vfs.mkdirSync(at.path, { mode });
}

/** The error code of one mkdir(2), or undefined on success. */
function tryMkdir(vfs: Vfs, path: string, mode: number): string | undefined {
  try {
    mkdirOne(vfs, path, mode);
    return undefined;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw e;
  }
}

/** stat(2) of `path`: its error code, or whether it is a directory. */
function statOf(vfs: Vfs, path: string): { code?: string; dir: boolean } {
  try {
    return { dir: statAt(vfs, path).stats.isDirectory() };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return { code, dir: false };
    throw e;
  }
}

/** Missing levels below which mkdir -p goes step for step; deeper chains are made from the deepest directory there. */
const CHAIN_MIN = 16;

/**
 * mkdir -p of a plain absolute path (no `.`, `..` or empty components) with a long run of missing
 * levels: the deepest existing directory found by bisection, then each missing level made below it.
 * Step by step, each level walks the whole path twice: 2,000 levels kept the host's thread for minutes.
 * Answers `false` when the path is not such a case (the caller goes step for step, as Node does).
 */
function mkdirChain(vfs: Vfs, given: string, mode: number): string | undefined | false {
  const names = given.split('/').slice(1);
  if (names.at(-1) === '') names.pop();
  if (!given.startsWith('/') || Buffer.byteLength(given) >= PATH_MAX || names.length < CHAIN_MIN || names.some((n) => n === '' || n === '.' || n === '..')) return false;
  const prefix = (k: number) => `/${names.slice(0, k).join('/')}`;
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (statOf(vfs, prefix(mid)).dir) lo = mid;
    else hi = mid - 1;
  }
  if (names.length - lo < CHAIN_MIN || statOf(vfs, prefix(lo + 1)).code !== 'ENOENT') return false;
  // Every level below is missing (the first is, so the rest are): the file system's own mkdir -p makes them
  // in one call (a mount from one held directory, memfs in one pass), with nothing there to misjudge.
  const base = follow(vfs, prefix(lo));
  const rest = names.slice(lo).join('/');
  asSyscall('mkdir', given, undefined, () => vfs.mkdirSync(base === '/' ? `/${rest}` : `${base}/${rest}`, { recursive: true, mode }));
  return prefix(lo + 1);
}

/** Node's mkdir -p: pops paths off a stack, pushing the textual dirname back on ENOENT. */
function mkdirp(vfs: Vfs, given: string, mode: number, async: boolean): string | undefined {
  const chained = mkdirChain(vfs, given, mode);
  if (chained !== false) return chained;
  const stack = [given];
  let first: string | undefined;
  const fail = (code: string, path: string) => sysError(code, 'mkdir', async ? path : given);
  while (stack.length > 0) {
    const next = stack.pop()!;
    let code = tryMkdir(vfs, next, mode);
    if (code === undefined) {
      first ??= next;
      continue;
    }
    if (code === 'EACCES' || code === 'ENOSPC' || code === 'ENOTDIR' || code === 'EPERM') throw fail(code, next);
    if (code === 'ENOENT') {
      const cut = next.lastIndexOf('/');
      const dirname = cut === -1 ? next : next.slice(0, cut);
      if (dirname !== next) {
        stack.push(next, dirname);
        continue;
      }
      if (stack.length > 0) continue;
      code = 'EEXIST';
    }
    const st = statOf(vfs, next);
    const within = code === 'EEXIST' && stack.length > 0;
    if (async && within && !st.dir) throw fail('ENOTDIR', next);
    if (st.code !== undefined) throw fail(st.code, next);
    if (!st.dir) throw fail(within ? 'ENOTDIR' : 'EEXIST', next);
  }
  return first;
}

/** mkdir, recursive or not; answers the first directory created by a recursive call, as the caller named it. */
export function mkdirAt(vfs: Vfs, given: string, recursive: boolean, mode: number, async: boolean): string | undefined {
  const m = mode & ~umask();
  if (recursive) {
    const first = mkdirp(vfs, given, m, async);
    return first === undefined ? undefined : displayName(first);
  }
  asSyscall('mkdir', given, undefined, () => mkdirOne(vfs, given, m));
  return undefined;
}

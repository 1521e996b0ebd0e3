import { posix } from 'node:path';
import { isSystemCode } from '../../../bridge/wire/errors.js';
import { BridgeCallError, fsErrorRecord } from '../../dispatcher/errors.js';
import type { Vfs, VfsEntryStats } from '../../vfs/index.js';

/**
 * Linux path resolution over a Vfs. memfs resolves paths its own way (a trailing slash is ignored,
 * `x/..` is cut lexically, `.` may be removed); Node asks the kernel. The directory handlers walk
 * each path here, component by component as the kernel does, and hand the Vfs only physical paths
 * whose parents hold no symlink, so the answers (and their errors) are the kernel's.
 */

/** The kernel's limit on symlinks followed while resolving one path (MAXSYMLINKS). */
const MAX_LINKS = 40;

/** A system error code found while resolving; handlers add the syscall and the guest's paths. */
export class PathError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** The last component of a path, located but not followed. */
export interface Located {
  /** Physical path of the entry itself (a final symlink is not followed). */
  path: string;
  /** The last component as given: a name, `.`, `..`, or `` for the root. */
  name: string;
  /** The path ends with `/` (the kernel then follows a final symlink and wants a directory). */
  slash: boolean;
}

/** The longest path Linux takes, its NUL included (PATH_MAX): a longer one is ENAMETOOLONG, as under Node. */
export const PATH_MAX = 4096;

/**
 * The components of a path, once its length is checked: every walk of a path has this in its way,
 * so a path the kernel would refuse costs nothing (each walk takes time quadratic in its depth).
 */
function parts(path: string): string[] {
  if (path.length * 3 >= PATH_MAX && Buffer.byteLength(path) >= PATH_MAX) throw new PathError('ENAMETOOLONG');
  return path.split('/').filter((c) => c !== '');
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** lstat, with a missing entry as undefined; other errors (ENOTDIR, ELOOP) propagate. */
export function lstatOf(vfs: Vfs, path: string): VfsEntryStats | undefined {
  try {
    return vfs.lstatSync(path);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Resolves paths against one Vfs, counting the symlinks followed. */
class Walker {
  #links: number;
  /** The lstat of the path the last walk returned, when the walk took it (not a symlink). */
  found: VfsEntryStats | undefined;
  constructor(
    readonly vfs: Vfs,
    linksSoFar = 0,
  ) {
    this.#links = linksSoFar;
  }

  /** Symlinks followed so far (the kernel's count for one path resolution). */
  get links(): number {
    return this.#links;
  }

  /** Physical path reached from `base` through `names`; the last one is followed only if asked. */
  walk(base: string, names: string[], followLast: boolean): string {
    let cur = base;
    this.found = undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const last = i === names.length - 1;
      if (name === '.' || name === '..') {
        cur = name === '.' ? cur : posix.dirname(cur);
        this.found = undefined;
        continue;
      }
      const next = join(cur, name);
      if (last && !followLast) return next;
      const st = lstatOf(this.vfs, next);
      if (st === undefined) {
        if (last) return next;
        throw new PathError('ENOENT');
      }
      if (st.isSymbolicLink()) {
        cur = this.#follow(cur, next, last);
        if (!last) this.found = undefined;
      } else if (!last && !st.isDirectory()) throw new PathError('ENOTDIR');
      else {
        cur = next;
        this.found = last ? st : undefined;
      }
    }
    return cur;
  }

  #follow(dir: string, link: string, last: boolean): string {
    if (++this.#links > MAX_LINKS) throw new PathError('ELOOP');
    const target = String(this.vfs.readlinkSync(link));
    if (target === '') throw new PathError('ENOENT');
    const resolved = this.walk(target.startsWith('/') ? '/' : dir, parts(target), true);
    if (last) return resolved;
    const st = lstatOf(this.vfs, resolved);
    if (st === undefined) throw new PathError('ENOENT');
    if (!st.isDirectory()) throw new PathError('ENOTDIR');
    return resolved;
  }
}

/** Locates the last component of `given` (relative to `/`): every parent is resolved, the last is not. */
export function locate(vfs: Vfs, given: string): Located {
  if (given === '') throw new PathError('ENOENT');
  const names = parts(given);
  const slash = given.endsWith('/');
  if (names.length === 0) return { path: '/', name: '', slash };
  const name = names[names.length - 1]!;
  const walker = new Walker(vfs);
  const parent = walker.walk('/', names.slice(0, -1), true);
  const st = lstatOf(vfs, parent);
  if (st === undefined) throw new PathError('ENOENT');
  if (!st.isDirectory()) throw new PathError('ENOTDIR');
  if (name === '.' || name === '..') return { path: name === '.' ? parent : posix.dirname(parent), name, slash };
  return { path: join(parent, name), name, slash };
}

/** The physical path `given` leads to, following every symlink (the entry itself may be missing). */
export function follow(vfs: Vfs, given: string): string {
  return followFound(vfs, given).path;
}

/** follow(), with the lstat of the entry reached when the walk already took it. */
function followFound(vfs: Vfs, given: string): { path: string; found: VfsEntryStats | undefined } {
  if (given === '') throw new PathError('ENOENT');
  const walker = new Walker(vfs);
  const path = walker.walk('/', parts(given), true);
  return { path, found: walker.found };
}

/**
 * Resolves `names` below the physical directory `dir`, which was reached by following `linksSoFar`
 * symlinks: what the kernel does for `<the path to dir>/<names>`, without walking `dir` again.
 */
export function followFrom(vfs: Vfs, dir: string, names: string[], linksSoFar: number): { path: string; links: number } {
  const walker = new Walker(vfs, linksSoFar);
  const path = walker.walk(dir, names, true);
  return { path, links: walker.links };
}

/** follow(), also answering how many symlinks the resolution followed. */
export function followCounted(vfs: Vfs, given: string): { path: string; links: number } {
  if (given === '') throw new PathError('ENOENT');
  return followFrom(vfs, '/', parts(given), 0);
}

/**
 * What stat(2) finds at `given`: the entry a final symlink leads to, and its physical path.
 * Throws ENOENT for a missing entry and ENOTDIR for a trailing slash after a non-directory.
 */
export function statAt(vfs: Vfs, given: string): { path: string; stats: VfsEntryStats } {
  const { path, found } = followFound(vfs, given);
  const stats = found ?? lstatOf(vfs, path);
  if (stats === undefined) throw new PathError('ENOENT');
  if (given.endsWith('/') && !stats.isDirectory()) throw new PathError('ENOTDIR');
  return { path, stats };
}

/** What lstat(2) finds at `given` (a trailing slash follows a final symlink, as the kernel does). */
export function lstatAt(vfs: Vfs, given: string): { path: string; stats: VfsEntryStats } {
  if (given.endsWith('/')) return statAt(vfs, given);
  const { path } = locate(vfs, given);
  const stats = lstatOf(vfs, path);
  if (stats === undefined) throw new PathError('ENOENT');
  return { path, stats };
}

/** A Node system error for the guest: `code`, `syscall` and the paths as the guest gave them. */
export function sysError(code: string, syscall: string, path?: string, dest?: string): BridgeCallError {
  return new BridgeCallError({ code, syscall, ...(path === undefined ? {} : { path }), ...(dest === undefined ? {} : { dest }) });
}

/**
 * Runs one system call's work and reports any failure as Node would: the given syscall name and the
 * guest's own paths, whatever the Vfs said. Errors already shaped for the guest pass unchanged.
 */
export function asSyscall<T>(syscall: string, path: string | undefined, dest: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof BridgeCallError) throw e;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && isSystemCode(code)) throw sysError(code, syscall, path, dest);
    throw new BridgeCallError(fsErrorRecord(e, { path, dest }));
  }
}

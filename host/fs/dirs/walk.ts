import { posix } from 'node:path';
import { callError } from '../../dispatcher/errors.js';
import type { Vfs } from '../../vfs/index.js';
import { encodeName, type NameEncoding } from './args.js';
import { DirentType, ReaddirOrder, scandirAt, type DirentRow, type RawEntry } from './list.js';
import { asSyscall, followCounted, followFrom, lstatOf, PathError } from './lookup.js';

/**
 * Recursive readdir exactly as Node 20 walks it (lib/fs.js readdirSyncRecursive, lib/internal/fs/
 * promises.js readdirRecursive): the sync form (also used by the callback form) goes breadth-first,
 * the promise form takes the last directory queued first. Names follow symlinks to directories
 * (internalModuleStat); Dirents recurse only into real directories. Each directory carries its
 * physical path and the symlinks followed to reach it, so a child costs one lookup, not a walk from
 * `/`, and ELOOP still comes where the kernel would say it.
 */

/**
 * Entries a listing may take from directories it reached through symlinks. Names follow links to
 * directories, so two links to `.` double the listing at every level until ELOOP (2^40 names): a
 * few bytes of guest work for hours of host work. Past this many, the call fails with
 * ERR_FS_FILE_TOO_LARGE. Plain trees are bounded only by the byte limit.
 */
export const MAX_LINKED_ENTRIES = 16_384;

/** A directory to list: the path Node would use, where it really is, and the links followed to get there. */
interface Dir {
  given: string;
  path: string;
  links: number;
  isBase: boolean;
}

/** Node's `path.join` of a directory and an encoded name: a Buffer name is a TypeError there. */
function joinName(dir: string, name: string | Uint8Array): string {
  if (typeof name !== 'string') {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "path" argument must be of type string. Received an instance of Buffer');
  }
  return posix.join(dir, name);
}

function relativeTo(base: string, path: string): string {
  return posix.relative(posix.resolve('/', base), posix.resolve('/', path));
}

/** Resolves `name` inside `dir` as the kernel resolves `dir.given/name` (a name with a `/` is walked from the root). */
function resolveChild(vfs: Vfs, dir: Dir, name: string, given: string): { path: string; links: number } {
  return name.includes('/') ? followCounted(vfs, given) : followFrom(vfs, dir.path, [name], dir.links);
}

/** The directory to list next for an entry, or undefined: what Node pushes on its queue. */
function childDir(vfs: Vfs, dir: Dir, entry: RawEntry, name: string | Uint8Array, withTypes: boolean): Dir | undefined {
  const given = joinName(dir.given, name);
  const text = name as string;
  if (withTypes) {
    if (entry.type !== DirentType.dir) return undefined;
    if (text.includes('/')) return { given, path: followCounted(vfs, given).path, links: dir.links, isBase: false };
    return { given, path: posix.join(dir.path, text), links: dir.links, isBase: false };
  }
  try {
    const child = resolveChild(vfs, dir, text, given);
    return lstatOf(vfs, child.path)?.isDirectory() ? { given, ...child, isBase: false } : undefined;
  } catch {
    return undefined;
  }
}

/** The base directory: resolved from the root, with readdir's errors. */
function baseDir(vfs: Vfs, base: string): Dir {
  const { path, links } = asSyscall('scandir', base, undefined, () => {
    if (base === '') throw new PathError('ENOENT');
    return followCounted(vfs, base);
  });
  return { given: base, path, links, isBase: true };
}

/** Recursive readdir; the listing may take at most `maxBytes` (two links to `.` would make it grow without end). */
export function readdirRecursive(
  vfs: Vfs,
  base: string,
  encoding: NameEncoding,
  withTypes: boolean,
  order: ReaddirOrder,
  maxBytes: number,
): Array<string | Uint8Array | DirentRow> {
  const out: Array<string | Uint8Array | DirentRow> = [];
  let budget = maxBytes;
  let linkedBudget = MAX_LINKED_ENTRIES;
  const list = (d: Dir): [Dir, RawEntry[]] => [d, scandirAt(vfs, d.given, d.path)];
  const start = baseDir(vfs, base);
  const queue = [list(start)];
  // Breadth-first reads from `head` (Array#shift would make a long queue quadratic); the promise walk pops.
  let head = 0;
  while (head < queue.length) {
    const [dir, entries] = (order === ReaddirOrder.promise ? queue.pop() : queue[head++])!;
    const linked = dir.links > start.links;
    for (const entry of entries) {
      budget -= dir.given.length + entry.name.length + 16;
      if (budget < 0) throw callError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `Directory listing is greater than the sandbox limit of ${maxBytes} bytes`);
      if (linked && --linkedBudget < 0) {
        throw callError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `Directory listing through symlinks is greater than the sandbox limit of ${MAX_LINKED_ENTRIES} entries`);
      }
      const name = encodeName(entry.name, encoding);
      if (withTypes) out.push([name, entry.type, dir.isBase ? null : dir.given]);
      else out.push(relativeTo(base, joinName(dir.given, name)));
      const child = childDir(vfs, dir, entry, name, withTypes);
      if (child !== undefined) queue.push(list(child));
    }
  }
  return out;
}

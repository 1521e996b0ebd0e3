import { posix } from 'node:path';
import { callError } from '../errors.js';
import type { Vfs, VfsDirent } from '../vfs.js';
import { encodeName, type NameEncoding } from './dirs-args.js';
import { asSyscall, lstatOf, PathError, statAt, sysError } from './dirs-lookup.js';

/** libuv's dirent types (fs.constants.UV_DIRENT_*), which the guest's Dirent keeps. */
export const DirentType = { unknown: 0, file: 1, dir: 2, link: 3, fifo: 4, socket: 5, char: 6, block: 7 } as const;

/** How readdir walks: one directory, or recursively in the order of Node's sync or promise code. */
export const ReaddirOrder = { flat: 0, sync: 1, promise: 2 } as const;
export type ReaddirOrder = (typeof ReaddirOrder)[keyof typeof ReaddirOrder];

/** One entry as the guest builds its Dirent: name, type, and parent path (null: the path as given). */
export type DirentRow = [name: string | Uint8Array, type: number, parentPath: string | null];

interface RawEntry {
  name: Uint8Array;
  type: number;
}

function typeOf(d: VfsDirent): number {
  if (d.isFile()) return DirentType.file;
  if (d.isDirectory()) return DirentType.dir;
  if (d.isSymbolicLink()) return DirentType.link;
  if (d.isFIFO()) return DirentType.fifo;
  if (d.isSocket()) return DirentType.socket;
  if (d.isCharacterDevice()) return DirentType.char;
  if (d.isBlockDevice()) return DirentType.block;
  return DirentType.unknown;
}

function bytesOf(name: Uint8Array | string): Uint8Array {
  return typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
}

/** scandir(3) as libuv calls it: every entry but `.` and `..`, sorted by strcmp of the raw names. */
export function scandir(vfs: Vfs, given: string): RawEntry[] {
  return asSyscall('scandir', given, undefined, () => {
    const { path, stats } = statAt(vfs, given);
    if (!stats.isDirectory()) throw new PathError('ENOTDIR');
    const entries: RawEntry[] = [];
    for (const d of vfs.readdirSync(path, { withFileTypes: true, encoding: 'buffer' })) {
      if (typeof d === 'string' || d instanceof Uint8Array) throw new Error('the filesystem listed a directory without entry types');
      entries.push({ name: bytesOf(d.name), type: typeOf(d) });
    }
    return entries.sort((a, b) => Buffer.compare(a.name, b.name));
  });
}

/** Node's `path.join` of a directory and an encoded name: a Buffer name is a TypeError there. */
function joinName(dir: string, name: string | Uint8Array): string {
  if (typeof name !== 'string') {
    throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "path" argument must be of type string. Received an instance of Buffer');
  }
  return posix.join(dir, name);
}

/** internalModuleStat: does `given` lead (through symlinks) to a directory? Errors count as no. */
function isDirectory(vfs: Vfs, given: string): boolean {
  try {
    return statAt(vfs, given).stats.isDirectory();
  } catch {
    return false;
  }
}

function relativeTo(base: string, path: string): string {
  return posix.relative(posix.resolve('/', base), posix.resolve('/', path));
}

/** readdir of one directory, as names or Dirent rows. */
export function readdirFlat(vfs: Vfs, given: string, encoding: NameEncoding, withTypes: boolean): Array<string | Uint8Array | DirentRow> {
  const entries = scandir(vfs, given);
  return entries.map((e) => (withTypes ? [encodeName(e.name, encoding), e.type, null] : encodeName(e.name, encoding)));
}

/**
 * Recursive readdir exactly as Node 20 walks it: the sync form (also used by the callback form) goes
 * breadth-first; the promise form takes the last directory queued first. Names follow symlinks to
 * directories (internalModuleStat); Dirents recurse only into real directories.
 */
export function readdirRecursive(vfs: Vfs, base: string, encoding: NameEncoding, withTypes: boolean, order: ReaddirOrder): Array<string | Uint8Array | DirentRow> {
  const out: Array<string | Uint8Array | DirentRow> = [];
  const queue: Array<[path: string, entries: RawEntry[], isBase: boolean]> = [[base, scandir(vfs, base), true]];
  const lifo = order === ReaddirOrder.promise;
  while (queue.length > 0) {
    const [path, entries, isBase] = (lifo ? queue.pop() : queue.shift())!;
    for (const e of entries) {
      const name = encodeName(e.name, encoding);
      let child: string | undefined;
      if (withTypes) {
        out.push([name, e.type, isBase ? null : path]);
        if (e.type === DirentType.dir) child = joinName(path, name);
      } else {
        const full = joinName(path, name);
        out.push(relativeTo(base, full));
        if (isDirectory(vfs, full)) child = full;
      }
      if (child !== undefined) queue.push([child, scandir(vfs, child), false]);
    }
  }
  return out;
}

/** What access(2) decides for the host's user: root may read and write anything, and execute what has an x bit. */
function permits(stats: { mode: number; uid: number; gid: number; isDirectory(): boolean }, mode: number): boolean {
  const want = mode & 7;
  if (want === 0) return true;
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return (want & 1) === 0 || stats.isDirectory() || (stats.mode & 0o111) !== 0;
  const groups = process.getgroups?.() ?? [];
  const shift = stats.uid === uid ? 6 : stats.gid === (process.getgid?.() ?? -1) || groups.includes(stats.gid) ? 3 : 0;
  return (((stats.mode >> shift) & 7) & want) === want;
}

/** access(2): follows symlinks, then checks the permission bits `mode` asks for. */
export function access(vfs: Vfs, given: string, mode: number): void {
  asSyscall('access', given, undefined, () => {
    const { stats } = statAt(vfs, given);
    if (!permits(stats, mode)) throw sysError('EACCES', 'access', given);
  });
}

/** existsSync: access(F_OK) without an error. */
export function exists(vfs: Vfs, given: string): boolean {
  try {
    statAt(vfs, given);
    return true;
  } catch {
    return false;
  }
}

/** True when the directory at physical `path` has no entries. */
export function isEmptyDir(vfs: Vfs, path: string): boolean {
  return lstatOf(vfs, path) !== undefined && vfs.readdirSync(path, { withFileTypes: true, encoding: 'buffer' }).length === 0;
}

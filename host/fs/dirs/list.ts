import type { Vfs, VfsDirent } from '../../vfs/index.js';
import { nameBuffer } from '../../vfs/names.js';
import { encodeName, type NameEncoding } from './args.js';
import { asSyscall, lstatOf, PathError, statAt, sysError } from './lookup.js';

/** libuv's dirent types (fs.constants.UV_DIRENT_*), which the guest's Dirent keeps. */
export const DirentType = { unknown: 0, file: 1, dir: 2, link: 3, fifo: 4, socket: 5, char: 6, block: 7 } as const;

/** How readdir walks: one directory, or recursively in the order of Node's sync or promise code. */
export const ReaddirOrder = { flat: 0, sync: 1, promise: 2 } as const;
export type ReaddirOrder = (typeof ReaddirOrder)[keyof typeof ReaddirOrder];

/** One entry as the guest builds its Dirent: name, type, and parent path (null: the path as given). */
export type DirentRow = [name: string | Uint8Array, type: number, parentPath: string | null];

/** One directory entry: its raw name and libuv type. */
export interface RawEntry {
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
  return typeof name === 'string' ? nameBuffer(name) : name;
}

/** The entries of the directory at physical `path`, sorted by strcmp of the raw names as libuv sorts them. */
function entriesOf(vfs: Vfs, path: string): RawEntry[] {
  const st = lstatOf(vfs, path);
  if (st === undefined) throw new PathError('ENOENT');
  if (!st.isDirectory()) throw new PathError('ENOTDIR');
  const entries: RawEntry[] = [];
  for (const d of vfs.readdirSync(path, { withFileTypes: true })) {
    if (typeof d === 'string' || d instanceof Uint8Array) throw new Error('the filesystem listed a directory without entry types');
    entries.push({ name: bytesOf(d.name), type: typeOf(d) });
  }
  return entries.sort((a, b) => Buffer.compare(a.name, b.name));
}

/** scandir(3) of the directory the guest named `given`, found at physical `path` (errors name `given`). */
export function scandirAt(vfs: Vfs, given: string, path: string): RawEntry[] {
  return asSyscall('scandir', given, undefined, () => entriesOf(vfs, path));
}

/** scandir(3) as libuv calls it: every entry but `.` and `..`, following symlinks to the directory. */
export function scandir(vfs: Vfs, given: string): RawEntry[] {
  return asSyscall('scandir', given, undefined, () => entriesOf(vfs, statAt(vfs, given).path));
}

/** readdir of one directory, as names or Dirent rows. */
export function readdirFlat(vfs: Vfs, given: string, encoding: NameEncoding, withTypes: boolean): Array<string | Uint8Array | DirentRow> {
  const entries = scandir(vfs, given);
  return entries.map((e) => (withTypes ? [encodeName(e.name, encoding), e.type, null] : encodeName(e.name, encoding)));
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
  return lstatOf(vfs, path) !== undefined && vfs.readdirSync(path, { withFileTypes: true }).length === 0;
}

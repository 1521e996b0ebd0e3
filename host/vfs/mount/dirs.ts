import { fromHostName, nameBuffer } from '../names.js';
import * as fs from 'node:fs';
import { randomInt } from 'node:crypto';
import { posix } from 'node:path';
import { guestError, systemCode } from './errors.js';
import { opError, type OpName } from './paths.js';
import { fdPath, inDir, O_PATH, PathError, type Entry, type Lookup } from './walk.js';
import { PATH_MAX, type MountRoot } from './root.js';

/** Directory operations on a mounted directory: readdir, mkdir (-p), mkdtemp. */

const FOLLOW: Lookup = { follow: true };
const NOFOLLOW: Lookup = { follow: false };

/** Options of `readdirSync`, as node:fs takes them. */
export interface ReaddirOptions {
  encoding?: BufferEncoding | 'buffer' | null;
  withFileTypes?: boolean;
  recursive?: boolean;
}

function at<T>(root: MountRoot, op: OpName, path: string, lookup: Lookup, fn: (e: Entry) => T): T {
  try {
    return root.with(path, lookup, fn);
  } catch (e) {
    throw opError(e, op);
  }
}

type Listing = string[] | Buffer[] | fs.Dirent[];

/** One directory's names (or Dirents, whose `path`/`parentPath` are the guest's `path`). */
function listOne(root: MountRoot, path: string, options: ReaddirOptions): Listing {
  const op = { syscall: 'scandir', path };
  return at(root, op, path, FOLLOW, (e) => {
    if (e.fd === undefined) throw new PathError('ENOENT', e.guest);
    const read = fs.readdirSync as (path: string, options: object) => Listing;
    const list = read(fdPath(e.fd), { encoding: 'buffer', withFileTypes: options.withFileTypes === true });
    if (options.withFileTypes === true) {
      for (const d of list as fs.Dirent[]) Object.assign(d, { name: fromHostName(d.name as unknown as Buffer, options.encoding), parentPath: path, path });
      return list;
    }
    return (list as Buffer[]).map((name) => fromHostName(name, options.encoding)) as Listing;
  });
}

/** `dev:ino` of the directory `path` leads to (links followed), or undefined when it is not one. */
function directoryKey(root: MountRoot, path: string): string | undefined {
  if (Buffer.byteLength(path) >= PATH_MAX) return undefined;
  try {
    return root.with(path, FOLLOW, (e) => (e.stat?.isDirectory() === true ? `${e.stat.dev}:${e.stat.ino}` : undefined));
  } catch {
    return undefined;
  }
}

interface Queued {
  path: string;
  key: string | undefined;
  parent: number;
}

/** True when directory `key` is already an ancestor of queue item `parent` (a symlink cycle). */
function inCycle(queue: Queued[], parent: number, key: string): boolean {
  for (let i = parent; i >= 0; i = queue[i]!.parent) if (queue[i]!.key === key) return true;
  return false;
}

/**
 * `fs.readdirSync`, including `withFileTypes`, `encoding` and `recursive` in Node 20's order and
 * rules: names recurse into what stat calls a directory (links followed), Dirents into what the
 * Dirent calls one (links not followed). One difference: a link back to an ancestor (`up -> ..`) is
 * listed but not entered again, where Node goes round until the path outgrows PATH_MAX.
 */
export function readdir(root: MountRoot, path: string, options?: ReaddirOptions | BufferEncoding | 'buffer' | null): Listing {
  const opts: ReaddirOptions = typeof options === 'string' ? { encoding: options } : (options ?? {});
  if (opts.recursive !== true) return listOne(root, path, opts);
  const results: Array<string | Buffer | fs.Dirent> = [];
  const queue: Queued[] = [{ path, key: directoryKey(root, path), parent: -1 }];
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i]!.path;
    for (const item of listOne(root, dir, opts)) {
      if (typeof item === 'object' && !Buffer.isBuffer(item)) {
        results.push(item);
        if (item.isDirectory()) queue.push({ path: posix.join(dir, item.name), key: undefined, parent: i });
        continue;
      }
      const child = posix.join(dir, String(item));
      results.push(posix.relative(path, child));
      const key = directoryKey(root, child);
      if (key !== undefined && !inCycle(queue, i, key)) queue.push({ path: child, key, parent: i });
    }
  }
  return results as Listing;
}

/** Mode argument of mkdir: a number or an octal string. */
function parseMode(mode: unknown, fallback: number): number {
  if (mode === undefined || mode === null) return fallback;
  return typeof mode === 'string' ? parseInt(mode, 8) : (mode as number);
}

/** mkdir of one guest path; answers the error code instead of throwing it (mkdir -p needs the code). */
function tryMkdir(root: MountRoot, path: string, mode: number): string | undefined {
  try {
    root.with(path, NOFOLLOW, (e) => {
      if (e.fd !== undefined && e.name === '.') throw new PathError('EEXIST', e.guest);
      fs.mkdirSync(inDir(e.dir, e.name), mode);
    });
    return undefined;
  } catch (e) {
    const code = e instanceof PathError ? e.code : systemCode(e);
    if (code === undefined) throw e;
    return code;
  }
}

/** `fs.mkdirSync(path, mode | { recursive, mode })`: with `recursive`, the first directory created. */
export function mkdir(root: MountRoot, path: string, options?: fs.MakeDirectoryOptions | fs.Mode | null): string | undefined {
  const recursive = typeof options === 'object' && options !== null && options.recursive === true;
  const mode = parseMode(typeof options === 'object' && options !== null ? options.mode : options, 0o777);
  if (!recursive) {
    const code = tryMkdir(root, path, mode);
    if (code !== undefined) throw guestError({ code, syscall: 'mkdir', path });
    return undefined;
  }
  return mkdirp(root, path, mode);
}

/** Missing levels below which mkdir -p goes step for step; deeper chains are made from one held directory. */
const CHAIN_MIN = 16;

/** Resolves to an existing directory (links followed). */
function isDirectory(root: MountRoot, path: string): boolean {
  const st = statOf(root, path);
  return typeof st !== 'string' && st.isDirectory();
}

/**
 * mkdir -p of a plain absolute path (no `.`, `..` or empty components) whose missing part is deep: the
 * deepest existing directory found by bisection, then each missing level made and entered from the one
 * before it, held open. Node's step-for-step algorithm walks the whole path once per level going up and
 * once going down, here from the root each time: a path of 2,000 levels took 20 s of the host's thread.
 * Answers `false` when the path is not such a case (the caller goes step for step).
 */
function mkdirChain(root: MountRoot, path: string, mode: number): string | undefined | false {
  const names = path.split('/').slice(1);
  if (names.at(-1) === '') names.pop();
  if (!path.startsWith('/') || Buffer.byteLength(path) >= PATH_MAX || names.length < CHAIN_MIN || names.some((n) => n === '' || n === '.' || n === '..')) return false;
  const prefix = (k: number) => `/${names.slice(0, k).join('/')}`;
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isDirectory(root, prefix(mid))) lo = mid;
    else hi = mid - 1;
  }
  // Only a long run of missing levels is slow step by step; anything else fails or ends fast there.
  if (names.length - lo < CHAIN_MIN || statOf(root, prefix(lo + 1)) !== 'ENOENT') return false;
  const fail = (code: string) => guestError({ code, syscall: 'mkdir', path });
  root.with(prefix(lo), FOLLOW, (e) => {
    if (e.fd === undefined) throw fail('ENOENT');
    let dir = e.fd;
    try {
      for (const name of names.slice(lo)) {
        fs.mkdirSync(inDir(dir, name), mode);
        const next = fs.openSync(inDir(dir, name), O_PATH | fs.constants.O_NOFOLLOW | fs.constants.O_DIRECTORY);
        if (dir !== e.fd) fs.closeSync(dir);
        dir = next;
      }
    } catch (err) {
      throw fail(systemCode(err) ?? 'EIO');
    } finally {
      if (dir !== e.fd) fs.closeSync(dir);
    }
  });
  return prefix(lo + 1);
}

/** Node's MKDirpSync (src/node_file.cc), step for step, over confined single mkdirs. */
function mkdirp(root: MountRoot, path: string, mode: number): string | undefined {
  const chained = mkdirChain(root, path, mode);
  if (chained !== false) return chained;
  const fail = (code: string) => guestError({ code, syscall: 'mkdir', path });
  const stack = [path];
  let first: string | undefined;
  for (let steps = 0; stack.length > 0; steps++) {
    if (steps > 10_000) throw fail('ENOENT');
    const next = stack.pop()!;
    let err = tryMkdir(root, next, mode);
    if (err === undefined) {
      first ??= next;
      continue;
    }
    if (err === 'EACCES' || err === 'ENOSPC' || err === 'ENOTDIR' || err === 'EPERM') throw fail(err);
    if (err === 'ENOENT') {
      const cut = next.lastIndexOf('/');
      const dirname = cut < 0 ? next : next.slice(0, cut);
      if (dirname !== next) {
        stack.push(next, dirname);
        continue;
      }
      if (stack.length > 0) continue;
      err = 'EEXIST';
    }
    const st = statOf(root, next);
    if (typeof st === 'string') throw fail(st);
    if (!st.isDirectory()) throw fail(err === 'EEXIST' && stack.length > 0 ? 'ENOTDIR' : 'EEXIST');
  }
  return first;
}

/** lstat or stat of a guest path, or the error code. */
export function statOf(root: MountRoot, path: string, lookup: Lookup = FOLLOW): fs.Stats | string {
  try {
    return root.with(path, lookup, (e) => e.stat ?? 'ENOENT');
  } catch (e) {
    const code = e instanceof PathError ? e.code : systemCode(e);
    if (code === undefined) throw e;
    return code;
  }
}

const TEMPLATE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `fs.mkdtempSync(prefix, options)`: `prefix` plus six random characters, mode 0700. */
export function mkdtemp(root: MountRoot, prefix: string, options?: { encoding?: BufferEncoding | 'buffer' | null } | BufferEncoding | 'buffer' | null): string | Buffer {
  const op = { syscall: 'mkdtemp', path: `${prefix}XXXXXX` };
  const cut = prefix.lastIndexOf('/');
  const dir = prefix.slice(0, cut + 1) || '/';
  const base = prefix.slice(cut + 1);
  const made = at(root, op, dir, FOLLOW, (e) => {
    if (e.fd === undefined) throw new PathError('ENOENT', e.guest);
    if (!e.stat!.isDirectory()) throw new PathError('ENOTDIR', e.guest);
    for (let attempt = 0; ; attempt++) {
      let suffix = '';
      for (let i = 0; i < 6; i++) suffix += TEMPLATE[randomInt(TEMPLATE.length)];
      try {
        fs.mkdirSync(inDir(e.fd, base + suffix), 0o700);
        return prefix + suffix;
      } catch (err) {
        if (systemCode(err) !== 'EEXIST' || attempt >= 100) throw err;
      }
    }
  });
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding === 'buffer' ? nameBuffer(made) : made;
}

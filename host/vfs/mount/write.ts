import * as fs from 'node:fs';
import { replacing } from './replaced.js';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { systemCode } from './errors.js';
import { run } from './fds.js';
import { isExclusive, openEntry, openPath } from './open.js';
import { opError } from './paths.js';
import { fdPath, inDir, PathError, type Entry } from './walk.js';
import type { MountRoot } from './root.js';

/**
 * Whole-file writes on a mounted directory, all-or-nothing: the new bytes go to a temporary file in
 * the target's own (pinned) directory, are fsynced, and are renamed over the target in one step. A
 * failure removes the temporary file; the old file is intact until the rename. A file with other
 * hard links, or one that is not a regular file, is written in place instead (a rename would cut
 * the links or replace a device), as Node does.
 */

const { O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NOFOLLOW, O_RDONLY, W_OK, COPYFILE_EXCL } = fs.constants;
/** The access-mode bits of open flags (Linux). */
const O_ACCMODE = 3;

/** Writes every byte of `bytes` to host descriptor `fd` (errors say `write`, no path, as Node's). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  run('write', () => {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
  });
}

/** A fresh temporary file in directory `dir` (created exclusively, never through a symlink). */
function createTemp(dir: number, mode: number): { fd: number; name: string } {
  for (let attempt = 0; ; attempt++) {
    const name = `.v8fsb-${randomBytes(6).toString('hex')}.tmp`;
    try {
      return { fd: fs.openSync(inDir(dir, name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode), name };
    } catch (e) {
      if (systemCode(e) !== 'EEXIST' || attempt >= 8) throw e;
    }
  }
}

/** How a temporary file becomes the target. */
interface Commit {
  /** Mode (and, as root, owner) to give the new file: the replaced file's. */
  keep?: fs.Stats;
  /** The target must not exist (`wx`, COPYFILE_EXCL): link instead of rename. */
  exclusive: boolean;
}

/** Fills a temporary file beside `entry` with `fill`, fsyncs it and puts it in `entry`'s place. */
function replaceWith(entry: Entry, mode: number, commit: Commit, fill: (fd: number) => void): void {
  const temp = createTemp(entry.dir, mode);
  let open = true;
  try {
    fill(temp.fd);
    if (commit.keep) keepOwnerAndMode(temp.fd, commit.keep);
    run('fsync', () => fs.fsyncSync(temp.fd));
    fs.closeSync(temp.fd);
    open = false;
    if (commit.exclusive) linkInto(entry, temp.name);
    else {
      if (entry.fd !== undefined) replacing(entry.dir, entry.name);
      fs.renameSync(inDir(entry.dir, temp.name), inDir(entry.dir, entry.name));
    }
  } catch (e) {
    if (open) fs.closeSync(temp.fd);
    removeQuietly(entry.dir, temp.name);
    throw e;
  }
}

/** The replaced file's owner (as root) and mode; chown first, as it may clear set-id bits. */
function keepOwnerAndMode(fd: number, old: fs.Stats): void {
  if (process.getuid?.() === 0) {
    try {
      fs.fchownSync(fd, old.uid, old.gid);
    } catch {
      // Keeping the owner is best effort (some filesystems refuse it); the bytes are what matter.
    }
  }
  fs.fchmodSync(fd, old.mode & 0o7777);
}

/** Exclusive commit: a hard link fails with EEXIST if the target appeared, and never replaces it. */
function linkInto(entry: Entry, tempName: string): void {
  try {
    fs.linkSync(inDir(entry.dir, tempName), inDir(entry.dir, entry.name));
  } catch (e) {
    if (systemCode(e) === 'EEXIST') throw e;
    // No hard links here (some filesystems): claim the name exclusively, then rename over it.
    fs.closeSync(fs.openSync(inDir(entry.dir, entry.name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600));
    fs.renameSync(inDir(entry.dir, tempName), inDir(entry.dir, entry.name));
    return;
  }
  removeQuietly(entry.dir, tempName);
}

function removeQuietly(dir: number, name: string): void {
  try {
    fs.unlinkSync(inDir(dir, name));
  } catch {
    // Already gone.
  }
}

/** Whether a write to this existing file must go in place rather than by rename. */
function inPlace(stat: fs.Stats): boolean {
  return !stat.isFile() || stat.nlink > 1;
}

/** `writeFileSync(path, bytes, { flag, mode })` with a truncating flag (`w`, `wx`, `w+`...), atomically. */
export function replaceFile(root: MountRoot, path: string, bytes: Uint8Array, flags: number, mode: number): void {
  const exclusive = isExclusive(flags);
  try {
    root.with(path, { follow: !exclusive }, (e) => {
      if (e.fd === undefined) {
        if (e.mustDir) throw new PathError('EISDIR', e.guest);
        return replaceWith(e, mode, { exclusive }, (fd) => writeAll(fd, bytes));
      }
      // Exclusive on an existing name, a symlink included: EEXIST, as Node's open.
      if (exclusive) throw new PathError('EEXIST', e.guest);
      const stat = e.stat!;
      if (stat.isDirectory()) throw new PathError('EISDIR', e.guest);
      if (inPlace(stat)) return writeInPlace(e, bytes, flags, mode);
      // Node opens the existing file for writing: the same permission question, asked of the file.
      fs.accessSync(fdPath(e.fd), W_OK);
      try {
        replaceWith(e, 0o600, { keep: stat, exclusive: false }, (fd) => writeAll(fd, bytes));
      } catch (err) {
        // A directory we may not create files in, holding a file we may write: write in place.
        if (systemCode(err) !== 'EACCES' && systemCode(err) !== 'EPERM') throw err;
        writeInPlace(e, bytes, flags, mode);
      }
    });
  } catch (e) {
    throw opError(e, { syscall: 'open', path });
  }
}

function writeInPlace(e: Entry, bytes: Uint8Array, flags: number, mode: number): void {
  const fd = openEntry(e, flags, mode);
  try {
    writeAll(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** A write with a flag that neither truncates nor appends (`r+`): in place, as Node does. */
export function writeThrough(root: MountRoot, path: string, bytes: Uint8Array, flags: number, mode: number): void {
  const fd = openPath(root, path, flags, mode);
  try {
    writeAll(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** An append (`a`, `ax`, `a+`...): all-or-nothing by truncating back to the old size if a write fails. */
export function appendFile(root: MountRoot, path: string, bytes: Uint8Array, flags: number, mode: number): void {
  const fd = openPath(root, path, flags, mode);
  try {
    const size = fs.fstatSync(fd).size;
    try {
      writeAll(fd, bytes);
    } catch (e) {
      fs.ftruncateSync(fd, size);
      throw e;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Chooses the write strategy for `writeFileSync`'s flag. */
export function writeByFlags(root: MountRoot, path: string, bytes: Uint8Array, flags: number, mode: number): void {
  if ((flags & O_APPEND) !== 0) return appendFile(root, path, bytes, flags, mode);
  const truncating = (flags & (O_CREAT | O_TRUNC)) === (O_CREAT | O_TRUNC) && (flags & O_ACCMODE) !== O_RDONLY;
  return truncating ? replaceFile(root, path, bytes, flags, mode) : writeThrough(root, path, bytes, flags, mode);
}

/** `copyFileSync(src, dest, mode)`: src followed; dest replaced atomically (COPYFILE_EXCL: only if absent). */
export function copyFile(root: MountRoot, src: string, dest: string, mode = 0): void {
  const op = { syscall: 'copyfile', path: src, dest };
  const exclusive = (mode & COPYFILE_EXCL) !== 0;
  const inner = mode & ~COPYFILE_EXCL;
  try {
    root.with(src, { follow: true }, (s) => {
      if (s.fd === undefined) throw new PathError('ENOENT', s.guest);
      if (s.stat!.isDirectory()) throw new PathError('EISDIR', s.guest);
      // Opening a FIFO would block the host until a writer came: answer as a non-blocking read would.
      if (s.stat!.isFIFO()) throw new PathError('EAGAIN', s.guest);
      const from = fdPath(s.fd);
      root.with(dest, { follow: !exclusive }, (d) => {
        if (d.fd !== undefined) {
          if (exclusive) throw new PathError('EEXIST', d.guest);
          const st = d.stat!;
          if (st.dev === s.stat!.dev && st.ino === s.stat!.ino) return;
          if (st.isDirectory()) throw new PathError('EISDIR', d.guest);
          if (inPlace(st)) return fs.copyFileSync(from, fdPath(d.fd), inner);
        } else if (d.mustDir) throw new PathError('EISDIR', d.guest);
        // libuv copies into the reopened temp inode, gives it src's mode, and may clone (FICLONE).
        replaceWith(d, 0o600, { exclusive }, (fd) => fs.copyFileSync(from, fdPath(fd), inner));
      });
    });
  } catch (e) {
    throw opError(e, op);
  }
}

/** Node's error for a bad encoding name. */
export function checkEncoding(encoding: unknown): void {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return;
  if (typeof encoding === 'string' && Buffer.isEncoding(encoding)) return;
  const err = new TypeError(`The argument 'encoding' is invalid encoding. Received ${inspect(encoding)}`) as TypeError & { code: string };
  err.code = 'ERR_INVALID_ARG_VALUE';
  throw err;
}

/** `readFileSync(path, { encoding, flag })` or on a host descriptor. */
export function readWhole(fd: number, encoding: BufferEncoding | null | undefined): string | Buffer {
  return run('read', () => fs.readFileSync(fd, { encoding: encoding ?? null }));
}


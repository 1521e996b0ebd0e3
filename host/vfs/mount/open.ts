import { constants, openSync } from 'node:fs';
import { inspect } from 'node:util';
import { flagBits } from '../../fs/descriptors/index.js';
import { guestError, systemCode, toGuest } from './errors.js';
import { fdPath, inDir, PathError, Raced, type Entry } from './walk.js';
import type { MountRoot } from './root.js';

/** Opening a guest path on a mounted directory, with Node's flags. */

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = constants;

/** Node's `stringToFlags`: a flags string or an int32 of O_* bits; anything else is ERR_INVALID_ARG_VALUE. */
export function toFlags(flags: unknown, fallback = 'r'): number {
  const given = flags === undefined || flags === null ? fallback : flags;
  const bits = typeof given === 'string' || typeof given === 'number' ? flagBits(given) : undefined;
  if (bits !== undefined) return bits;
  const err = new TypeError(`The argument 'flags' is invalid. Received ${inspect(flags)}`) as TypeError & { code: string };
  err.code = 'ERR_INVALID_ARG_VALUE';
  throw err;
}

/** True when `flags` create the file exclusively (then a final symlink is not followed). */
export function isExclusive(flags: number): boolean {
  return (flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0;
}

/**
 * Opens the file `entry` names with `flags`: an existing file is reopened through its pinned
 * descriptor (exactly the inode the walk checked); a missing one is created by name in its pinned
 * directory with O_NOFOLLOW, so a symlink planted there meanwhile is refused (Raced, resolve again).
 */
export function openEntry(entry: Entry, flags: number, mode: number): number {
  if (entry.fd === undefined || entry.stat?.isSymbolicLink()) return create(entry, flags, mode);
  if (isExclusive(flags)) throw new PathError('EEXIST', entry.guest);
  // Reopening /proc/self/fd/N follows that magic link: O_NOFOLLOW would refuse it, O_CREAT is moot.
  let reopen = flags & ~(O_NOFOLLOW | O_CREAT | O_EXCL);
  // A FIFO would block the host until a writer came; a guest must never stall the host.
  if (entry.stat?.isFIFO()) reopen |= O_NONBLOCK;
  return openSync(fdPath(entry.fd), reopen);
}

function create(entry: Entry, flags: number, mode: number): number {
  const exists = entry.fd !== undefined;
  if (!exists && (flags & O_CREAT) === 0) throw new PathError('ENOENT', entry.guest);
  if (!exists && entry.mustDir) throw new PathError('EISDIR', entry.guest);
  try {
    return openSync(inDir(entry.dir, entry.name), flags | O_NOFOLLOW, mode);
  } catch (e) {
    const code = systemCode(e);
    // ELOOP where the guest did not ask for O_NOFOLLOW: a symlink appeared after the walk.
    if (code === 'ELOOP' && (flags & O_NOFOLLOW) === 0 && !isExclusive(flags)) throw new Raced(code);
    throw e;
  }
}

/** `openSync(path, flags, mode)` on the mount, as a host descriptor; errors are the guest's (syscall `open`). */
export function openPath(root: MountRoot, path: string, flags: number, mode = 0o666): number {
  const follow = (flags & O_NOFOLLOW) === 0 && !isExclusive(flags);
  try {
    return root.with(path, { follow }, (entry) => openEntry(entry, flags, mode));
  } catch (e) {
    throw openError(e, path);
  }
}

/** The guest's error for a failed open of `path`. */
export function openError(e: unknown, path: string): unknown {
  if (e instanceof PathError) return guestError({ code: e.code, syscall: 'open', path });
  return toGuest(e, { syscall: 'open', path });
}

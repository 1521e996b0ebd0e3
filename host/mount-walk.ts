import { closeSync, constants, fstatSync, openSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { systemCode } from './mount-errors.js';

/**
 * The confinement of a mounted directory: every guest path is resolved component by component from
 * a descriptor of the host directory, never by handing a path to the kernel in one piece.
 *
 * Each step opens ONE name inside a directory we already hold, with O_PATH|O_NOFOLLOW, through the
 * Linux magic link `/proc/self/fd/<dir>/<name>` (an `openat` that Node lacks): the directory is
 * pinned by its descriptor, so swapping any component for a symlink between checks cannot redirect
 * the walk. Symlinks are read and followed here, as the guest would see them: an absolute target
 * `/x` means `<root>/x`, and `..` at the root stays at the root (as `/..` does). There is no outside
 * to reach: a link "out" names a guest path like any other, usually missing (ENOENT).
 */

/** Linux O_PATH: a descriptor that only pins a place (no read permission needed, works on symlinks). */
export const O_PATH = 0o10000000;
const { O_NOFOLLOW, O_DIRECTORY } = constants;
/** Symlinks followed in one resolution before ELOOP (Linux's limit). */
const MAX_LINKS = 40;
/** Resolutions restarted because something changed under the walk, before giving up. */
const MAX_RETRIES = 32;

/** The pinned descriptor `fd` as a path: opening it reopens exactly that file. */
export function fdPath(fd: number): string {
  return `/proc/self/fd/${fd}`;
}

/** `name` inside the directory held by `dir`; only the lookup of `name` itself is not pinned. */
export function inDir(dir: number, name: string): string {
  return `/proc/self/fd/${dir}/${name}`;
}

/**
 * A walk failed with `code`. `at` is where Node's realpath would say it failed: the outermost
 * symlink being expanded (`viaLink`), else the component that failed, as a canonical guest path.
 */
export class PathError extends Error {
  readonly code: string;
  readonly at: string;
  readonly viaLink: boolean;
  constructor(code: string, at: string, viaLink = false) {
    super(code);
    this.code = code;
    this.at = at;
    this.viaLink = viaLink;
  }
}

/** Something changed under an operation (a name swapped between two steps): resolve again. */
export class Raced extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** Where a guest path leads. Descriptors are owned by the entry: `release` it. */
export interface Entry {
  /** O_PATH descriptor of the directory holding the entry (may be the root's: never close it directly). */
  dir: number;
  /** The entry's one-component name in `dir`; `.` when the path ends at a directory itself. */
  name: string;
  /** O_PATH|O_NOFOLLOW descriptor of the entry, when it exists. */
  fd: number | undefined;
  /** lstat of the entry (of the link itself when not followed), when it exists. */
  stat: Stats | undefined;
  /** The entry's canonical guest path (no symlink before its last component). */
  guest: string;
  /** The last component was reached through a symlink. */
  viaLink: boolean;
  /** The outermost symlink whose target text the last component came from (its guest path). */
  link: string | undefined;
  /** The path ended with `/`: the entry must be a directory. */
  mustDir: boolean;
  /** The entry is the guest's `/`. */
  isRoot: boolean;
}

/** How to treat a symlink in the last component. */
export interface Lookup {
  /** Follow a final symlink (stat, open) or leave it (lstat, unlink, rename). A trailing `/` always follows. */
  follow: boolean;
}

interface Level {
  name: string;
  dev: number;
  ino: number;
}

/** The host directory a guest sees at `/`, held open for the mount's lifetime. */
export class MountRoot {
  /** O_PATH descriptor of the host directory. */
  readonly fd: number;
  readonly #dev: number;
  readonly #ino: number;

  /** Opens `hostDir` (the host's path; it is never shown to the guest). */
  constructor(hostDir: string) {
    if (process.platform !== 'linux') throw new Error('a mounted directory needs Linux (/proc/self/fd and O_PATH)');
    this.fd = openSync(realpathSync(hostDir), O_PATH | O_DIRECTORY);
    const st = fstatSync(this.fd);
    this.#dev = st.dev;
    this.#ino = st.ino;
  }

  /** Resolves a guest path (absolute; relative means from `/`), retrying when raced. Throws PathError. */
  resolve(path: string, lookup: Lookup): Entry {
    for (let attempt = 0; ; attempt++) {
      try {
        return this.#walk(path, lookup);
      } catch (e) {
        if (!(e instanceof Raced)) throw e;
        if (attempt >= MAX_RETRIES) throw new PathError(e.code, path);
      }
    }
  }

  /** Closes the entry's descriptors. */
  release(entry: Entry): void {
    if (entry.fd !== undefined) closeSync(entry.fd);
    if (entry.dir !== this.fd) closeSync(entry.dir);
  }

  /** Runs `fn` on the entry `path` leads to, releasing it after, and starting over when `fn` was raced. */
  with<T>(path: string, lookup: Lookup, fn: (entry: Entry) => T): T {
    for (let attempt = 0; ; attempt++) {
      const entry = this.resolve(path, lookup);
      try {
        return fn(entry);
      } catch (e) {
        if (!(e instanceof Raced)) throw e;
        if (attempt >= MAX_RETRIES) throw new PathError(e.code, path);
      } finally {
        this.release(entry);
      }
    }
  }

  /** Closes the root descriptor. The mount is unusable after. */
  close(): void {
    closeSync(this.fd);
  }

  #walk(path: string, lookup: Lookup): Entry {
    const mustDir = /[^/]\/+$/.test(path);
    const pending = path.split('/').filter((c) => c !== '').reverse();
    const levels: Level[] = [];
    // Symlinks being expanded: the guest path of each and how many components remain after its text.
    const expanding: Array<{ at: string; rest: number }> = [];
    let cur = this.fd;
    let links = 0;
    const guestOf = (name?: string) => `/${[...levels.map((l) => l.name), ...(name === undefined ? [] : [name])].join('/')}`;
    const link = () => {
      while (expanding.length > 0 && expanding[expanding.length - 1]!.rest > pending.length) expanding.pop();
      return expanding[0]?.at;
    };
    const fail = (code: string, at: string) => {
      const outer = link();
      return outer === undefined ? new PathError(code, at) : new PathError(code, outer, true);
    };
    try {
      for (;;) {
        const c = pending.pop();
        if (c === undefined) return this.#self(cur, guestOf(), { link: link(), mustDir, isRoot: levels.length === 0 });
        if (c === '.') continue;
        if (c === '..') {
          cur = this.#up(cur, levels);
          continue;
        }
        const last = pending.length === 0;
        const fd = this.#open(cur, c, fail, guestOf(c));
        if (fd === undefined) {
          if (!last) throw fail('ENOENT', guestOf(c));
          const outer = link();
          return { dir: cur, name: c, fd: undefined, stat: undefined, guest: guestOf(c), viaLink: outer !== undefined, link: outer, mustDir, isRoot: false };
        }
        const st = fstatSync(fd);
        if (st.isSymbolicLink() && (!last || lookup.follow || mustDir)) {
          closeSync(fd);
          if (++links > MAX_LINKS) throw fail('ELOOP', guestOf(c));
          const text = this.#readlink(cur, c);
          expanding.push({ at: guestOf(c), rest: pending.length });
          if (text.startsWith('/')) cur = this.#toRoot(cur, levels);
          // A target ending in `/` must be a directory: `x/.` says exactly that.
          if (text.endsWith('/')) pending.push('.');
          pending.push(...text.split('/').filter((t) => t !== '').reverse());
          continue;
        }
        if (last) {
          const outer = link();
          const entry: Entry = { dir: cur, name: c, fd, stat: st, guest: guestOf(c), viaLink: outer !== undefined, link: outer, mustDir, isRoot: false };
          if (mustDir && !st.isDirectory()) {
            closeSync(fd);
            throw fail('ENOTDIR', guestOf(c));
          }
          return entry;
        }
        if (!st.isDirectory()) {
          closeSync(fd);
          throw fail('ENOTDIR', `${guestOf(c)}/${pending[pending.length - 1]}`);
        }
        if (cur !== this.fd) closeSync(cur);
        cur = fd;
        levels.push({ name: c, dev: st.dev, ino: st.ino });
      }
    } catch (e) {
      if (cur !== this.fd) closeSync(cur);
      throw e;
    }
  }

  /** The entry for the directory `cur` itself (a path ending in `.`, `..` or at `/`). */
  #self(cur: number, guest: string, how: { link: string | undefined; mustDir: boolean; isRoot: boolean }): Entry {
    const fd = openSync(inDir(cur, '.'), O_PATH);
    return { dir: cur, name: '.', fd, stat: fstatSync(fd), guest, viaLink: how.link !== undefined, ...how };
  }

  /** Opens one name in `cur` without following it; undefined when it does not exist. */
  #open(cur: number, name: string, fail: (code: string, at: string) => PathError, at: string): number | undefined {
    try {
      return openSync(inDir(cur, name), O_PATH | O_NOFOLLOW);
    } catch (e) {
      const code = systemCode(e) ?? 'EIO';
      if (code === 'ENOENT') return undefined;
      throw fail(code, at);
    }
  }

  #readlink(cur: number, name: string): string {
    try {
      return readlinkSync(inDir(cur, name), 'utf8');
    } catch (e) {
      // The link was replaced since we looked at it.
      throw new Raced(systemCode(e) ?? 'EIO');
    }
  }

  /** `..`: the parent of `cur`, checked to be the directory we came from; `/..` is `/`. */
  #up(cur: number, levels: Level[]): number {
    if (levels.length === 0) return cur;
    const fd = openSync(inDir(cur, '..'), O_PATH | O_DIRECTORY);
    const st = fstatSync(fd);
    const parent = levels[levels.length - 2];
    const [dev, ino] = parent === undefined ? [this.#dev, this.#ino] : [parent.dev, parent.ino];
    if (st.dev !== dev || st.ino !== ino) {
      closeSync(fd);
      throw new Raced('ENOENT');
    }
    levels.pop();
    closeSync(cur);
    if (levels.length === 0) {
      closeSync(fd);
      return this.fd;
    }
    return fd;
  }

  #toRoot(cur: number, levels: Level[]): number {
    if (cur !== this.fd) closeSync(cur);
    levels.length = 0;
    return this.fd;
  }
}

import { hasEscapes } from '../../../bridge/names/index.js';
import { fromHostName, nameBuffer } from '../names.js';
import { closeSync, constants, fstatSync, openSync, readlinkSync, type Stats } from 'node:fs';
import { systemCode } from './errors.js';

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
 *
 * An operation then acts only through what the walk pinned: an existing entry is reopened through
 * `/proc/self/fd/<fd>` (exactly the inode checked, whatever its name points at now); a name-based
 * call (unlink, rename, mkdir, symlink, link, lutimes) names one component inside the pinned parent;
 * a new file is created there with O_NOFOLLOW. `..` is taken from the directory held and checked
 * (dev, ino) to be the one the walk came from.
 */

/** Linux O_PATH: a descriptor that only pins a place (no read permission needed, works on symlinks). */
export const O_PATH = 0o10000000;
const { O_NOFOLLOW, O_DIRECTORY } = constants;
/** Symlinks followed in one resolution before ELOOP (Linux's limit). */
const MAX_LINKS = 40;

/** The pinned descriptor `fd` as a path: opening it reopens exactly that file. */
export function fdPath(fd: number): string {
  return `/proc/self/fd/${fd}`;
}

/** `name` inside the directory held by `dir`; only the lookup of `name` itself is not pinned. */
export function inDir(dir: number, name: string): string | Buffer {
  const path = `/proc/self/fd/${dir}/${name}`;
  return hasEscapes(name) ? nameBuffer(path) : path;
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

/** One resolution: the directory held, the components left, the symlinks being expanded. */
export class Walk {
  readonly #root: number;
  readonly #rootId: readonly [number, number];
  readonly #mustDir: boolean;
  /** Components still to walk, the next one last. */
  readonly #pending: string[];
  /** The directories below the root we are in (their names make the canonical guest path). */
  readonly #levels: Level[] = [];
  /** Symlinks being expanded: each one's guest path and how many components follow its text. */
  readonly #expanding: Array<{ at: string; rest: number }> = [];
  #cur: number;
  #links = 0;

  /** A walk of guest `path` from the root directory `root` (whose identity is `dev`, `ino`). */
  constructor(root: number, dev: number, ino: number, path: string) {
    this.#root = root;
    this.#rootId = [dev, ino];
    this.#cur = root;
    this.#mustDir = /[^/]\/+$/.test(path);
    this.#pending = path.split('/').filter((c) => c !== '').reverse();
  }

  /** Walks to the end: the entry, or a PathError (Raced when something changed under it). */
  run(lookup: Lookup): Entry {
    for (;;) {
      const c = this.#pending.pop();
      if (c === undefined) return this.#self();
      if (c === '.') continue;
      if (c === '..') {
        this.#up();
        continue;
      }
      const last = this.#pending.length === 0;
      const fd = this.#open(c);
      if (fd === undefined) {
        if (!last) throw this.#fail('ENOENT', this.#guest(c));
        return this.#entry(c, undefined, undefined);
      }
      const st = fstatSync(fd);
      if (st.isSymbolicLink() && (!last || lookup.follow || this.#mustDir)) {
        closeSync(fd);
        this.#follow(c);
      } else if (last) {
        if (this.#mustDir && !st.isDirectory()) {
          closeSync(fd);
          throw this.#fail('ENOTDIR', this.#guest(c));
        }
        return this.#entry(c, fd, st);
      } else this.#enter(c, fd, st);
    }
  }

  /** Closes what the walk holds (it failed). */
  abandon(): void {
    if (this.#cur !== this.#root) closeSync(this.#cur);
  }

  #guest(name?: string): string {
    const names = this.#levels.map((l) => l.name);
    if (name !== undefined) names.push(name);
    return `/${names.join('/')}`;
  }

  /** The outermost symlink whose text is still being walked, if any. */
  #link(): string | undefined {
    const expanding = this.#expanding;
    while (expanding.length > 0 && expanding[expanding.length - 1]!.rest > this.#pending.length) expanding.pop();
    return expanding[0]?.at;
  }

  #fail(code: string, at: string): PathError {
    const outer = this.#link();
    return outer === undefined ? new PathError(code, at) : new PathError(code, outer, true);
  }

  #entry(name: string, fd: number | undefined, stat: Stats | undefined): Entry {
    const link = this.#link();
    return { dir: this.#cur, name, fd, stat, guest: this.#guest(name), viaLink: link !== undefined, link, mustDir: this.#mustDir, isRoot: false };
  }

  /** The entry for the directory held itself (a path ending in `.`, `..` or at `/`). */
  #self(): Entry {
    const fd = openSync(inDir(this.#cur, '.'), O_PATH);
    const link = this.#link();
    const isRoot = this.#levels.length === 0;
    return { dir: this.#cur, name: '.', fd, stat: fstatSync(fd), guest: this.#guest(), viaLink: link !== undefined, link, mustDir: this.#mustDir, isRoot };
  }

  /** Opens one name in the directory held, without following it; undefined when it does not exist. */
  #open(name: string): number | undefined {
    try {
      return openSync(inDir(this.#cur, name), O_PATH | O_NOFOLLOW);
    } catch (e) {
      const code = systemCode(e) ?? 'EIO';
      if (code === 'ENOENT') return undefined;
      throw this.#fail(code, this.#guest(name));
    }
  }

  /** Steps into directory `name` (descriptor `fd`), or fails with ENOTDIR. */
  #enter(name: string, fd: number, st: Stats): void {
    if (!st.isDirectory()) {
      closeSync(fd);
      throw this.#fail('ENOTDIR', `${this.#guest(name)}/${this.#pending[this.#pending.length - 1]}`);
    }
    if (this.#cur !== this.#root) closeSync(this.#cur);
    this.#cur = fd;
    this.#levels.push({ name, dev: st.dev, ino: st.ino });
  }

  /** Replaces symlink `name` by its target's components, read now, resolved as the guest sees them. */
  #follow(name: string): void {
    if (++this.#links > MAX_LINKS) throw this.#fail('ELOOP', this.#guest(name));
    let text: string;
    try {
      text = fromHostName(readlinkSync(inDir(this.#cur, name), 'buffer'), 'utf8') as string;
    } catch (e) {
      // The link was replaced since we looked at it.
      throw new Raced(systemCode(e) ?? 'EIO');
    }
    if (text === '') throw this.#fail('ENOENT', this.#guest(name));
    this.#expanding.push({ at: this.#guest(name), rest: this.#pending.length });
    if (text.startsWith('/')) this.#toRoot();
    // A target ending in `/` must be a directory: `x/.` says exactly that.
    if (text.endsWith('/')) this.#pending.push('.');
    this.#pending.push(...text.split('/').filter((t) => t !== '').reverse());
  }

  /** `..`: the parent of the directory held, checked to be the one we came from; `/..` is `/`. */
  #up(): void {
    const levels = this.#levels;
    if (levels.length === 0) return;
    const fd = openSync(inDir(this.#cur, '..'), O_PATH | O_DIRECTORY);
    const st = fstatSync(fd);
    const parent = levels[levels.length - 2];
    const [dev, ino] = parent === undefined ? this.#rootId : [parent.dev, parent.ino];
    if (st.dev !== dev || st.ino !== ino) {
      closeSync(fd);
      throw new Raced('ENOENT');
    }
    levels.pop();
    closeSync(this.#cur);
    if (levels.length > 0) this.#cur = fd;
    else {
      closeSync(fd);
      this.#cur = this.#root;
    }
  }

  #toRoot(): void {
    if (this.#cur !== this.#root) closeSync(this.#cur);
    this.#levels.length = 0;
    this.#cur = this.#root;
  }
}

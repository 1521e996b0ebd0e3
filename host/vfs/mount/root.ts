import { closeSync, constants, fstatSync, openSync, realpathSync, statSync } from 'node:fs';
import { inspect } from 'node:util';
import { fdPath, O_PATH, PathError, Raced, Walk, type Entry, type Lookup } from './walk.js';

/** The mounted directory itself: its descriptor, and resolution of guest paths inside it (host/vfs/mount/walk.ts). */

const { O_DIRECTORY } = constants;
/** Resolutions restarted because something changed under the walk, before giving up. */
const MAX_RETRIES = 32;
/** The longest path Linux takes, its NUL included (PATH_MAX): a longer guest path is ENAMETOOLONG, as under Node. */
export const PATH_MAX = 4096;

/** Node's checks of a path argument (a hostile caller may pass anything). */
function checkPath(path: unknown): void {
  const fail = (code: string, message: string) => Object.assign(new TypeError(message), { code });
  if (typeof path !== 'string') throw fail('ERR_INVALID_ARG_TYPE', `The "path" argument must be of type string. Received ${inspect(path)}`);
  if (path.includes('\u0000')) {
    throw fail('ERR_INVALID_ARG_VALUE', `The argument 'path' must be a string, Uint8Array, or URL without null bytes. Received ${inspect(path)}`);
  }
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
    // Every step goes through /proc/self/fd: without procfs (or with it hidden) nothing would work.
    const viaProc = statSync(fdPath(this.fd), { throwIfNoEntry: false });
    if (viaProc?.dev !== st.dev || viaProc.ino !== st.ino) {
      closeSync(this.fd);
      throw new Error('a mounted directory needs /proc/self/fd (procfs), which is not available here');
    }
  }

  /** Resolves a guest path (absolute; relative means from `/`), retrying when raced. Throws PathError. */
  resolve(path: string, lookup: Lookup): Entry {
    checkPath(path);
    // Checked on the guest's path (the kernel never sees it whole): without it, a guest could build a tree
    // deeper than any host tool can name, one pinned step at a time, in time quadratic in its depth.
    if (Buffer.byteLength(path) >= PATH_MAX) throw new PathError('ENAMETOOLONG', path);
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
    const walk = new Walk(this.fd, this.#dev, this.#ino, path);
    try {
      return walk.run(lookup);
    } catch (e) {
      walk.abandon();
      throw e;
    }
  }
}


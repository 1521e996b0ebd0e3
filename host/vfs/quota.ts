import { constants } from 'node:fs';
import { dirname } from 'node:path/posix';
import type { Vfs } from './index.js';

const { O_CREAT, O_TRUNC, O_APPEND } = constants;

/**
 * What one run may add to its filesystem: bytes of file content and entries (files, directories,
 * links), both net of what it removes. Past either, the call that would go over fails with ENOSPC
 * (what a full disk, or one out of inodes, answers) and changes nothing; the run goes on, and what
 * it frees it may use again. This keeps a guest from exhausting the host's memory through the
 * memory filesystem (or the disk under a mount).
 */
export interface FsBudget {
  /** Net bytes of file content a run may add; 0 means no limit. */
  maxBytes: number;
  /** Net entries a run may create; 0 means no limit. */
  maxEntries: number;
}

/** The Vfs methods a budget looks at; every other method is the wrapped Vfs's own. */
type Watched = 'openSync' | 'writeSync' | 'ftruncateSync' | 'writeFileSync' | 'copyFileSync' | 'mkdirSync' | 'symlinkSync' | 'linkSync' | 'unlinkSync' | 'rmdirSync' | 'renameSync';

/** A system error as memfs and node:fs throw them (the handlers turn it into the guest's error). */
function noSpace(syscall: string, path?: string): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', syscall, ...(path === undefined ? {} : { path }) });
}

const FLAG_BITS: Record<string, number> = { r: 0, 'r+': 0, rs: 0, 'rs+': 0, 'sr+': 0, w: O_CREAT | O_TRUNC, wx: O_CREAT | O_TRUNC, xw: O_CREAT | O_TRUNC, 'w+': O_CREAT | O_TRUNC, 'wx+': O_CREAT | O_TRUNC, 'xw+': O_CREAT | O_TRUNC, a: O_CREAT | O_APPEND, ax: O_CREAT | O_APPEND, xa: O_CREAT | O_APPEND, as: O_CREAT | O_APPEND, sa: O_CREAT | O_APPEND, 'a+': O_CREAT | O_APPEND, 'ax+': O_CREAT | O_APPEND, 'xa+': O_CREAT | O_APPEND, 'as+': O_CREAT | O_APPEND, 'sa+': O_CREAT | O_APPEND };

function flagBits(flags: string | number | undefined): number {
  if (typeof flags === 'number') return flags;
  return FLAG_BITS[flags ?? 'r'] ?? 0;
}

/**
 * `vfs` with `budget` applied: the methods that add or remove content or entries are checked and
 * counted, every other method (reads, stats, metadata) is the wrapped Vfs's own function, bound to it.
 */
export function budgetedVfs<V extends Vfs>(vfs: V, budget: FsBudget): V {
  if (budget.maxBytes === 0 && budget.maxEntries === 0) return vfs;
  let bytes = 0;
  let entries = 0;
  const addBytes = (n: number, syscall: string, path?: string) => {
    if (n > 0 && budget.maxBytes > 0 && bytes + n > budget.maxBytes) throw noSpace(syscall, path);
  };
  const addEntries = (n: number, syscall: string, path?: string) => {
    if (n > 0 && budget.maxEntries > 0 && entries + n > budget.maxEntries) throw noSpace(syscall, path);
  };
  const sizeAt = (path: string): number | undefined => {
    try {
      const st = vfs.statSync(path);
      return st.isFile() ? st.size : 0;
    } catch {
      return undefined;
    }
  };
  /** What removing the entry at `path` frees: content only when it is the file's last link. */
  const removing = (path: string): { bytes: number; present: boolean } => {
    try {
      const st = vfs.lstatSync(path);
      return { bytes: st.isFile() && st.nlink <= 1 ? st.size : 0, present: true };
    } catch {
      return { bytes: 0, present: false };
    }
  };

  // The watched methods too call the Vfs as it is at the call.
  const watched: Pick<Vfs, Watched> = {
    openSync(path, flags, mode) {
      const bits = flagBits(flags);
      const before = bits & (O_CREAT | O_TRUNC) ? sizeAt(path) : 0;
      const creates = (bits & O_CREAT) !== 0 && before === undefined;
      if (creates) addEntries(1, 'open', path);
      const fd = vfs.openSync(path, flags, mode);
      if (creates) entries++;
      else if (bits & O_TRUNC && before) bytes -= before;
      return fd;
    },
    writeSync(fd, buffer, offset, length, position) {
      const size = vfs.fstatSync(fd).size;
      const end = position === null ? size + length : Math.max(size, position + length);
      addBytes(end - size, 'write');
      const n = vfs.writeSync(fd, buffer, offset, length, position);
      bytes += Math.max(0, (position === null ? size + n : Math.max(size, position + n)) - size);
      return n;
    },
    ftruncateSync(fd, len) {
      const size = vfs.fstatSync(fd).size;
      addBytes(len - size, 'ftruncate');
      vfs.ftruncateSync(fd, len);
      bytes += len - size;
    },
    writeFileSync(path, data, options) {
      const before = sizeAt(path);
      const length = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      const appends = (flagBits(options?.flag ?? 'w') & O_APPEND) !== 0;
      const growth = appends ? length : length - (before ?? 0);
      if (before === undefined) addEntries(1, 'open', path);
      addBytes(growth, 'write', path);
      vfs.writeFileSync(path, data, options);
      if (before === undefined) entries++;
      bytes += growth;
    },
    copyFileSync(src, dest, mode) {
      const size = sizeAt(src) ?? 0;
      const before = sizeAt(dest);
      if (before === undefined) addEntries(1, 'copyfile', dest);
      addBytes(size - (before ?? 0), 'copyfile', dest);
      vfs.copyFileSync(src, dest, mode);
      if (before === undefined) entries++;
      bytes += size - (before ?? 0);
    },
    mkdirSync(path, options) {
      // The directories a recursive mkdir creates: the missing ones from `path` up.
      let missing = 0;
      if (options?.recursive) {
        // The missing levels are the ones below the deepest existing ancestor, found by bisection (an entry
        // exists only if its parent does): each existsSync walks the path, so testing every level of a
        // chain 2,000 deep took seconds on a mount. Counted no further than the budget's room (then ENOSPC).
        const room = budget.maxEntries > 0 ? budget.maxEntries - entries + 1 : Infinity;
        const chain: string[] = [];
        for (let p = path; p !== '/' && p !== '.' && chain.length < room; p = dirname(p)) chain.push(p);
        let lo = 0;
        let hi = chain.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (vfs.existsSync(chain[mid]!)) hi = mid;
          else lo = mid + 1;
        }
        missing = lo;
      } else missing = 1;
      addEntries(missing, 'mkdir', path);
      const made = vfs.mkdirSync(path, options);
      if (!options?.recursive || made !== undefined) entries += missing;
      return made;
    },
    symlinkSync(target, path) {
      addEntries(1, 'symlink', path);
      vfs.symlinkSync(target, path);
      entries++;
    },
    linkSync(existing, path) {
      addEntries(1, 'link', path);
      vfs.linkSync(existing, path);
      entries++;
    },
    unlinkSync(path) {
      const gone = removing(path);
      vfs.unlinkSync(path);
      entries--;
      bytes -= gone.bytes;
    },
    rmdirSync(path) {
      vfs.rmdirSync(path);
      entries--;
    },
    renameSync(oldPath, newPath) {
      const replaced = oldPath === newPath ? { bytes: 0, present: false } : removing(newPath);
      vfs.renameSync(oldPath, newPath);
      if (replaced.present) {
        entries--;
        bytes -= replaced.bytes;
      }
    },
  };

  // Every other method calls the wrapped Vfs's own, looked up at each call (a Vfs may be a Proxy,
  // or have its methods replaced), found along its prototypes; accessors are left alone.
  const out: Record<string, unknown> = {};
  const target = vfs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (let o: object | null = vfs; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const [key, desc] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
      if (key === 'constructor' || key in out || typeof desc.value !== 'function') continue;
      out[key] = (...args: unknown[]) => target[key]!(...args);
    }
  }
  return Object.assign(out, watched) as unknown as V;
}

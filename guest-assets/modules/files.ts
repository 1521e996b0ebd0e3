import { Method, ModuleSource, Status } from '../../bridge/protocol.js';
import { guard, type Caps } from '../caps.js';
import { unwrap, type Result, type Rpc } from '../rpc.js';

/**
 * The loader's view of the guest filesystem: every lookup is one bridge call, and a module's source
 * crosses raw (status 2) and is decoded here. The loader never goes through the guest's public `fs`
 * object, which guest code may replace (Node's loader uses its internal bindings the same way).
 */
export interface LoaderFs {
  /**
   * Node's internalModuleStat: 0 a file, 1 a directory, -2 nothing there (symlinks followed). With
   * `forLoad`, a file that is about to be loaded brings its source along (the next readText of its
   * real path takes it), unless it has been read before.
   */
  stat(path: string, forLoad?: boolean): 0 | 1 | -2;
  /** The file as UTF-8 text (BOM kept), or an fs error thrown as Node throws it. */
  readText(path: string): string;
  /** The file as text, or undefined when it cannot be read (package.json lookups). */
  readOptional(path: string): string | undefined;
  /** The file's real path (symlinks resolved), or the fs error. */
  realpath(path: string): string;
  /** Starts (depth 0 -> 1) or ends a top-level load: stats are cached only within one, as Node does. */
  enter(): void;
  leave(): void;
}

/** The bytes of a reply: status 2, or (from a host speaking the legacy wire) a status-0 bytes value. */
function bytesOf(result: Result): Uint8Array | undefined {
  if (result.status === Status.Raw) return result.bytes;
  return result.status === Status.Ok && result.value instanceof Uint8Array ? result.value : undefined;
}

export function createLoaderFs(rpc: Rpc, caps: Caps): LoaderFs {
  let depth = 0;
  let stats: Map<string, 0 | 1 | -2> | undefined;
  const decode = (bytes: Uint8Array) => {
    const text = guard(() => caps.decode(bytes, 'utf-8', false, true));
    return typeof text === 'string' ? text : '';
  };
  // A file's lookup brings its real path along (the loader wants it next): one call instead of two;
  // asked for a load, its source too (ModuleSource layout). The found file is the last one looked
  // up before it is read, so one slot holds that source; a file read once (a module already loaded,
  // a shared import of many modules) is not sent again.
  const realpaths = new Map<string, string>();
  const read = new Set<string>();
  let held: { path: string; bytes: Uint8Array } | undefined;
  function statUncached(path: string, forLoad: boolean): 0 | 1 | -2 {
    const result = rpc.callSync(Method.moduleStat, [path, true, forLoad && !read.has(path)]);
    const bytes = bytesOf(result);
    if (bytes !== undefined) {
      const length = bytes.length >= ModuleSource.realpath ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(ModuleSource.realpathLength) : -1;
      if (length < 0 || ModuleSource.realpath + length > bytes.length) return -2;
      const real = decode(bytes.subarray(ModuleSource.realpath, ModuleSource.realpath + length));
      realpaths.set(path, real);
      held = { path: real, bytes: bytes.subarray(ModuleSource.realpath + length) };
      return 0;
    }
    if (result.status !== Status.Ok) return -2;
    if (typeof result.value === 'string') {
      realpaths.set(path, result.value);
      return 0;
    }
    return result.value === 0 || result.value === 1 ? result.value : -2;
  }
  return {
    stat(path, forLoad = false) {
      if (stats === undefined) return statUncached(path, forLoad);
      let rc = stats.get(path);
      if (rc === undefined) {
        rc = statUncached(path, forLoad);
        stats.set(path, rc);
      }
      return rc;
    },
    readText(path) {
      read.add(path);
      if (held !== undefined && held.path === path) {
        const bytes = held.bytes;
        held = undefined;
        return decode(bytes);
      }
      const bytes = bytesOf(rpc.callSync(Method.moduleRead, [path]));
      if (bytes) return decode(bytes);
      // Not readable: fs.readFileSync gives Node's error for it (ENOENT, EISDIR, EACCES...).
      return decode(unwrap(rpc.callSync(Method.readFile, [path])) as Uint8Array);
    },
    readOptional(path) {
      const bytes = bytesOf(rpc.callSync(Method.moduleRead, [path]));
      return bytes ? decode(bytes) : undefined;
    },
    realpath(path) {
      const known = realpaths.get(path);
      if (known !== undefined) return known;
      return unwrap(rpc.callSync(Method.realpath, [path, 'utf8', false])) as string;
    },
    enter() {
      if (depth++ === 0) stats = new Map();
    },
    leave() {
      if (--depth === 0) {
        stats = undefined;
        // A source fetched for a file that was then not loaded (require.resolve) is not kept.
        held = undefined;
      }
    },
  };
}

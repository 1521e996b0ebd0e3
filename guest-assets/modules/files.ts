import { Method, Status } from '../../bridge/protocol.js';
import { guard, type Caps } from '../caps.js';
import { unwrap, type Result, type Rpc } from '../rpc.js';

/**
 * The loader's view of the guest filesystem: every lookup is one bridge call, and a module's source
 * crosses raw (status 2) and is decoded here. The loader never goes through the guest's public `fs`
 * object, which guest code may replace (Node's loader uses its internal bindings the same way).
 */
export interface LoaderFs {
  /** Node's internalModuleStat: 0 a file, 1 a directory, -2 nothing there (symlinks followed). */
  stat(path: string): 0 | 1 | -2;
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
  // A file's lookup brings its real path along (the loader wants it next): one call instead of two.
  const realpaths = new Map<string, string>();
  function statUncached(path: string): 0 | 1 | -2 {
    const result = rpc.callSync(Method.moduleStat, [path, true]);
    if (result.status !== Status.Ok) return -2;
    if (typeof result.value === 'string') {
      realpaths.set(path, result.value);
      return 0;
    }
    return result.value === 0 || result.value === 1 ? result.value : -2;
  }
  return {
    stat(path) {
      if (stats === undefined) return statUncached(path);
      let rc = stats.get(path);
      if (rc === undefined) {
        rc = statUncached(path);
        stats.set(path, rc);
      }
      return rc;
    },
    readText(path) {
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
      if (known !== undefined) {
        realpaths.delete(path);
        return known;
      }
      return unwrap(rpc.callSync(Method.realpath, [path, 'utf8', false])) as string;
    },
    enter() {
      if (depth++ === 0) stats = new Map();
    },
    leave() {
      if (--depth === 0) stats = undefined;
    },
  };
}

import { Method, ModuleBatch, ModuleSource, Status } from '../../bridge/wire/protocol.js';
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
  /**
   * Looks up many files in one call (an ES module's relative imports), their sources included where
   * not read yet; `statImport` and `readText` then answer from it until the graph load ends.
   */
  prefetch(paths: string[]): void;
  /** `stat(path, true)` for ES module resolution: answered by a prefetch when there was one. */
  statImport(path: string): 0 | 1 | -2;
  /** Starts or ends the linking of an ES module graph; prefetched lookups are dropped when the last ends. */
  graph(start: boolean): void;
  /**
   * Looks up together the paths one CommonJS resolution is about to try (a request with each
   * extension, a package name in each node_modules); `stat` answers them until `endProbe`. The
   * sources of found files come along; the file the resolution picks is read next.
   */
  probe(paths: string[]): void;
  endProbe(): void;
  /** What a stat of `path` would answer without a call (cached or probed), or undefined. */
  known(path: string): 0 | 1 | -2 | undefined;
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
  // A graph load's prefetched lookups and sources (by real path), kept while a graph links.
  let graphs = 0;
  const prefetched = new Map<string, 0 | 1 | -2>();
  const fetchedSources = new Map<string, Uint8Array>();
  // Paths found missing since the program last called the filesystem (Rpc.changes).
  const missing = { changes: -1, paths: new Set<string>() };
  function knownMissing(path: string): -2 | undefined {
    if (missing.changes !== rpc.changes) {
      missing.changes = rpc.changes;
      missing.paths.clear();
      return undefined;
    }
    return stats !== undefined && missing.paths.has(path) ? -2 : undefined;
  }
  // One CommonJS resolution's probes (valid until it ends) and the sources they brought.
  const probed = new Map<string, 0 | 1 | -2>();
  const probeSources = new Map<string, Uint8Array>();
  /** One module.statMany call for `paths`; results into `into`, sources into `sources`. */
  function statMany(paths: string[], into: Map<string, 0 | 1 | -2>, sources: Map<string, Uint8Array>): void {
    if (paths.length === 0) return;
    const bytes = bytesOf(rpc.callSync(Method.moduleStatMany, [paths, paths.map((p) => !read.has(p))]));
    // A host without the method (an older one) answers an error: each path is then looked up alone.
    if (bytes !== undefined) takeBatch(bytes, paths, into, sources);
  }
  function takeBatch(bytes: Uint8Array, paths: string[], prefetched: Map<string, 0 | 1 | -2>, fetchedSources: Map<string, Uint8Array>): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 4 || view.getUint32(0) !== paths.length) return;
    let at = 4;
    for (const path of paths) {
      if (at >= bytes.length) return;
      const kind = bytes[at++];
      if (kind === ModuleBatch.dir) prefetched.set(path, 1);
      else if (kind !== ModuleBatch.file) prefetched.set(path, -2);
      else {
        if (at + 4 > bytes.length) return;
        const nameLength = view.getUint32(at);
        at += 4;
        if (at + nameLength + 4 > bytes.length) return;
        const real = decode(bytes.subarray(at, at + nameLength));
        at += nameLength;
        const sourceLength = view.getUint32(at);
        at += 4;
        if (sourceLength !== ModuleBatch.noSource) {
          if (at + sourceLength > bytes.length) return;
          fetchedSources.set(real, bytes.subarray(at, at + sourceLength));
          at += sourceLength;
        }
        realpaths.set(path, real);
        prefetched.set(path, 0);
      }
    }
  }
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
      let rc = probed.get(path) ?? stats?.get(path) ?? knownMissing(path);
      if (rc === undefined) rc = statUncached(path, forLoad);
      // As Node's statCache: what exists is remembered while a top-level load runs; what is missing
      // only until the program touches the filesystem (a file it writes next is then found).
      if (stats !== undefined) {
        if (rc >= 0) stats.set(path, rc);
        else if (missing.changes === rpc.changes) missing.paths.add(path);
      }
      return rc;
    },
    probe(paths) {
      probeSources.clear();
      const unknown = [...new Set(paths)].filter((p) => !probed.has(p) && stats?.get(p) === undefined && knownMissing(p) === undefined);
      statMany(unknown.slice(0, ModuleBatch.maxPaths), probed, probeSources);
    },
    endProbe() {
      probed.clear();
    },
    known: (path) => probed.get(path) ?? stats?.get(path) ?? knownMissing(path),
    readText(path) {
      read.add(path);
      const fetched = fetchedSources.get(path) ?? probeSources.get(path);
      if (fetched !== undefined) {
        fetchedSources.delete(path);
        probeSources.delete(path);
        return decode(fetched);
      }
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
    prefetch(paths) {
      if (graphs === 0) return;
      statMany([...new Set(paths)].filter((p) => !prefetched.has(p)).slice(0, ModuleBatch.maxPaths), prefetched, fetchedSources);
    },
    statImport(path) {
      return prefetched.get(path) ?? this.stat(path, true);
    },
    graph(start) {
      if (start) graphs++;
      else if (--graphs === 0) {
        prefetched.clear();
        fetchedSources.clear();
      }
    },
    enter() {
      if (depth++ === 0) stats = new Map();
    },
    leave() {
      if (--depth === 0) {
        stats = undefined;
        // A source fetched for a file that was then not loaded (require.resolve) is not kept.
        held = undefined;
        probeSources.clear();
        missing.paths.clear();
      }
    },
  };
}

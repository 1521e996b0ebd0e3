import { Method, StatField, Status } from '../../bridge/protocol.js';
import { guard, type Caps } from '../caps.js';
import { unwrap, type Rpc } from '../rpc.js';

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

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/** The mode field of a Float64 stat record (bridge/protocol.ts: platform byte order). */
function modeOf(record: Uint8Array): number {
  const aligned = record.byteOffset % 8 === 0 ? record : record.slice();
  return new Float64Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 8)[StatField.mode]!;
}

export function createLoaderFs(rpc: Rpc, caps: Caps): LoaderFs {
  let depth = 0;
  let stats: Map<string, 0 | 1 | -2> | undefined;
  const decode = (bytes: Uint8Array) => {
    const text = guard(() => caps.decode(bytes, 'utf-8', false, true));
    return typeof text === 'string' ? text : '';
  };
  function statUncached(path: string): 0 | 1 | -2 {
    const result = rpc.callSync(Method.stat, [path, false, false]);
    if (result.status !== Status.Raw) return -2;
    const type = modeOf(result.bytes) & S_IFMT;
    return type === S_IFDIR ? 1 : type === S_IFREG ? 0 : -2;
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
      return decode(unwrap(rpc.callSync(Method.readFile, [path])) as Uint8Array);
    },
    readOptional(path) {
      const result = rpc.callSync(Method.readFile, [path]);
      return result.status === Status.Raw ? decode(result.bytes) : undefined;
    },
    realpath(path) {
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

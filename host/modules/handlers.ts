import { Method, ModuleBatch, ModuleSource } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import { resolveGuestPath, stringArg } from '../fs/args.js';
import { realpathAt } from '../fs/dirs/links.js';
import { FileSource } from '../fs/files.js';
import { statAt } from '../fs/dirs/lookup.js';
import type { Vfs, VfsEntryStats } from '../vfs/index.js';

/**
 * The module loader's two lookups (bridge/wire/protocol.ts Method.moduleStat, moduleRead). They answer a
 * missing file with a value instead of an error record: resolution probes many paths that are not
 * there, and building a Node error for each would be wasted work on both sides.
 */
export function moduleHandlers(vfs: Vfs, readFile: Handler): Record<string, Handler> {
  const fast = fastLookups(vfs);
  const stat: Handler = (args) => lookup(stringArg(args[0], 'path'), args[1] === true, args[2] === true);
  /** module.stat's answer for one path: -2, 1, 0, the real path, or the ModuleSource bytes. */
  function lookup(path: string, withReal: boolean, withBytes: boolean): unknown {
    if (fast) return fast(resolveGuestPath(path), withReal, withBytes);
    try {
      const resolved = resolveGuestPath(path);
      // statAt follows links itself and fails with a light error: most lookups find nothing.
      const st = statAt(vfs, resolved).stats;
      if (st.isDirectory()) return 1;
      if (!st.isFile()) return -2;
      if (!withReal) return 0;
      const real = String(realpathAt(vfs, resolved, 'utf8', false));
      if (!withBytes || Number(st.size) > ModuleSource.maxBytes) return real;
      return withSource(real, resolved);
    } catch {
      return -2;
    }
  }
  /** The ModuleSource answer (bridge/wire/protocol.ts): real path, then the file's bytes read in place. */
  function withSource(real: string, resolved: string): Uint8Array | string {
    let fd: number;
    try {
      fd = vfs.openSync(resolved, 'r');
    } catch {
      return real;
    }
    try {
      const size = vfs.fstatSync(fd).size;
      if (size > ModuleSource.maxBytes) return real;
      const name = Buffer.from(real);
      const out = Buffer.allocUnsafe(ModuleSource.realpath + name.length + size);
      out.writeUInt32BE(name.length, ModuleSource.realpathLength);
      name.copy(out, ModuleSource.realpath);
      new FileSource(vfs, fd, size).read(out.subarray(ModuleSource.realpath + name.length), 0);
      return out;
    } catch {
      return real;
    } finally {
      vfs.closeSync(fd);
    }
  }
  /**
   * A Vfs that resolves symlinks itself (memfs: `realpathSync`, `statSync` with throwIfNoEntry) answers
   * in a few microseconds what the generic walk takes tens for; a mount keeps the confined walk.
   */
  function fastLookups(v: Vfs): ((resolved: string, real: boolean, withBytes: boolean) => unknown) | undefined {
    const f = v as Vfs & { realpathSync?: (p: string) => unknown; statSync(p: string, o: { throwIfNoEntry: false }): VfsEntryStats | undefined };
    if (typeof f.realpathSync !== 'function') return undefined;
    const realpathSync = f.realpathSync.bind(f);
    return (resolved, real, withBytes) => {
      try {
        const st = f.statSync(resolved, { throwIfNoEntry: false });
        if (st === undefined) return -2;
        if (st.isDirectory()) return 1;
        if (!st.isFile()) return -2;
        if (!real) return 0;
        const target = String(realpathSync(resolved));
        if (!withBytes || Number(st.size) > ModuleSource.maxBytes) return target;
        return withSource(target, target);
      } catch {
        return -2;
      }
    };
  }

  // Missing or unreadable is undefined, not an error (the loader goes on to the next candidate).
  const read: Handler = (args, context) => {
    stringArg(args[0], 'path');
    try {
      const bytes = readFile([args[0]], context);
      return bytes instanceof Promise ? bytes.catch(() => undefined) : bytes;
    } catch {
      return undefined;
    }
  };
  /** module.statMany: each path as module.stat answers it, packed in the ModuleBatch layout. */
  const statMany: Handler = (args) => {
    const paths = args[0];
    const sources = args[1];
    if (!Array.isArray(paths) || paths.length > ModuleBatch.maxPaths || !Array.isArray(sources)) throw new TypeError('module.statMany takes a list of paths and a list of flags');
    const parts: Buffer[] = [Buffer.alloc(4)];
    parts[0]!.writeUInt32BE(paths.length, 0);
    let size = 4;
    for (let i = 0; i < paths.length; i++) {
      const answer = lookup(stringArg(paths[i], 'path'), true, sources[i] === true && size < ModuleBatch.maxBytes);
      const part = batchEntry(answer, ModuleBatch.maxBytes - size);
      parts.push(part);
      size += part.length;
    }
    return Buffer.concat(parts, size);
  };
  return { [Method.moduleStat]: stat, [Method.moduleRead]: read, [Method.moduleStatMany]: statMany };
}

/** One path's part of a ModuleBatch answer, from what module.stat answered for it. */
function batchEntry(answer: unknown, room: number): Buffer {
  if (answer === 1) return Buffer.of(ModuleBatch.dir);
  if (typeof answer === 'string') {
    const name = Buffer.from(answer);
    const out = Buffer.alloc(9 + name.length);
    out[0] = ModuleBatch.file;
    out.writeUInt32BE(name.length, 1);
    name.copy(out, 5);
    out.writeUInt32BE(ModuleBatch.noSource, 5 + name.length);
    return out;
  }
  if (answer instanceof Uint8Array) {
    const view = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength);
    const nameLength = view.readUInt32BE(ModuleSource.realpathLength);
    const name = view.subarray(ModuleSource.realpath, ModuleSource.realpath + nameLength);
    const bytes = view.subarray(ModuleSource.realpath + nameLength);
    if (9 + name.length + bytes.length > room) return batchEntry(name.toString(), room);
    const out = Buffer.alloc(9 + name.length + bytes.length);
    out[0] = ModuleBatch.file;
    out.writeUInt32BE(name.length, 1);
    name.copy(out, 5);
    out.writeUInt32BE(bytes.length, 5 + name.length);
    bytes.copy(out, 9 + name.length);
    return out;
  }
  // 0 (a file whose real path was not asked for) does not occur here: the batch always asks.
  return Buffer.of(ModuleBatch.missing);
}

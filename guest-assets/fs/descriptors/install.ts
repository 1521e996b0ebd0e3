import { Method } from '../../../bridge/wire/protocol.js';
import { unwrap, type Rpc } from '../../rpc.js';
import { addDescriptorForms } from './files.js';
import { descriptorFunctions } from './fs.js';
import { openCall } from './index.js';
import { FileHandle, readWhole, writeWhole, type HandleContext } from '../filehandle.js';
import { Stats } from '../stats/index.js';
import { statFunctions } from '../stats/fs.js';
import { makeReadStream } from '../streams/index.js';
import { moduleFs, type CallbackFs } from '../streams/ops.js';
import { deprecateFor } from '../../builtins/util/deprecate.js';
import type { GuestProcess } from '../../builtins/registry.js';
import type { FsConfig } from '../files.js';
import { makeWriteStream } from '../streams/write.js';
import { installMetadata } from './meta.js';
import { vectorFunctions } from './vector.js';
import { toUnixTimestamp } from '../dirs/args.js';
import { nodeError } from '../../node-errors.js';

/**
 * Adds the descriptor surface to the guest's fs: descriptor functions, descriptor forms of
 * readFile/writeFile/appendFile, stat/lstat/fstat and fs.Stats, fs.promises.open and FileHandle,
 * and ReadStream/WriteStream with their create functions.
 */

type Fns = Record<string, unknown>;

function named<F extends Function>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/** fs.promises.open, and readFile/writeFile/appendFile that also take a FileHandle. */
function addFileHandles(ctx: HandleContext, promises: Fns): void {
  promises.open = named('open', async (path: unknown, flags?: unknown, mode?: unknown) => {
    const call = openCall(path, flags, mode);
    const fd = unwrap(await ctx.rpc.callAsync(Method.open, call.wire!)) as number;
    return new FileHandle(fd, ctx);
  });
  const byPath = (name: string) => promises[name] as (...args: unknown[]) => Promise<unknown>;
  const readFile = byPath('readFile');
  promises.readFile = named('readFile', async (path: unknown, options?: unknown) =>
    path instanceof FileHandle ? readWhole(ctx, path.fd, options) : readFile(path, options),
  );
  for (const [name, flag] of [['writeFile', 'w'], ['appendFile', 'a']] as const) {
    const original = byPath(name);
    promises[name] = named(name, async (path: unknown, data: unknown, options?: unknown) =>
      path instanceof FileHandle ? writeWhole(ctx, path.fd, data, options, flag) : original(path, data, options),
    );
  }
}

/** Installs the descriptor surface into `fs` and `promises` (both mutated). */
export function installDescriptors(rpc: Rpc, config: FsConfig, fs: Fns, promises: Fns): void {
  const { maxFileBytes } = config;
  const ctx: HandleContext = { rpc, maxFileBytes, builtin: config.builtin };
  Object.assign(fs, descriptorFunctions(rpc, maxFileBytes), vectorFunctions(rpc, maxFileBytes));
  installMetadata(rpc, fs, promises, () => deprecateFor(config.process));
  installNodeLeftovers(fs, promises);
  addDescriptorForms(rpc, fs, maxFileBytes);
  const stats = statFunctions(rpc);
  Object.assign(fs, stats.fs, { Stats });
  Object.assign(promises, stats.promises);
  addFileHandles(ctx, promises);
  installStreams(rpc, fs, config.process);
}

/**
 * What Node 20 still exports for compatibility: `fs._toUnixTimestamp`, the `lchmod` keys (undefined
 * on Linux, where lchmod(2) does not exist; `fs.promises.lchmod` rejects as Node's does).
 */
function installNodeLeftovers(fs: Fns, promises: Fns): void {
  fs._toUnixTimestamp = named('toUnixTimestamp', (time: unknown, name?: unknown) => toUnixTimestamp(time, name === undefined ? 'time' : String(name)));
  fs.lchmod = undefined;
  fs.lchmodSync = undefined;
  promises.lchmod = named('lchmod', async (_path: unknown, _mode: unknown) => {
    throw nodeError('ERR_METHOD_NOT_IMPLEMENTED', 'Error', 'The lchmod() method is not implemented');
  });
}

/**
 * fs.ReadStream/WriteStream (getters, as in Node), createReadStream/createWriteStream and
 * FileHandle#createReadStream/createWriteStream. The classes, and readable-stream, are built on first use.
 */
function installStreams(rpc: Rpc, fs: Fns, process: GuestProcess): void {
  // Streams call fs's functions at call time (a replaced fs.open or fs.read is honoured, as in Node).
  const module = moduleFs(rpc, fs as unknown as CallbackFs);
  let classes: { ReadStream: Function; WriteStream: Function } | undefined;
  const load = () => {
    const deprecate = deprecateFor(process);
    return (classes ??= { ReadStream: makeReadStream(module, deprecate), WriteStream: makeWriteStream(module, deprecate) });
  };
  // FileReadStream and FileWriteStream are Node's old names of the same classes.
  for (const [name, alias] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'], ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']] as const) {
    Object.defineProperty(fs, name, {
      get: () => load()[alias],
      set(value: unknown) {
        Object.defineProperty(fs, name, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
  const create = (name: 'ReadStream' | 'WriteStream', path: unknown, options?: unknown) => Reflect.construct(load()[name], [path, options]);
  fs.createReadStream = named('createReadStream', (path: unknown, options?: unknown) => create('ReadStream', path, options));
  fs.createWriteStream = named('createWriteStream', (path: unknown, options?: unknown) => create('WriteStream', path, options));
  const handle = FileHandle.prototype as unknown as Fns;
  handle.createReadStream = function (this: FileHandle, options?: object) {
    return create('ReadStream', undefined, { ...options, fd: this });
  };
  handle.createWriteStream = function (this: FileHandle, options?: object) {
    return create('WriteStream', undefined, { ...options, fd: this });
  };
}

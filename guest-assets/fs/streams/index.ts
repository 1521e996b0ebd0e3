import { Buffer } from 'buffer';
import type * as stream from 'readable-stream/lib/stream.js';
import { invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import { signalOption } from '../abort.js';
import { toPath } from '../args.js';
import { getValidatedFd, outOfRange, validateFunction, validateInteger } from '../descriptors/args.js';
import { FileHandle } from '../filehandle.js';
import { streamLib } from './lib.js';
import type { Deprecate } from '../../builtins/util/deprecate.js';
import { handleFs, type CallbackFs, type ModuleFs } from './ops.js';

/**
 * fs.ReadStream and fs.createReadStream over readable-stream (Node's own streams, bundled into the
 * guest realm). Node's behaviour: open in `_construct` ('open', 'ready'), chunks of highWaterMark
 * (64 KiB) between start and end, 'end', then 'close'. Each chunk is one raw bridge read.
 */

/** The filesystem a file stream does its I/O through (Node's kFs). */
export const kFs = Symbol('kFs');
/** The FileHandle a stream was given as `fd`, if any. */
export const kHandle = Symbol('kHandle');
/** True while a read or write is in flight (close waits for it). */
export const kIsPerformingIO = Symbol('kIsPerformingIO');
/** Emitted when the in-flight read or write ends after the stream was destroyed. */
export const kIoDone = Symbol('kIoDone');

/** What both file streams share. */
export interface FileStream extends stream.Stream {
  fd: number | null;
  path?: string;
  flags?: unknown;
  mode?: unknown;
  flush?: boolean;
  destroyed: boolean;
  open?: unknown;
  [kFs]: CallbackFs;
  [kHandle]?: FileHandle;
  [kIsPerformingIO]: boolean;
  close(cb?: unknown): void;
  destroy(err?: Error): unknown;
}

/** Node's getOptions + copyObject: a string is the encoding; the result is a copy the stream may change. */
export function streamOptions(options: unknown): Record<string, unknown> {
  if (options === null || options === undefined || typeof options === 'function') return {};
  let o: Record<string, unknown>;
  if (typeof options === 'string') o = { encoding: options };
  else if (typeof options !== 'object') throw invalidArgType('options', ['string', 'object'], [], options);
  else {
    // Node's copyObject: every enumerable key, inherited ones too (options may come through a prototype).
    o = {};
    for (const key in options as Record<string, unknown>) o[key] = (options as Record<string, unknown>)[key];
  }
  const enc = o.encoding;
  if (enc !== 'buffer' && enc && !(typeof enc === 'string' && Buffer.isEncoding(enc))) throw invalidArgValue('encoding', enc, 'is invalid encoding');
  signalOption(o);
  return o;
}

/**
 * Sets up where a stream's bytes come from: a path to open (fd null), a descriptor number, or a
 * FileHandle, and the fs it does its I/O through (`options.fs`, else the guest's fs module). Runs
 * before the base stream's constructor, as Node's does (same own-key order).
 */
export function importTarget(s: FileStream, path: unknown, options: Record<string, unknown>, defaultFlags: string, module: ModuleFs): void {
  const custom = options.fs as CallbackFs | null | undefined;
  if (options.fd === null || options.fd === undefined) {
    s.fd = null;
    s[kFs] = custom || module.fs;
    validateFunction(s[kFs].open, 'options.fs.open');
    s.path = toPath(path);
    s.flags = options.flags === undefined ? defaultFlags : options.flags;
    s.mode = options.mode === undefined ? 0o666 : options.mode;
  } else if (typeof options.fd === 'number') {
    s[kFs] = custom || module.fs;
    s.fd = getValidatedFd(options.fd);
  } else if (options.fd instanceof FileHandle) {
    // A FileHandle's operations are its own; an fs to route them through is not supported, as in Node.
    if (custom) throw nodeError('ERR_METHOD_NOT_IMPLEMENTED', 'Error', 'The FileHandle with fs method is not implemented');
    const handle = options.fd;
    s[kHandle] = handle;
    s[kFs] = handleFs(handle);
    handle.on('close', () => s.close());
    s.fd = getValidatedFd(handle.fd);
  } else {
    throw invalidArgType('options.fd', ['number'], ['FileHandle'], options.fd);
  }
}

/**
 * `_construct`: opens the path (unless a descriptor was given), then 'open' and 'ready'. A stream
 * whose `open` is not the deprecated no-op of the prototype (a subclass's, or one set on the
 * instance: the pattern of older fs wrappers) opens through it, and is open at its 'open' event.
 */
export function construct(this: FileStream, callback: (err?: Error | null) => void): void {
  if (typeof this.fd === 'number') return void callback();
  if (!isDeprecatedOpen(this.open)) {
    const emit = this.emit;
    this.emit = function (this: FileStream, ...args: unknown[]) {
      if (args[0] === 'open') {
        this.emit = emit;
        callback();
        return Reflect.apply(emit, this, args) as boolean;
      }
      if (args[0] === 'error') {
        this.emit = emit;
        callback(args[1] as Error);
        return false;
      }
      return Reflect.apply(emit, this, args) as boolean;
    };
    return void (this.open as () => void)();
  }
  this[kFs].open!(this.path!, this.flags, this.mode, (err: Error | null, fd?: number) => {
    if (err) return void callback(err);
    this.fd = fd!;
    callback();
    this.emit('open', this.fd);
    this.emit('ready');
  });
}

const deprecatedOpens = new WeakSet<Function>();

function isDeprecatedOpen(open: unknown): boolean {
  return typeof open === 'function' && deprecatedOpens.has(open);
}

/** `ReadStream.prototype.open` / `WriteStream.prototype.open`: deprecated no-ops (DEP0135), as in Node 20. */
export function deprecatedOpen(deprecate: Deprecate, className: string): Function {
  const open = deprecate(function () {}, `${className}.prototype.open() is deprecated`, 'DEP0135');
  deprecatedOpens.add(open);
  return open;
}

/** Closes the descriptor (after fsync when `flush`), unless there is none. */
function closeFd(s: FileStream, err: Error | null, cb: (err: Error | null) => void): void {
  // Node tests `!stream.fd`: descriptor 0 is never closed by a stream.
  if (!s.fd) return void cb(err);
  const fd = s.fd;
  const done = () => s[kFs].close!(fd, (er: Error | null) => cb(er || err));
  if (s.flush) s[kFs].fsync!(fd, (flushErr: Error | null) => ((err = err || flushErr), done()));
  else done();
  s.fd = null;
}

/** `_destroy`: waits for a read or write in flight before closing, as Node does. */
export function destroy(this: FileStream, err: Error | null, cb: (err: Error | null) => void): void {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er: Error | null) => closeFd(this, err || er, cb));
  else closeFd(this, err, cb);
}

/** Node's `autoClose` (the base stream's autoDestroy): the first property of both prototypes. */
export function defineAutoClose(proto: object, state: '_readableState' | '_writableState'): void {
  type WithState = Record<typeof state, { autoDestroy: boolean }>;
  Object.defineProperty(proto, 'autoClose', {
    get(this: WithState) {
      return this[state].autoDestroy;
    },
    set(this: WithState, value: boolean) {
      this[state].autoDestroy = value;
    },
  });
}

/** Node's `pending`: true until the file is open (the last property of both prototypes). */
export function definePending(proto: object): void {
  Object.defineProperty(proto, 'pending', {
    get(this: FileStream) {
      return this.fd === null;
    },
    configurable: true,
  });
}

/** A ReadStream instance. */
interface ReadStreamLike extends FileStream {
  start?: number;
  end: number;
  pos?: number;
  bytesRead: number;
  push(chunk: unknown): boolean;
  _readableState: { autoDestroy: boolean };
}

/** Node's start/end options: integers >= 0, start <= end; the stream reads from `pos` when start is given. */
function readRange(s: ReadStreamLike, o: Record<string, unknown>): void {
  s.start = o.start as number | undefined;
  s.end = o.end as number;
  s.pos = undefined;
  s.bytesRead = 0;
  s[kIsPerformingIO] = false;
  if (s.start !== undefined) s.pos = validateInteger(s.start, 'start', 0);
  if (s.end === undefined) s.end = Infinity;
  else if (s.end !== Infinity) {
    validateInteger(s.end, 'end', 0);
    if (s.start !== undefined && s.start > s.end) throw outOfRange('start', `<= "end" (here: ${s.end})`, s.start);
  }
}

/** ReadStream's methods, in Node's order: `_read` asks for one chunk of up to `n` bytes, `close(cb)`. */
function defineReadMethods(proto: Record<string, unknown>, module: ModuleFs, deprecate: Deprecate): void {
  const { stream, errorOrDestroy } = streamLib();
  defineAutoClose(proto, '_readableState');
  proto.open = deprecatedOpen(deprecate, 'ReadStream');
  proto._construct = construct;
  proto._read = function (this: ReadStreamLike, n: number) {
    n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) return void this.push(null);
    this[kIsPerformingIO] = true;
    const done = (err: Error | null, bytesRead: number, chunk: Buffer) => {
      this[kIsPerformingIO] = false;
      // Tell _destroy it may close the descriptor now.
      if (this.destroyed) return void this.emit(kIoDone, err);
      if (err) return errorOrDestroy(this, err);
      if (!(bytesRead > 0)) return void this.push(null);
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      // Shrink a short read by copying, so a small chunk does not keep a large buffer alive.
      this.push(bytesRead === chunk.length ? chunk : Buffer.from(chunk.subarray(0, bytesRead)));
    };
    if (module.rawRead(this[kFs], this.fd!, n, this.pos, done)) return;
    this[kFs].read!(this.fd, Buffer.allocUnsafeSlow(n), 0, n, this.pos, done);
  };
  proto._destroy = destroy;
  proto.close = function (this: ReadStreamLike, cb?: unknown) {
    if (typeof cb === 'function') stream.finished(this as unknown as NodeJS.ReadableStream, cb as (err?: Error | null) => void);
    this.destroy();
  };
  definePending(proto);
}

/** Builds fs.ReadStream over the guest's fs module (loads readable-stream). */
export function makeReadStream(module: ModuleFs, deprecate: Deprecate) {
  const { stream } = streamLib();
  // A function, as Node's: callable without `new`, own keys set before the base constructor runs.
  function ReadStream(this: ReadStreamLike, path: unknown, options?: unknown): ReadStreamLike | void {
    if (!(this instanceof ReadStream)) return new (ReadStream as unknown as new (p: unknown, o: unknown) => ReadStreamLike)(path, options);
    const o = streamOptions(options);
    if (o.highWaterMark === undefined) o.highWaterMark = 64 * 1024;
    if (o.autoDestroy === undefined) o.autoDestroy = false;
    importTarget(this, path, o, 'r', module);
    o.autoDestroy = o.autoClose === undefined ? true : o.autoClose;
    validateFunction(this[kFs].read, 'options.fs.read');
    if (o.autoDestroy) validateFunction(this[kFs].close, 'options.fs.close');
    readRange(this, o);
    Reflect.apply(stream.Readable, this, [o]);
  }
  Object.setPrototypeOf(ReadStream.prototype, stream.Readable.prototype);
  Object.setPrototypeOf(ReadStream, stream.Readable);
  defineReadMethods(ReadStream.prototype as unknown as Record<string, unknown>, module, deprecate);
  return ReadStream;
}

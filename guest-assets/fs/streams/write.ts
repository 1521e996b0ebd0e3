import { Buffer } from 'buffer';
import { invalidArgType, nodeError } from '../../node-errors.js';
import { validateFunction, validateInteger } from '../descriptors/args.js';
import type { Deprecate } from '../../builtins/util/deprecate.js';
import type { ModuleFs } from './ops.js';
import { construct, defineAutoClose, definePending, deprecatedOpen, destroy, importTarget, kFs, kIoDone, kIsPerformingIO, streamOptions, type FileStream } from './index.js';
import { streamLib } from './lib.js';
import { nextTick } from './process.js';

/**
 * fs.WriteStream and fs.createWriteStream over readable-stream: opens in `_construct` ('open',
 * 'ready'), writes each chunk at `start` onwards (or the descriptor's position) through the stream's
 * fs, then 'finish' and 'close'. Several buffered chunks go as one writev (one joined raw write
 * through the module's own).
 */

interface WriteStreamLike extends FileStream {
  start?: number;
  pos?: number;
  bytesWritten: number;
  closed: boolean;
  autoClose: boolean;
  end(): void;
  setDefaultEncoding(encoding: string): void;
  _writableState: { autoDestroy: boolean };
}

type WriteDone = (err?: Error | null) => void;

/** Ends a write attempt: the bytes written so far are counted; a short write is retried (up to 5 times without progress). */
function afterWrite(s: WriteStreamLike, err: Error | null, written: number, size: number, cb: WriteDone, retries: number, again: (retries: number) => void, call: string): void {
  // No data available now: try again later, as Node does.
  if (err && (err as { code?: string }).code === 'EAGAIN') [err, written] = [null, 0];
  if (s.destroyed || err) return cb(err ?? nodeError('ERR_STREAM_DESTROYED', 'Error', `Cannot call ${call} after a stream was destroyed`));
  s.bytesWritten += written;
  retries = written ? 0 : retries + 1;
  if (retries > 5) cb(nodeError('ERR_SYSTEM_ERROR', 'Error', `A system error occurred: ${call} failed`));
  else if (size - written > 0) again(retries);
  else cb();
}

/** Writes all of `data` at `pos` through the stream's fs.write. */
function writeAll(s: WriteStreamLike, data: Buffer, pos: number | undefined, cb: WriteDone, retries = 0): void {
  s[kFs].write!(s.fd, data, 0, data.length, pos, (err: Error | null, written = 0, buffer: Buffer = data) => {
    const next = pos === undefined ? undefined : pos + written;
    afterWrite(s, err, written, data.length, cb, retries, (r) => writeAll(s, buffer.subarray(written), next, cb, r), 'write');
  });
}

/** Writes all of `chunks` at `pos` through the stream's fs.writev (or, for the module's own, as one joined write). */
function writevAll(s: WriteStreamLike, module: ModuleFs, chunks: Buffer[], size: number, pos: number | undefined, cb: WriteDone, retries = 0): void {
  const done = (err: Error | null, written = 0, buffers: Buffer[] = chunks) => {
    const next = pos === undefined ? undefined : pos + written;
    afterWrite(s, err, written, size, cb, retries, (r) => writevAll(s, module, [Buffer.concat(buffers).subarray(written)], size - written, next, cb, r), 'writev');
  };
  if (!module.joinedWrite(s[kFs], s.fd!, chunks, pos, done)) s[kFs].writev!(s.fd, chunks, pos, done);
}

/** Runs a write with the in-flight flag set, so _destroy waits for it before closing. */
function performWrite(s: WriteStreamLike, size: number, write: (cb: WriteDone) => void, cb: WriteDone): void {
  s[kIsPerformingIO] = true;
  write((err) => {
    s[kIsPerformingIO] = false;
    if (s.destroyed) {
      cb(err);
      s.emit(kIoDone, err);
      return;
    }
    cb(err);
  });
  if (s.pos !== undefined) s.pos += size;
}

/** Node's flush option: a boolean, false when not given. */
function flushSetting(s: WriteStreamLike, o: Record<string, unknown>): void {
  s.flush = o.flush as boolean | undefined;
  if (s.flush === null || s.flush === undefined) s.flush = false;
  else if (typeof s.flush !== 'boolean') throw invalidArgType('options.flush', ['boolean'], [], s.flush);
}

/** Builds fs.WriteStream over the guest's fs module (loads readable-stream). */
export function makeWriteStream(module: ModuleFs, deprecate: Deprecate) {
  const { stream } = streamLib();
  function WriteStream(this: WriteStreamLike, path: unknown, options?: unknown): WriteStreamLike | void {
    if (!(this instanceof WriteStream)) return new (WriteStream as unknown as new (p: unknown, o: unknown) => WriteStreamLike)(path, options);
    const o = streamOptions(options);
    // Only buffers reach _write.
    o.decodeStrings = true;
    importTarget(this, path, o, 'w', module);
    o.autoDestroy = o.autoClose === undefined ? true : o.autoClose;
    const target = this[kFs];
    if (!target.write && !target.writev) throw invalidArgType('options.fs.write', ['function'], [], target.write);
    if (target.write) validateFunction(target.write, 'options.fs.write');
    if (target.writev) validateFunction(target.writev, 'options.fs.writev');
    if (o.autoDestroy) validateFunction(target.close, 'options.fs.close');
    flushSetting(this, o);
    if (this.flush) validateFunction(target.fsync, 'options.fs.fsync');
    // Either one is enough; only the one there is is used, as in Node.
    if (!target.write) (this as unknown as { _write: null })._write = null;
    if (!target.writev) (this as unknown as { _writev: null })._writev = null;
    this.start = o.start as number | undefined;
    this.pos = undefined;
    this.bytesWritten = 0;
    this[kIsPerformingIO] = false;
    if (this.start !== undefined) this.pos = validateInteger(this.start, 'start', 0);
    Reflect.apply(stream.Writable, this, [o]);
    if (o.encoding) this.setDefaultEncoding(o.encoding as string);
  }
  Object.setPrototypeOf(WriteStream.prototype, stream.Writable.prototype);
  Object.setPrototypeOf(WriteStream, stream.Writable);
  defineWriteMethods(WriteStream.prototype as unknown as Record<string, unknown>, module, deprecate);
  return WriteStream;
}

/** WriteStream's methods, in Node's order: `_write`/`_writev` through the stream's fs, `close(cb)` ends then closes. */
function defineWriteMethods(proto: Record<string, unknown>, module: ModuleFs, deprecate: Deprecate): void {
  const { stream } = streamLib();
  defineAutoClose(proto, '_writableState');
  proto.open = deprecatedOpen(deprecate, 'WriteStream');
  proto._construct = construct;
  proto._write = function (this: WriteStreamLike, data: Buffer, _encoding: string, cb: WriteDone) {
    performWrite(this, data.length, (done) => writeAll(this, data, this.pos, done), cb);
  };
  proto._writev = function (this: WriteStreamLike, entries: { chunk: Buffer }[], cb: WriteDone) {
    const chunks = entries.map((e) => e.chunk);
    const size = chunks.reduce((n, c) => n + c.length, 0);
    performWrite(this, size, (done) => writevAll(this, module, chunks, size, this.pos, done), cb);
  };
  proto._destroy = destroy;
  proto.close = function (this: WriteStreamLike, cb?: unknown) {
    if (typeof cb === 'function') {
      if (this.closed) return void nextTick(cb as () => void);
      this.on('close', cb as () => void);
    }
    // Not auto-closing: destroy on 'finish' to release the descriptor.
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  proto.destroySoon = (stream.Writable.prototype as unknown as Record<string, unknown>).end;
  definePending(proto);
}

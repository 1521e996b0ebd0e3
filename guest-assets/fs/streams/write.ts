import { Buffer } from 'buffer';
import { invalidArgType, nodeError } from '../../node-errors.js';
import { validateFunction, validateInteger } from '../descriptors/args.js';
import type { CallbackFs, StreamOps } from './ops.js';
import { construct, defineFileStreamProperties, destroy, importTarget, kIoDone, kIsPerformingIO, kOps, streamOptions, type FileStream } from './index.js';
import { streamLib } from './lib.js';
import { nextTick } from './process.js';

/**
 * fs.WriteStream and fs.createWriteStream over readable-stream: opens in `_construct` ('open',
 * 'ready'), writes each chunk raw at `start` onwards (or the descriptor's position), then 'finish'
 * and 'close'. Several buffered chunks go as one write (`_writev`).
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

/** Writes all of `data` at `pos`, retrying short writes as Node does (up to 5 times without progress). */
function writeAll(s: WriteStreamLike, data: Buffer, pos: number | undefined, cb: WriteDone, retries = 0): void {
  s[kOps].write(s.fd!, data, pos, (err, written = 0) => {
    if (err && (err as { code?: string }).code === 'EAGAIN') [err, written] = [null, 0];
    if (s.destroyed || err) return cb(err ?? nodeError('ERR_STREAM_DESTROYED', 'Error', 'Cannot call write after a stream was destroyed'));
    s.bytesWritten += written;
    retries = written ? 0 : retries + 1;
    const rest = data.subarray(written);
    if (retries > 5) cb(nodeError('ERR_SYSTEM_ERROR', 'Error', 'A system error occurred: write failed'));
    else if (rest.length > 0) writeAll(s, rest, pos === undefined ? undefined : pos + written, cb, retries);
    else cb();
  });
}

/** Runs a write with the in-flight flag set, so _destroy waits for it before closing. */
function performWrite(s: WriteStreamLike, data: Buffer, cb: WriteDone): void {
  s[kIsPerformingIO] = true;
  writeAll(s, data, s.pos, (err) => {
    s[kIsPerformingIO] = false;
    if (s.destroyed) {
      cb(err);
      s.emit(kIoDone, err);
      return;
    }
    cb(err);
  });
  if (s.pos !== undefined) s.pos += data.length;
}

/** Node's flush and start options, and the counters a write stream keeps. */
function writeSettings(s: WriteStreamLike, o: Record<string, unknown>): void {
  s.flush = o.flush as boolean | undefined;
  if (s.flush === null || s.flush === undefined) s.flush = false;
  else if (typeof s.flush !== 'boolean') throw invalidArgType('options.flush', ['boolean'], [], s.flush);
  s.start = o.start as number | undefined;
  s.pos = undefined;
  s.bytesWritten = 0;
  s[kIsPerformingIO] = false;
  if (s.start !== undefined) s.pos = validateInteger(s.start, 'start', 0);
}

/** Builds fs.WriteStream over the given default operations (loads readable-stream). */
export function makeWriteStream(defaults: StreamOps) {
  const { stream } = streamLib();
  function WriteStream(this: WriteStreamLike, path: unknown, options?: unknown): WriteStreamLike | void {
    if (!(this instanceof WriteStream)) return new (WriteStream as unknown as new (p: unknown, o: unknown) => WriteStreamLike)(path, options);
    const o = streamOptions(options);
    // Only buffers reach _write.
    o.decodeStrings = true;
    importTarget(this, path, o, 'w', defaults);
    o.autoDestroy = o.autoClose === undefined ? true : o.autoClose;
    const custom = o.fs as CallbackFs | undefined;
    if (custom && custom.write === undefined) throw invalidArgType('options.fs.write', ['function'], [], custom.write);
    if (custom) validateFunction(custom.write, 'options.fs.write');
    if (custom && o.autoDestroy) validateFunction(custom.close, 'options.fs.close');
    writeSettings(this, o);
    Reflect.apply(stream.Writable, this, [o]);
    if (o.encoding) this.setDefaultEncoding(o.encoding as string);
  }
  Object.setPrototypeOf(WriteStream.prototype, stream.Writable.prototype);
  Object.setPrototypeOf(WriteStream, stream.Writable);
  defineWriteMethods(WriteStream.prototype as unknown as Record<string, unknown>);
  return WriteStream;
}

/** WriteStream's methods: `_write`/`_writev` send raw chunks, `close(cb)` ends then closes. */
function defineWriteMethods(proto: Record<string, unknown>): void {
  const { stream } = streamLib();
  proto._construct = construct;
  proto._destroy = destroy;
  proto._write = function (this: WriteStreamLike, data: Buffer, _encoding: string, cb: WriteDone) {
    performWrite(this, data, cb);
  };
  proto._writev = function (this: WriteStreamLike, chunks: { chunk: Buffer }[], cb: WriteDone) {
    // One raw write of the joined chunks instead of one call per chunk.
    performWrite(this, Buffer.concat(chunks.map((c) => c.chunk)), cb);
  };
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
  defineFileStreamProperties(proto, '_writableState');
}

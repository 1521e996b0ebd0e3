import { Buffer } from 'buffer';
import * as stream from 'readable-stream/lib/stream.js';
import { nodeError } from '../node-errors.js';
import { invalidArgType } from '../node-errors.js';
import { validateFunction, validateInteger } from './descriptors-args.js';
import type { CallbackFs, StreamOps } from './streams-ops.js';
import { construct, definePending, destroy, importTarget, kIoDone, kIsPerformingIO, kOps, streamOptions, type FileStream } from './streams.js';
import { nextTick } from './streams-process.js';

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

/** Builds fs.WriteStream over the given default operations. */
export function makeWriteStream(defaults: StreamOps) {
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
    this.flush = o.flush as boolean | undefined;
    if (this.flush === null || this.flush === undefined) this.flush = false;
    else if (typeof this.flush !== 'boolean') throw invalidArgType('options.flush', ['boolean'], [], this.flush);
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
  const proto = WriteStream.prototype as unknown as Record<string, unknown>;
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
  Object.defineProperty(proto, 'autoClose', {
    get(this: WriteStreamLike) {
      return this._writableState.autoDestroy;
    },
    set(this: WriteStreamLike, value: boolean) {
      this._writableState.autoDestroy = value;
    },
  });
  definePending(proto);
  return WriteStream;
}

/**
 * zlib's one-step functions (`gzip`, `gzipSync`, ...) and `crc32`. The callback forms run a stream
 * to its end and collect its 'data', as Node's do (callback-last, `(err, result)`, so
 * `util.promisify` applies); the sync forms push the whole input through the engine at once. Both
 * stop with ERR_BUFFER_TOO_LARGE past maxOutputLength or the sandbox's output limit.
 */
import { guard, type Caps } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import { isAnyArrayBuffer } from '../binary.js';
import { bufferTooLarge, bytesOf, isArrayBufferView, isUint8Array, validateFunction, validateUint32 } from './args.js';
import { closeEngine, type BaseEnv, type ZlibStream } from './base.js';
import { outputLimitOf, processChunkSync } from './sync.js';

type Buf = ReturnType<BaseEnv['Buffer']['allocUnsafe']>;
type Result = (error: Error | null, result?: unknown) => void;
type Ctor = new (opts?: unknown) => ZlibStream;

/** What a one-step call keeps on its engine while it runs (Node keeps the same fields there). */
interface Collecting extends ZlibStream {
  buffers: Buf[] | null;
  nread: number;
  cb: Result;
  end(chunk: unknown): unknown;
}

function zlibBuffer(engine: Collecting, input: unknown, callback: unknown, env: BaseEnv): void {
  validateFunction(callback, 'callback');
  // Streams take Uint8Arrays: other views and ArrayBuffers become Buffers over the same memory.
  let buffer = input;
  if (isArrayBufferView(input) && !isUint8Array(input)) {
    const bytes = bytesOf(input);
    buffer = env.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } else if (isAnyArrayBuffer(input)) {
    buffer = env.Buffer.from(input as ArrayBuffer);
  } else if (input !== null && input !== undefined && typeof input !== 'string' && !isUint8Array(input)) {
    // What node's Writable says of such a chunk (the engine, never returned, is closed now).
    closeEngine(engine);
    throw invalidArgType('chunk', ['string'], ['Buffer', 'TypedArray', 'DataView'], input);
  }
  const limit = outputLimitOf(engine, env);
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback as Result;
  engine.on('data', function (this: Collecting, chunk: Buf) {
    if (!this.buffers) this.buffers = [chunk];
    else this.buffers.push(chunk);
    this.nread += chunk.length;
    if (this.nread > limit) {
      this.close();
      this.removeAllListeners('end');
      this.cb(bufferTooLarge(limit));
    }
  });
  engine.on('error', function (this: Collecting, error: Error) {
    this.removeAllListeners('end');
    this.cb(error);
  });
  engine.on('end', function (this: Collecting) {
    const bufs = this.buffers;
    const buf = this.nread === 0 || !bufs ? env.Buffer.alloc(0) : bufs.length === 1 ? bufs[0]! : env.Buffer.concat(bufs, this.nread);
    this.close();
    if (this._info) this.cb(null, { buffer: buf, engine: this });
    else this.cb(null, buf);
  });
  engine.end(buffer);
}

function zlibBufferSync(engine: ZlibStream, input: unknown, env: BaseEnv): unknown {
  let buffer: ArrayBufferView;
  if (typeof input === 'string') buffer = env.Buffer.from(input);
  else if (isArrayBufferView(input)) buffer = input;
  else if (isAnyArrayBuffer(input)) buffer = env.Buffer.from(input as ArrayBuffer);
  else throw invalidArgType('buffer', ['string'], ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], input);
  const result = processChunkSync(engine, buffer, engine._finishFlushFlag, env);
  if (engine._info) return { buffer: result, engine };
  return result;
}

/** The sync and callback one-step functions of a class, named as Node's. */
export function convenience(Class: Ctor, env: BaseEnv): { sync: Function; async: Function } {
  return {
    sync: function syncBufferWrapper(buffer: unknown, opts?: unknown) {
      return zlibBufferSync(new Class(opts), buffer, env);
    },
    async: function asyncBufferWrapper(buffer: unknown, opts?: unknown, callback?: unknown) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Class(opts) as Collecting, buffer, callback, env);
    },
  };
}

/** Node's zlib.crc32(data, value = 0). */
export function makeCrc32(caps: Caps) {
  return function crc32(data: unknown, value: unknown = 0): number {
    if (typeof data !== 'string' && !isArrayBufferView(data)) throw invalidArgType('data', ['string'], ['Buffer', 'TypedArray', 'DataView'], data);
    validateUint32(value, 'value');
    const input = typeof data === 'string' ? data : bytesOf(data);
    return guard(() => caps.zlibCrc32(input, value as number));
  };
}

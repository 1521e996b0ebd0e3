/** The methods every zlib stream shares (Node's ZlibBase.prototype). */
import { streamLib } from '../../fs/streams/lib.js';
import { internalAssertion } from './args.js';
import { closeEngine, engineFailed, engines, kFlushFlag, processChunk, type BaseEnv, type ZlibStream } from './base.js';
import { processChunkSync } from './sync.js';

type Callback = (error?: Error | null) => void;

/** zlib's flush flags, weakest first (Node's `flushiness`): Z_NO_FLUSH < Z_BLOCK < ... < Z_FINISH. */
function flushFlags(c: Record<string, number>): number[] {
  return [c.Z_NO_FLUSH!, c.Z_BLOCK!, c.Z_PARTIAL_FLUSH!, c.Z_SYNC_FLUSH!, c.Z_FULL_FLUSH!, c.Z_FINISH!];
}

/** Installs ZlibBase's methods on `proto`. `c` is zlib.constants. */
export function defineBaseMethods(proto: object, c: Record<string, number>, env: BaseEnv): void {
  const { stream } = streamLib();
  const flags = flushFlags(c);
  const order: number[] = [];
  flags.forEach((flag, i) => void (order[flag] = i));
  const maxFlush = (a: number, b: number) => ((order[a] ?? -1) > (order[b] ?? -1) ? a : b);
  // Zero-length chunks that carry a flush through the write queue, one per flag.
  const flushBuffers: Uint8Array[] = [];
  for (const flag of flags) {
    const carrier = env.Buffer.from(new ArrayBuffer(0));
    (carrier as unknown as Record<symbol, number>)[kFlushFlag] = flag;
    flushBuffers[flag] = carrier;
  }

  const methods = {
    reset(this: ZlibStream): void {
      const engine = engines.get(this);
      if (!engine) throw internalAssertion('zlib binding closed');
      const error = engine.reset();
      if (error) engineFailed(this, error);
    },
    _flush(this: ZlibStream, callback: Callback): void {
      (this as unknown as { _transform: Function })._transform(env.Buffer.alloc(0), '', callback);
    },
    // Transform's own final step stays (the flush above runs from it); nothing else to finish.
    _final(this: ZlibStream, callback: Callback): void {
      callback();
    },
    flush(this: ZlibStream, kind?: unknown, callback?: unknown): void {
      if (typeof kind === 'function' || (kind === undefined && !callback)) {
        callback = kind;
        kind = this._defaultFullFlushFlag;
      }
      const cb = callback as (() => void) | undefined;
      if (this.writableFinished) {
        if (cb) env.nextTick(cb);
      } else if (this.writableEnded) {
        if (cb) this.once('end', cb);
      } else {
        this.write(flushBuffers[kind as number], '', cb);
      }
    },
    close(this: ZlibStream, callback?: Callback): void {
      if (callback) stream.finished(this as unknown as NodeJS.ReadableStream, callback);
      this.destroy();
    },
    _destroy(this: ZlibStream, error: Error | null, callback: Callback): void {
      closeEngine(this);
      callback(error);
    },
    _transform(this: ZlibStream, chunk: Uint8Array, _encoding: unknown, cb: Callback): void {
      let flushFlag = this._defaultFlushFlag;
      const carried = (chunk as unknown as Record<symbol, unknown>)[kFlushFlag];
      if (typeof carried === 'number') flushFlag = carried;
      // The last chunk also gets the finishing flush.
      if (this.writableEnded && this.writableLength === chunk.byteLength) flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
      processChunk(this, chunk, flushFlag, cb, env);
    },
    _processChunk(this: ZlibStream, chunk: Uint8Array, flushFlag: number, cb?: unknown): unknown {
      if (typeof cb === 'function') return processChunk(this, chunk, flushFlag, cb as Callback, env);
      return processChunkSync(this, chunk, flushFlag, env);
    },
  };
  for (const [name, value] of Object.entries(methods)) Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: true });
  Object.defineProperty(proto, '_closed', {
    configurable: true,
    enumerable: true,
    get(this: object) {
      return !engines.has(this);
    },
  });
  // Node's deprecated alias of bytesWritten (DEP0108).
  Object.defineProperty(proto, 'bytesRead', {
    configurable: true,
    enumerable: true,
    get(this: ZlibStream) {
      return this.bytesWritten;
    },
    set(this: ZlibStream, value: number) {
      this.bytesWritten = value;
    },
  });
}

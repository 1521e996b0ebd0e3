/**
 * The base of every zlib stream (Node's ZlibBase): a Transform whose chunks go through one native
 * engine an output buffer (`chunkSize` bytes) at a time, as Node's lib/zlib.js drives its handle:
 * the same buffer sizes, flush flags, chunk boundaries and backpressure, so a guest sees the same
 * 'data' chunks, and a large stream is processed incrementally, never whole.
 */
import type { Buffer as BufferClass } from 'buffer';
import { streamLib } from '../../fs/streams/lib.js';
import { checkRangesOrGetDefault, outOfRange, validateFiniteNumber } from './args.js';
import type { Engine } from './engine.js';

type Buf = InstanceType<typeof BufferClass>;
type Callback = (error?: Error | null) => void;

export const kFlushFlag = Symbol('kFlushFlag');
export const kError = Symbol('kError');
/** Node's kMaxLength (the largest Buffer), the default and upper bound of maxOutputLength. */
export const kMaxLength = 2 ** 32;

/** A zlib stream's own state (Node's field names) plus the Transform members used here. */
export interface ZlibStream {
  bytesWritten: number;
  _outBuffer: Buf;
  _outOffset: number;
  _chunkSize: number;
  _defaultFlushFlag: number;
  _finishFlushFlag: number;
  _defaultFullFlushFlag: number;
  _info: unknown;
  _maxOutputLength: number;
  _writeState: Uint32Array;
  _level?: number;
  _strategy?: number;
  _read: (n: number) => void;
  [kError]: Error | null;
  destroyed: boolean;
  writableEnded: boolean;
  writableFinished: boolean;
  writableLength: number;
  push(chunk: Buf | null): boolean;
  destroy(error?: Error): unknown;
  write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  once(event: string, listener: (...args: never[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(callback?: Callback): void;
}

/** The flush flags a kind of stream starts with (zlib's or brotli's). */
export interface FlushDefaults {
  flush: number;
  finishFlush: number;
  fullFlush: number;
}

/** What ZlibBase resolved from the options. */
export interface BaseSettings {
  chunkSize: number;
  flush: number;
  finishFlush: number;
  maxOutputLength: number;
  transformOptions: object;
}

/** The stream's engine (Node's `_handle`), kept where guest code cannot replace it. */
export const engines = new WeakMap<object, Engine>();

/** What the streams need of the sandbox. */
export interface BaseEnv {
  Buffer: typeof BufferClass;
  /** The sandbox's largest output buffer (`chunkSize` above it is refused). */
  outputLimit: number;
  nextTick(callback: () => void): void;
}

/** Node's ZlibBase option checks, in Node's order. `flushBounds` are zlib's or brotli's flush range. */
export function baseSettings(opts: Record<string, unknown> | undefined, flushBounds: readonly [number, number], defaults: FlushDefaults): BaseSettings {
  const settings: BaseSettings = { chunkSize: 16 * 1024, flush: defaults.flush, finishFlush: defaults.finishFlush, maxOutputLength: kMaxLength, transformOptions: { autoDestroy: true } };
  if (!opts) return settings;
  const chunkSize = opts.chunkSize;
  if (validateFiniteNumber(chunkSize, 'options.chunkSize')) {
    if (chunkSize < 64) throw outOfRange('options.chunkSize', '>= 64', chunkSize);
    settings.chunkSize = chunkSize;
  }
  const [lower, upper] = flushBounds;
  settings.flush = checkRangesOrGetDefault(opts.flush, 'options.flush', lower, upper, defaults.flush);
  settings.finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', lower, upper, defaults.finishFlush);
  settings.maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
  let transform = opts;
  if (opts.encoding || opts.objectMode || opts.writableObjectMode) transform = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
  settings.transformOptions = { autoDestroy: true, ...transform };
  return settings;
}

/** Node's ZlibBase constructor body, given the stream's engine (opened on first use). */
export function initBase(self: ZlibStream, opts: Record<string, unknown> | undefined, engine: Engine, settings: BaseSettings, defaults: FlushDefaults, env: BaseEnv): void {
  Reflect.apply(streamLib().stream.Transform, self, [settings.transformOptions]);
  // Node fails here allocating the output buffer; the sandbox also bounds it by its output limit.
  if (settings.chunkSize > kMaxLength) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, settings.chunkSize);
  if (settings.chunkSize > env.outputLimit) throw outOfRange('options.chunkSize', `>= 64 and <= ${env.outputLimit}`, settings.chunkSize);
  self[kError] = null;
  self.bytesWritten = 0;
  engines.set(self, engine);
  self._outBuffer = env.Buffer.allocUnsafe(settings.chunkSize);
  self._outOffset = 0;
  self._chunkSize = settings.chunkSize;
  self._defaultFlushFlag = settings.flush;
  self._finishFlushFlag = settings.finishFlush;
  self._defaultFullFlushFlag = defaults.fullFlush;
  self._info = opts && opts.info;
  self._maxOutputLength = settings.maxOutputLength;
}

/** Closes the stream's engine (a second call, or one after an engine error, does nothing). */
export function closeEngine(self: object): void {
  const engine = engines.get(self);
  if (!engine) return;
  engines.delete(self);
  engine.close();
}

/** An engine failure as Node reports it: the stream is destroyed with the error, which is kept. */
export function engineFailed(self: ZlibStream, error: Error): void {
  engines.delete(self);
  self.destroy(error);
  self[kError] = error;
}

/** Where an asynchronous write stands between its steps (Node keeps this on the handle). */
interface Job {
  chunk: Uint8Array;
  cb: Callback;
  flushFlag: number;
  inOff: number;
  availInBefore: number;
  availOutBefore: number;
}

/** Processes one chunk asynchronously, one output buffer per step (Node's processChunk/processCallback). */
export function processChunk(self: ZlibStream, chunk: Uint8Array, flushFlag: number, cb: Callback, env: BaseEnv): void {
  const engine = engines.get(self);
  if (!engine) return env.nextTick(() => cb());
  const job: Job = { chunk, cb, flushFlag, inOff: 0, availInBefore: chunk.byteLength, availOutBefore: self._chunkSize - self._outOffset };
  step(self, engine, job, self._outOffset, job.availOutBefore, env);
}

function step(self: ZlibStream, engine: Engine, job: Job, outOff: number, outLen: number, env: BaseEnv): void {
  const done = () => afterStep(self, engine, job, env);
  engine.write(job.flushFlag, job.chunk, job.inOff, job.availInBefore, self._outBuffer, outOff, outLen, self._writeState, done, (error) => engineFailed(self, error));
}

/** One step finished: push its output, then go on with the same chunk, wait for the reader, or finish it. */
function afterStep(self: ZlibStream, engine: Engine, job: Job, env: BaseEnv): void {
  if (self.destroyed) return job.cb();
  const [availOutAfter = 0, availInAfter = 0] = self._writeState;
  const inDelta = job.availInBefore - availInAfter;
  self.bytesWritten += inDelta;
  const have = job.availOutBefore - availOutAfter;
  let full = false;
  if (have > 0) {
    const out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
    full = !self.push(out);
  }
  if (self.destroyed) return job.cb();
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    job.availOutBefore = self._chunkSize;
    self._outOffset = 0;
    self._outBuffer = env.Buffer.allocUnsafe(self._chunkSize);
  }
  if (availOutAfter === 0) {
    // The output buffer filled up: the same input goes on, now or when the reader wants more.
    job.inOff += inDelta;
    job.availInBefore = availInAfter;
    if (!full) return step(self, engine, job, self._outOffset, self._chunkSize, env);
    const read = self._read;
    self._read = (n: number) => {
      self._read = read;
      step(self, engine, job, self._outOffset, self._chunkSize, env);
      self._read(n);
    };
    return;
  }
  // Input left over with room to spare: the engine reached the end of its stream.
  if (availInAfter > 0) self.push(null);
  job.cb();
}

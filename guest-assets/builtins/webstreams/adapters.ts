/**
 * Node streams seen as web streams and back: `Readable.toWeb`/`fromWeb`, `Writable.toWeb`/`fromWeb`,
 * `Duplex.toWeb`/`fromWeb`, with Node 20's checks, errors and chunk handling (a byte stream's
 * Buffers reach a web reader as Uint8Arrays; a premature close is an AbortError). The guest's
 * readable-stream declares these statics but has nothing behind them; they are set here when the
 * stream module loads, and load the web streams only when called.
 */
import { Buffer } from 'buffer';
import { describeReceived, invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import { nextTick } from '../../fs/streams/process.js';
import type { StreamLib } from '../../fs/streams/lib.js';
import { AbortError } from '../events/validate.js';
import { validateBoolean, validateObject } from '../validate.js';
import { webStreams } from './library.js';

/** The stream module, with the helpers readable-stream exports beyond Node's typings. */
type NodeStream = StreamLib['stream'] & {
  destroy(stream: unknown, error?: unknown): void;
  isDestroyed(stream: unknown): boolean;
  isWritable(stream: unknown): boolean | null;
};
type Callback = (error?: Error | null) => void;

interface Reader {
  read(): Promise<{ done: boolean; value: unknown }>;
  cancel(reason?: unknown): Promise<void>;
  closed: Promise<void>;
}

interface Writer {
  write(chunk: unknown): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
  ready: Promise<void>;
  closed: Promise<void>;
}

interface NodeSide {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  pause(): void;
  resume(): void;
  write(chunk: unknown): boolean;
  end(): void;
  push(chunk: unknown): boolean;
  destroyed?: boolean;
  writableEnded?: boolean;
  writableNeedDrain?: boolean;
  readableObjectMode?: boolean;
  readableHighWaterMark?: number;
  writableObjectMode?: boolean;
  writableHighWaterMark?: number;
  _readableState?: { readable?: boolean };
  _writableState?: { writable?: boolean };
}

type Ctor = new (...args: unknown[]) => unknown;

/** Node's wording for these checks: `The "streamReadable" argument must be an stream.Readable.` */
const notA = (name: string, kind: string, value: unknown) => nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be an ${kind}.${describeReceived(value)}`);

const isObject = (v: unknown): v is NodeSide => typeof v === 'object' && v !== null;
const isReadableNode = (v: unknown): v is NodeSide =>
  isObject(v) && typeof (v as { pipe?: unknown }).pipe === 'function' && typeof v.on === 'function' && (!v._writableState || v._readableState?.readable !== false) && (!v._writableState || !!v._readableState);
const isWritableNode = (v: unknown): v is NodeSide => isObject(v) && typeof v.write === 'function' && typeof v.on === 'function' && (!v._readableState || v._writableState?.writable !== false);

/** Calls a Node callback, and reports what it throws as an uncaught exception (as Node's adapters do). */
function settle(callback: Callback, error?: Error | null): void {
  try {
    callback(error);
  } catch (thrown) {
    nextTick(() => {
      throw thrown;
    });
  }
}

/** A premature close as the web side sees it: an AbortError, the close its cause. */
function webError(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE' ? new AbortError(undefined, { cause: error }) : error;
}

/** A web stream that is already over: a cancelled readable one, or a closed writable one (what a destroyed Node stream gives). */
function over(kind: 'readable' | 'writable'): unknown {
  const web = webStreams();
  if (kind === 'readable') {
    const readable = new (web.ReadableStream as unknown as new () => { cancel(): Promise<void> })();
    void readable.cancel();
    return readable;
  }
  const writable = new (web.WritableStream as unknown as new () => { close(): Promise<void> })();
  void writable.close();
  return writable;
}

const prematureClose = () => nodeError('ERR_STREAM_PREMATURE_CLOSE', 'Error', 'Premature close');

/** Readable.toWeb. */
function readableToWeb(lib: NodeStream, source: unknown, options: { strategy?: unknown } = {}): unknown {
  if (!isReadableNode(source)) throw notA('streamReadable', 'stream.Readable', source);
  const web = webStreams();
  const RS = web.ReadableStream as unknown as new (source?: object, strategy?: unknown) => unknown;
  if (lib.isDestroyed(source as never)) return over('readable');
  const objectMode = source.readableObjectMode === true;
  const highWaterMark = source.readableHighWaterMark;
  const Strategy = (objectMode ? web.CountQueuingStrategy : web.ByteLengthQueuingStrategy) as unknown as Ctor;
  const strategy = options?.strategy ?? new Strategy({ highWaterMark });
  let controller: { enqueue(c: unknown): void; close(): void; error(e: unknown): void; desiredSize: number | null } | undefined;
  source.pause();
  source.on('data', (chunk: unknown) => {
    // A Buffer's pool is not the reader's: it gets its own Uint8Array.
    controller!.enqueue(Buffer.isBuffer(chunk) && !objectMode ? new Uint8Array(chunk) : chunk);
    if ((controller!.desiredSize ?? 0) <= 0) source.pause();
  });
  lib.finished(source as never, (error?: unknown) => {
    if (controller === undefined) return;
    const c = controller;
    controller = undefined;
    if (error) c.error(webError(error));
    else nextTick(() => c.close());
  });
  return new RS({
    start(c: typeof controller) {
      controller = c;
    },
    pull() {
      source.resume();
    },
    cancel(reason: unknown) {
      lib.destroy(source as never, reason as Error);
    },
  }, strategy);
}

/** Readable.fromWeb. */
function readableFromWeb(lib: NodeStream, stream: unknown, options: unknown = {}): unknown {
  const web = webStreams();
  if (!(stream instanceof web.ReadableStream)) throw invalidArgType('readableStream', [], ['ReadableStream'], stream);
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding as string)) throw invalidArgValue(encoding as string, 'options.encoding');
  validateBoolean(objectMode, 'options.objectMode');
  const reader = (stream as unknown as { getReader(): Reader }).getReader();
  let closed = false;
  const readable = new lib.Readable({
    objectMode,
    highWaterMark: highWaterMark as number,
    encoding: encoding as BufferEncoding,
    signal: signal as AbortSignal,
    read() {
      reader.read().then(
        (r) => void readable.push(r.done ? null : r.value),
        (error: Error) => void lib.destroy(readable, error),
      );
    },
    destroy(error, callback) {
      if (closed) return void settle(callback, error);
      reader.cancel(error).then(() => settle(callback, error), () => settle(callback, error));
    },
  });
  reader.closed.then(
    () => void (closed = true),
    (error: Error) => {
      closed = true;
      lib.destroy(readable, error);
    },
  );
  return readable;
}

/** Writable.toWeb (and the writable side of Duplex.toWeb). */
function writableToWeb(lib: NodeStream, sink: unknown): unknown {
  if (!isWritableNode(sink)) throw notA('streamWritable', 'stream.Writable', sink);
  const web = webStreams();
  const WS = web.WritableStream as unknown as new (sink?: object, strategy?: unknown) => unknown;
  if (lib.isDestroyed(sink as never)) return over('writable');
  const highWaterMark = sink.writableHighWaterMark;
  const strategy = sink.writableObjectMode ? new (web.CountQueuingStrategy as unknown as Ctor)({ highWaterMark }) : { highWaterMark };
  let controller: { error(e: unknown): void } | undefined;
  let drained: { resolve(): void; reject(e: unknown): void } | undefined;
  let ended: { resolve(): void; reject(e: unknown): void } | undefined;
  sink.on('drain', () => {
    drained?.resolve();
    drained = undefined;
  });
  lib.finished(sink as never, (error?: unknown) => {
    const e = webError(error);
    if (error) {
      drained?.reject(e);
      controller?.error(e);
      ended?.reject(e);
    } else ended?.resolve();
    drained = ended = controller = undefined;
  });
  return new WS({
    start(c: typeof controller) {
      controller = c;
    },
    write(chunk: unknown) {
      if (sink.writableNeedDrain || !sink.write(chunk)) return new Promise<void>((resolve, reject) => (drained = { resolve, reject }));
      return undefined;
    },
    abort(reason: unknown) {
      lib.destroy(sink as never, reason as Error);
    },
    close() {
      if (ended !== undefined || sink.writableEnded) return undefined;
      const p = new Promise<void>((resolve, reject) => (ended = { resolve, reject }));
      sink.end();
      return p;
    },
  }, strategy);
}

/** The Node side's write, writev and final over a web writer: `isClosed` tells whether the web side has closed. */
function writeSide(writer: Writer, isClosed: () => boolean) {
  return {
    write(chunk: unknown, _encoding: unknown, callback: Callback) {
      writer.ready.then(() => writer.write(chunk)).then(() => settle(callback), (error: Error) => settle(callback, error));
    },
    writev(chunks: { chunk: unknown }[], callback: Callback) {
      writer.ready.then(() => Promise.all(chunks.map((c) => writer.write(c.chunk)))).then(() => settle(callback), (error: Error) => settle(callback, error));
    },
    final(callback: Callback) {
      if (!isClosed()) writer.close().then(() => settle(callback), (error: Error) => settle(callback, error));
    },
  };
}

/** Writable.fromWeb. */
function writableFromWeb(lib: NodeStream, stream: unknown, options: unknown = {}): unknown {
  const web = webStreams();
  if (!(stream instanceof web.WritableStream)) throw invalidArgType('writableStream', [], ['WritableStream'], stream);
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  const writer = (stream as unknown as { getWriter(): Writer }).getWriter();
  let closed = false;
  const writable = new lib.Writable({
    highWaterMark: highWaterMark as number,
    objectMode,
    decodeStrings,
    signal: signal as AbortSignal,
    ...writeSide(writer, () => closed),
    destroy(error, callback) {
      if (closed) return void settle(callback, error);
      (error != null ? writer.abort(error) : writer.close()).then(() => settle(callback, error), () => settle(callback, error));
    },
  });
  writer.closed.then(
    () => {
      closed = true;
      if (!writable.writableEnded) lib.destroy(writable, prematureClose());
    },
    (error: Error) => {
      closed = true;
      lib.destroy(writable, error);
    },
  );
  return writable;
}

/** Duplex.toWeb: each side that is still open, as a web stream. */
function duplexToWeb(lib: NodeStream, duplex: unknown): { readable: unknown; writable: unknown } {
  const d = duplex as NodeSide | undefined;
  if (typeof d?._writableState !== 'object' || typeof d?._readableState !== 'object') throw notA('duplex', 'stream.Duplex', duplex);
  const destroyed = lib.isDestroyed(duplex as never);
  return {
    readable: !destroyed && lib.isReadable(duplex as never) ? readableToWeb(lib, duplex) : over('readable'),
    writable: !destroyed && lib.isWritable(duplex as never) ? writableToWeb(lib, duplex) : over('writable'),
  };
}

/** Duplex.fromWeb. */
function duplexFromWeb(lib: NodeStream, pair: unknown, options: unknown = {}): unknown {
  const web = webStreams();
  validateObject(pair, 'pair');
  const { readable: rs, writable: ws } = pair;
  if (!(rs instanceof web.ReadableStream)) throw invalidArgType('pair.readable', [], ['ReadableStream'], rs);
  if (!(ws instanceof web.WritableStream)) throw invalidArgType('pair.writable', [], ['WritableStream'], ws);
  validateObject(options, 'options');
  const { allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding as string)) throw invalidArgValue(encoding as string, 'options.encoding');
  const writer = (ws as unknown as { getWriter(): Writer }).getWriter();
  const reader = (rs as unknown as { getReader(): Reader }).getReader();
  let writableClosed = false;
  let readableClosed = false;
  const duplex = new lib.Duplex({
    allowHalfOpen: allowHalfOpen as boolean,
    highWaterMark: highWaterMark as number,
    objectMode,
    encoding: encoding as BufferEncoding,
    decodeStrings: decodeStrings as boolean,
    signal: signal as AbortSignal,
    ...writeSide(writer, () => writableClosed),
    read() {
      reader.read().then(
        (r) => void duplex.push(r.done ? null : r.value),
        (error: Error) => void lib.destroy(duplex, error),
      );
    },
    destroy(error, callback) {
      const closeWriter = writableClosed ? undefined : writer.abort(error);
      const closeReader = readableClosed ? undefined : reader.cancel(error);
      if (closeWriter === undefined && closeReader === undefined) return void settle(callback, error);
      Promise.all([closeWriter, closeReader]).then(() => settle(callback, error), () => settle(callback, error));
    },
  });
  const failed = (error: Error) => {
    writableClosed = readableClosed = true;
    lib.destroy(duplex, error);
  };
  writer.closed.then(() => {
    writableClosed = true;
    if (!duplex.writableEnded) lib.destroy(duplex, prematureClose());
  }, failed);
  reader.closed.then(() => void (readableClosed = true), failed);
  return duplex;
}

/** Sets the six statics on the stream module's classes (called when it loads). */
export function attachWebAdapters(module: StreamLib['stream']): void {
  const lib = module as NodeStream;
  const define = (target: object, name: string, fn: Function) => Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: true });
  define(lib.Readable, 'toWeb', function toWeb(streamReadable: unknown, options?: { strategy?: unknown }) {
    return readableToWeb(lib, streamReadable, options);
  });
  define(lib.Readable, 'fromWeb', function fromWeb(readableStream: unknown, options?: unknown) {
    return readableFromWeb(lib, readableStream, options);
  });
  define(lib.Writable, 'toWeb', function toWeb(streamWritable: unknown) {
    return writableToWeb(lib, streamWritable);
  });
  define(lib.Writable, 'fromWeb', function fromWeb(writableStream: unknown, options?: unknown) {
    return writableFromWeb(lib, writableStream, options);
  });
  define(lib.Duplex, 'toWeb', function toWeb(duplex: unknown) {
    return duplexToWeb(lib, duplex);
  });
  define(lib.Duplex, 'fromWeb', function fromWeb(pair: unknown, options?: unknown) {
    return duplexFromWeb(lib, pair, options);
  });
}

/** Duplex.toWeb for CompressionStream (loads the stream module). */
export function duplexPair(lib: () => StreamLib['stream'], duplex: unknown): { readable: unknown; writable: unknown } {
  return duplexToWeb(lib() as NodeStream, duplex);
}

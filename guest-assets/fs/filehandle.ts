import { Buffer } from 'buffer';
import { EventEmitter } from 'events';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { fileTooLarge, invalidArgType, invalidArgValue, nodeError } from '../node-errors.js';
import { unwrap, type Rpc } from '../rpc.js';
import { readOptions, toBytes, writeOptions } from './args.js';
import { abortable } from './abort.js';
import {
  getValidatedFd,
  validateBuffer,
  validateInteger,
  validateOffsetLengthRead,
  validateOptionsObject,
} from './descriptors/args.js';
import { bytesOf, writeBufferArgs, writeCall, writeStringArgs } from './descriptors/index.js';
import { fstatAsync } from './stats/fs.js';
import { handleMetadata } from './descriptors/meta.js';
import { handleVectors } from './descriptors/vector.js';

/**
 * fs.promises' FileHandle: a descriptor with promise methods, an EventEmitter (it emits 'close').
 * Every call travels as a message (rpc.callAsync): the guest keeps running while it is in flight.
 * A closed handle rejects with Node's `Error: file closed` (code EBADF, syscall the operation's).
 */

/** The sandbox settings a FileHandle needs. */
export interface HandleContext {
  rpc: Rpc;
  maxFileBytes: number;
  /** Another built-in of the guest (readLines uses readline). */
  builtin?: (name: string) => unknown;
}

/** Node's result objects have no prototype: `[Object: null prototype] { bytesRead, buffer }`. */
function result<T extends object>(fields: T): T {
  return Object.assign(Object.create(null) as T, fields);
}

/** The controller of a byte stream, as readableWebStream uses it. */
interface ByteController {
  byobRequest: { view: ArrayBufferView; respond(n: number): void } | null;
  close(): void;
}

/** Node's ERR_INVALID_STATE: `Invalid state: <message>`. */
function invalidState(message: string): Error {
  return nodeError('ERR_INVALID_STATE', 'Error', `Invalid state: ${message}`);
}

function fileClosed(syscall: string): Error {
  const err = new Error('file closed') as Error & { code: string; syscall: string };
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}

/** Node's FileHandle#read argument forms: (buffer, offset, length, position), (buffer, options), (options). */
function readParams(bufferOrParams: unknown, offset: unknown, length: unknown, position: unknown) {
  let buffer = bufferOrParams;
  if (!ArrayBuffer.isView(buffer)) {
    if (bufferOrParams !== null && bufferOrParams !== undefined) validateOptionsObject(bufferOrParams, 'options');
    const o = (bufferOrParams ?? {}) as { buffer?: unknown; offset?: unknown; length?: unknown; position?: unknown };
    buffer = o.buffer === undefined ? Buffer.alloc(16384) : o.buffer;
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? (buffer as ArrayBufferView).byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
    validateBuffer(buffer);
  }
  const buf = buffer as ArrayBufferView;
  if (offset !== null && typeof offset === 'object') {
    const o = offset as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buf.byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
  }
  const off = offset === null || offset === undefined ? 0 : validateInteger(offset, 'offset', 0);
  const len = (length ?? buf.byteLength - off) as number;
  return { buffer: buf, offset: off, length: len, position };
}

/** The last id getAsyncId gave. */
let lastAsyncId = 0;

/** A promise-based descriptor, as `fs.promises.open` returns. */
export class FileHandle extends EventEmitter {
  #fd: number;
  readonly #ctx: HandleContext;
  #refs = 1;
  #closing: Promise<void> | undefined;
  #closed: { resolve(): void; reject(e: unknown): void } | undefined;
  /** A web stream was made of this handle (one only, as Node allows). */
  #locked = false;
  #asyncId: number | undefined;

  constructor(fd: number, ctx: HandleContext) {
    super();
    this.#fd = fd;
    this.#ctx = ctx;
  }

  /** An id of this handle, unique in the run (Node's async resource id; the numbers differ from Node's). */
  getAsyncId(): number {
    return (this.#asyncId ??= ++lastAsyncId);
  }

  /** The descriptor, or -1 once closed. */
  get fd(): number {
    return this.#fd;
  }

  /** Runs `op` with the handle referenced, so close() waits for it; a closed handle rejects. */
  async #call<T>(syscall: string, op: (fd: number) => Promise<T>): Promise<T> {
    if (this.#fd === -1) throw fileClosed(syscall);
    this.#refs++;
    try {
      return await op(this.#fd);
    } finally {
      this.#unref();
    }
  }

  #unref(): void {
    if (--this.#refs > 0 || this.#fd === -1) return;
    const fd = this.#fd;
    this.#fd = -1;
    const done = this.#closed;
    void this.#ctx.rpc.callAsync(Method.close, [fd]).then((r) => {
      try {
        unwrap(r);
        done?.resolve();
      } catch (e) {
        done?.reject(e);
      }
    });
  }

  /** Closes the descriptor once no operation is in flight; emits 'close' at once. */
  close = (): Promise<void> => {
    if (this.#fd === -1 && this.#closing === undefined) return Promise.resolve();
    if (this.#closing) return this.#closing;
    this.#closing = new Promise<void>((resolve, reject) => {
      this.#closed = { resolve, reject };
    }).finally(() => {
      this.#closing = undefined;
    });
    this.#unref();
    this.emit('close');
    return this.#closing;
  };

  read(buffer?: unknown, offset?: unknown, length?: unknown, position?: unknown): Promise<unknown> {
    return this.#call('read', async (fd) => {
      const p = readParams(buffer, offset, length, position);
      if (p.length === 0) return result({ bytesRead: p.length, buffer: p.buffer });
      if (p.buffer.byteLength === 0) throw invalidArgValue('buffer', p.buffer, 'is empty and cannot be written');
      validateOffsetLengthRead(p.offset, p.length, p.buffer.byteLength);
      // Node 20's FileHandle#read does not validate the position: anything but a safe integer >= 0 reads at the current one.
      const pos = typeof p.position === 'number' && Number.isSafeInteger(p.position) && p.position >= 0 ? p.position : null;
      const bytes = bytesOf(await this.#ctx.rpc.callAsync(Method.read, [fd, p.length, pos]));
      new Uint8Array(p.buffer.buffer, p.buffer.byteOffset + p.offset, bytes.length).set(bytes.subarray(0, p.length));
      return result({ bytesRead: bytes.length, buffer: p.buffer });
    });
  }

  write(buffer: unknown, offsetOrOptions?: unknown, length?: unknown, position?: unknown): Promise<unknown> {
    return this.#call('write', async (fd) => {
      if ((buffer as { byteLength?: unknown } | null | undefined)?.byteLength === 0) return result({ bytesWritten: 0, buffer });
      let args;
      if (ArrayBuffer.isView(buffer)) args = writeBufferArgs(fd, buffer, offsetOrOptions ?? null, length, position);
      else if (typeof buffer === 'string') args = writeStringArgs(fd, buffer, offsetOrOptions, length);
      else throw invalidArgType('buffer', ['string'], ['Buffer', 'TypedArray', 'DataView'], buffer);
      const call = writeCall(args, this.#ctx.maxFileBytes);
      const [bytesWritten] = call.values(await this.#ctx.rpc.callAsync(Method.fdWrite, call.wire!));
      return result({ bytesWritten, buffer });
    });
  }

  readFile(options?: unknown): Promise<unknown> {
    return this.#call('readFile', (fd) => readWhole(this.#ctx, fd, options));
  }

  writeFile(data: unknown, options?: unknown): Promise<void> {
    return this.#call('writeFile', (fd) => writeWhole(this.#ctx, fd, data, options, 'w'));
  }

  appendFile(data: unknown, options?: unknown): Promise<void> {
    return this.#call('writeFile', (fd) => writeWhole(this.#ctx, fd, data, options, 'a'));
  }

  stat(options?: { bigint?: unknown }): Promise<unknown> {
    return this.#call('fstat', (fd) => fstatAsync(this.#ctx.rpc, fd, options));
  }

  truncate(len: unknown = 0): Promise<void> {
    return this.#call('ftruncate', async (fd) => {
      const n = Math.max(0, validateInteger(len, 'len'));
      unwrap(await this.#ctx.rpc.callAsync(Method.ftruncate, [fd, n]));
    });
  }

  sync(): Promise<void> {
    return this.#call('fsync', async (fd) => void unwrap(await this.#ctx.rpc.callAsync(Method.fsync, [fd])));
  }

  datasync(): Promise<void> {
    return this.#call('fdatasync', async (fd) => void unwrap(await this.#ctx.rpc.callAsync(Method.fdatasync, [fd])));
  }

  readv(buffers: unknown, position?: unknown): Promise<unknown> {
    return this.#call('read', (fd) => handleVectors.readv(this.#ctx.rpc, fd, buffers, position));
  }

  writev(buffers: unknown, position?: unknown): Promise<unknown> {
    return this.#call('write', (fd) => handleVectors.writev(this.#ctx.rpc, fd, buffers, position, this.#ctx.maxFileBytes));
  }

  chmod(mode: unknown): Promise<void> {
    return this.#call('fchmod', (fd) => handleMetadata(this.#ctx.rpc, 'fchmod', fd, mode));
  }

  chown(uid: unknown, gid: unknown): Promise<void> {
    return this.#call('fchown', (fd) => handleMetadata(this.#ctx.rpc, 'fchown', fd, uid, gid));
  }

  utimes(atime: unknown, mtime: unknown): Promise<void> {
    return this.#call('futime', (fd) => handleMetadata(this.#ctx.rpc, 'futimes', fd, atime, mtime));
  }

  /**
   * A ReadableStream of the file from its position, as Node 20's: by default a stream of ArrayBuffers
   * of up to 64 KiB each (Node's stream-base reads), with `type: 'bytes'` a byte stream of 16 KiB
   * reads that BYOB readers can fill. One per handle: later calls are ERR_INVALID_STATE. The handle
   * stays referenced (close() waits) until the stream ends or is cancelled.
   */
  readableWebStream(options: unknown = {}): unknown {
    if (this.#fd === -1) throw invalidState('The FileHandle is closed');
    if (this.#closing !== undefined) throw invalidState('The FileHandle is closing');
    if (this.#locked) throw invalidState('The FileHandle is locked');
    this.#locked = true;
    // Read as Node reads it: after locking, so a null options locks the handle and throws a TypeError.
    const type = (options as { type?: unknown }).type;
    if (type !== undefined && typeof type !== 'string') throw invalidArgType('options.type', ['string'], [], type);
    const { ReadableStream } = this.#ctx.builtin?.('stream/web') as { ReadableStream: new (source: object) => unknown };
    this.#refs++;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.#unref();
    };
    const readInto = async (view: Uint8Array): Promise<number> => {
      // The stream holds a reference, so the descriptor stays open until it ends.
      const r = bytesOf(await this.#ctx.rpc.callAsync(Method.read, [this.#fd, view.byteLength, null]));
      view.set(r);
      return r.byteLength;
    };
    if (type === 'bytes') {
      return new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 16384,
        pull: async (controller: ByteController) => {
          const request = controller.byobRequest!;
          const view = request.view;
          const n = await readInto(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
          if (n === 0) {
            finish();
            controller.close();
          }
          request.respond(n);
        },
        cancel: finish,
      });
    }
    return new ReadableStream({
      pull: async (controller: { enqueue(chunk: ArrayBuffer): void; close(): void }) => {
        const chunk = new Uint8Array(65536);
        const n = await readInto(chunk);
        if (n === 0) {
          finish();
          controller.close();
        } else controller.enqueue(chunk.buffer.slice(0, n));
      },
      cancel: finish,
    });
  }

  /** A readline interface over the file's lines, as Node 20's (`crlfDelay: Infinity`). */
  readLines(options?: unknown): unknown {
    const readline = this.#ctx.builtin?.('readline') as { createInterface(o: object): unknown };
    const input = (this as unknown as { createReadStream(o?: unknown): unknown }).createReadStream(options);
    return readline.createInterface({ input, crlfDelay: Infinity });
  }
}

/** Reads from the descriptor's position to the end (Node's readFileHandle). */
export async function readWhole(ctx: HandleContext, fd: number, options: unknown): Promise<Buffer | string> {
  const { encoding, flag, signal } = readOptions(options);
  // A closed handle's fd is -1, which Node's readFile rejects as an argument.
  getValidatedFd(fd);
  const bytes = bytesOf(await abortable(signal, () => ctx.rpc.callAsync(Method.readFile, [fd, null, flag, false])));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === null || encoding === 'buffer' ? buf : buf.toString(encoding as BufferEncoding);
}

/** Writes all of `data` at the descriptor's position (Node's writeFileHandle). */
export async function writeWhole(ctx: HandleContext, fd: number, data: unknown, options: unknown, defaultFlag: string): Promise<void> {
  const { encoding, flag, mode, signal } = writeOptions(options, defaultFlag);
  const bytes = toBytes(data, encoding);
  if (bytes.byteLength > ctx.maxFileBytes) throw fileTooLarge(bytes.byteLength, ctx.maxFileBytes);
  // A closed handle's fd is -1: Node's write fails on it with EBADF.
  if (fd === -1) unwrap({ status: Status.Error, error: { code: 'EBADF', syscall: 'write' } });
  unwrap(await abortable(signal, () => ctx.rpc.callAsync(Method.writeFile, [fd, bytes, flag, mode])));
}

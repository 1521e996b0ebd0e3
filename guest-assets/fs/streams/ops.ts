import { Buffer } from 'buffer';
import { Method } from '../../../bridge/wire/protocol.js';
import { nodeError } from '../../node-errors.js';
import type { Rpc } from '../../rpc.js';
import { bytesOf } from '../descriptors/index.js';
import type { FileHandle } from '../filehandle.js';

/**
 * The filesystem a ReadStream/WriteStream does its I/O through (Node's kFs): `options.fs`, the
 * guest's `fs` module as the program has it at each call (a replaced `fs.read` is called), or a
 * FileHandle given as `fd`. Only the module's own functions take shortcuts: a chunk read through the
 * module's own `read` is one raw bridge read answered with a Buffer of exactly the bytes read (the
 * status-2 payload, no copy), and chunks written through its own `writev` go as one raw write.
 */

/** A Node-style callback fs, as streams call it. */
export interface CallbackFs {
  open?: Function;
  read?: Function;
  write?: Function;
  writev?: Function;
  close?: Function;
  fsync?: Function;
}

/** `(err, count, buffer)`: what fs.read and fs.write call back with. */
export type IoDone<T> = (err: Error | null, count: number, data: T) => void;

/** The guest's fs module and the functions it was built with, for the shortcuts. */
export interface ModuleFs {
  fs: CallbackFs;
  /** Reads up to `n` bytes in one raw bridge read, if `stream`'s fs is the module with its own `read`. */
  rawRead(target: CallbackFs, fd: number, n: number, position: number | undefined, cb: IoDone<Buffer>): boolean;
  /** Writes `chunks` joined, in one write, if `stream`'s fs is the module with its own `writev`. */
  joinedWrite(target: CallbackFs, fd: number, chunks: Buffer[], position: number | undefined, cb: IoDone<Buffer[]>): boolean;
}

/** The module fs with its shortcuts; `fs` is read at each call, its own functions are the ones present now. */
export function moduleFs(rpc: Rpc, fs: CallbackFs): ModuleFs {
  const ownRead = fs.read;
  const ownWrite = fs.write;
  const ownWritev = fs.writev;
  return {
    fs,
    rawRead(target, fd, n, position, cb) {
      if (target !== fs || fs.read !== ownRead) return false;
      rpc.callAsync(Method.read, [fd, n, position ?? null]).then(
        (result) => {
          let chunk: Buffer;
          try {
            const bytes = bytesOf(result);
            chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          } catch (e) {
            return void cb(e as Error, 0, Buffer.alloc(0));
          }
          cb(null, chunk.length, chunk);
        },
        (e: unknown) => cb(e as Error, 0, Buffer.alloc(0)),
      );
      return true;
    },
    joinedWrite(target, fd, chunks, position, cb) {
      if (target !== fs || ownWritev === undefined || fs.writev !== ownWritev || typeof ownWrite !== 'function') return false;
      const joined = Buffer.concat(chunks);
      ownWrite(fd, joined, 0, joined.length, position, (err: Error | null, written: number) => cb(err, written, [joined]));
      return true;
    },
  };
}

/** Node's operations over a FileHandle given as `fd`: every call goes through the handle. */
export function handleFs(handle: FileHandle): CallbackFs {
  const settle = <T>(p: Promise<T>, ok: (v: T) => void, fail: (e: Error) => void) => void p.then(ok, fail);
  type Read = { bytesRead: number; buffer: Buffer };
  type Write = { bytesWritten: number; buffer: Buffer; buffers: Buffer[] };
  return {
    open() {
      throw nodeError('ERR_METHOD_NOT_IMPLEMENTED', 'Error', 'The open() method is not implemented');
    },
    close: (_fd: number, cb: (e?: Error) => void) => settle(handle.close(), () => cb(), cb),
    fsync: (_fd: number, cb: (e?: Error) => void) => settle(handle.sync(), () => cb(), cb),
    read: (_fd: number, buf: Buffer, offset: number, length: number, pos: number | undefined, cb: IoDone<Buffer>) =>
      settle(handle.read(buf, offset, length, pos ?? null) as Promise<Read>, (r) => cb(null, r.bytesRead, r.buffer), (e) => cb(e, 0, buf)),
    write: (_fd: number, buf: Buffer, offset: number, length: number, pos: number | undefined, cb: IoDone<Buffer>) =>
      settle(handle.write(buf, offset, length, pos ?? null) as Promise<Write>, (r) => cb(null, r.bytesWritten, r.buffer), (e) => cb(e, 0, buf)),
    ...((handle as unknown as { writev?: Function }).writev
      ? {
          writev: (_fd: number, buffers: Buffer[], pos: number | undefined, cb: IoDone<Buffer[]>) =>
            settle(
              (handle as unknown as { writev(b: Buffer[], p: number | null): Promise<Write> }).writev(buffers, pos ?? null),
              (r) => cb(null, r.bytesWritten, r.buffers),
              (e) => cb(e, 0, buffers),
            ),
        }
      : {}),
  };
}

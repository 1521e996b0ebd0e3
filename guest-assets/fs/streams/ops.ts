import { Buffer } from 'buffer';
import { Method } from '../../../bridge/wire/protocol.js';
import type { Rpc } from '../../rpc.js';
import { validateFunction } from '../descriptors/args.js';
import { bytesOf } from '../descriptors/index.js';
import type { FileHandle } from '../filehandle.js';

/**
 * The file operations a ReadStream/WriteStream runs, callback style. By default they go straight to
 * the bridge: a read answers with a fresh Buffer of exactly the bytes read (the raw status-2 payload,
 * no copy), a write sends the chunk raw. A stream given `options.fs` (Node's custom fs hook) or a
 * FileHandle as `fd` runs through those instead.
 */

type Done<T = void> = (err: Error | null, value?: T) => void;

/** What a file stream needs from a filesystem. */
export interface StreamOps {
  open(path: string, flags: unknown, mode: unknown, cb: Done<number>): void;
  /** Reads up to `n` bytes at `position` (undefined: the current one); the chunk is exactly what was read. */
  read(fd: number, n: number, position: number | undefined, cb: Done<Buffer>): void;
  /** Writes `bytes` at `position` (undefined: the current one); answers the count written. */
  write(fd: number, bytes: Buffer, position: number | undefined, cb: Done<number>): void;
  close(fd: number, cb: Done): void;
  fsync(fd: number, cb: Done): void;
}

/** The guest's descriptor functions a stream may call (the callback forms of `fs`). */
export interface CallbackFs {
  open: Function;
  read?: Function;
  write?: Function;
  close: Function;
  fsync?: Function;
}

/** The default operations: fs for open/close/fsync/write, raw bridge reads for chunks. */
export function rawOps(rpc: Rpc, fs: CallbackFs): StreamOps {
  const ops = customOps(fs);
  ops.read = (fd, n, position, cb) => {
    rpc.callAsync(Method.read, [fd, n, position ?? null]).then(
      (result) => {
        let chunk: Buffer;
        try {
          const bytes = bytesOf(result);
          chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        } catch (e) {
          cb(e as Error);
          return;
        }
        cb(null, chunk);
      },
      (e: unknown) => cb(e as Error),
    );
  };
  return ops;
}

/** Operations over a Node-style callback fs (`options.fs`, or the guest's own). */
export function customOps(fs: CallbackFs): StreamOps {
  return {
    open: (path, flags, mode, cb) => void fs.open(path, flags, mode, cb),
    read(fd, n, position, cb) {
      const buf = Buffer.allocUnsafeSlow(n);
      validateFunction(fs.read, 'options.fs.read');
      fs.read!(fd, buf, 0, n, position, (err: Error | null, bytesRead: number) => {
        if (err) return cb(err);
        // Shrink a short read by copying, so a small chunk does not keep a large buffer alive.
        cb(null, bytesRead === n ? buf : Buffer.from(buf.subarray(0, bytesRead)));
      });
    },
    write: (fd, bytes, position, cb) => void fs.write!(fd, bytes, 0, bytes.length, position, cb),
    close: (fd, cb) => void fs.close(fd, cb),
    fsync: (fd, cb) => void fs.fsync!(fd, cb),
  };
}

/** Operations over a FileHandle given as `fd`: every call goes through the handle. */
export function handleOps(handle: FileHandle): StreamOps {
  const settle = <T>(p: Promise<T>, cb: Done<T>) => void p.then((v) => cb(null, v), (e: unknown) => cb(e as Error));
  return {
    open(_path, _flags, _mode, cb) {
      cb(null, handle.fd);
    },
    read(_fd, n, position, cb) {
      const buf = Buffer.allocUnsafeSlow(n);
      settle(
        handle.read(buf, 0, n, position ?? null).then((r) => {
          const { bytesRead } = r as { bytesRead: number };
          return bytesRead === n ? buf : Buffer.from(buf.subarray(0, bytesRead));
        }),
        cb,
      );
    },
    write: (_fd, bytes, position, cb) => settle(handle.write(bytes, 0, bytes.length, position ?? null).then((r) => (r as { bytesWritten: number }).bytesWritten), cb),
    close: (_fd, cb) => settle(handle.close(), cb),
    fsync: (_fd, cb) => settle(handle.sync(), cb),
  };
}

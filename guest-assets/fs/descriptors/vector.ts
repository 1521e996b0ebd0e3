import { Buffer } from 'buffer';
import { Method, Status } from '../../../bridge/wire/protocol.js';
import { describeReceived, nodeError } from '../../node-errors.js';
import { unwrap, type Rpc } from '../../rpc.js';
import type { Callback } from '../ops.js';
import { getValidatedFd, validateFunction } from './args.js';
import { bytesOf } from './index.js';

/**
 * readv and writev: one bridge call each, as Node makes one readv(2)/writev(2). A vector read asks
 * for the buffers' total length at once and spreads the answer over them in order; a vector write
 * sends the buffers joined (one copy) and writes them at once. A position that is not a number means
 * the descriptor's current one, which moves, as in Node.
 */

/** Node's validateBufferArray. */
export function validateBufferArray(buffers: unknown, name = 'buffers'): ArrayBufferView[] {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" argument must be an ArrayBufferView[].${describeReceived(buffers)}`);
  }
  return buffers as ArrayBufferView[];
}

const bytesOfView = (v: ArrayBufferView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

/** A vector read's call: its wire arguments and how the answer is spread over `buffers`. */
function readvCall(buffers: ArrayBufferView[], position: unknown) {
  // readv(2) with no buffers is EINVAL, as Node reports it.
  if (buffers.length === 0) unwrap({ status: Status.Error, error: { code: 'EINVAL', syscall: 'read' } });
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  return {
    wire: [total, typeof position === 'number' ? position : null],
    spread(bytes: Uint8Array): number {
      let at = 0;
      for (const b of buffers) {
        if (at >= bytes.length) break;
        const part = bytes.subarray(at, at + b.byteLength);
        bytesOfView(b).set(part);
        at += part.length;
      }
      return at;
    },
  };
}

/** A vector write's joined bytes and position. */
function writevCall(buffers: ArrayBufferView[], position: unknown, maxBytes: number) {
  const joined = Buffer.concat(buffers.map(bytesOfView));
  if (joined.length > maxBytes) throw nodeError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `File size (${joined.length}) is greater than the sandbox limit of ${maxBytes} bytes`);
  return [joined, typeof position === 'number' ? position : null] as const;
}

/** `(fd, buffers[, position], callback)`: the callback is the last argument. */
function vectorArgs(args: unknown[]): { fd: number; buffers: ArrayBufferView[]; position: unknown; cb: Callback } {
  const [fd, buffers, position, callback] = args;
  const cb = validateFunction<Callback>(typeof position === 'function' ? position : callback);
  return { fd: getValidatedFd(fd), buffers: validateBufferArray(buffers), position: typeof position === 'function' ? null : position, cb };
}

/** fs.readvSync/readv/writevSync/writev over `rpc`. */
export function vectorFunctions(rpc: Rpc, maxFileBytes: number): Record<string, Function> {
  return {
    readvSync(fd: unknown, buffers: unknown, position?: unknown) {
      const validFd = getValidatedFd(fd);
      const call = readvCall(validateBufferArray(buffers), position);
      return call.spread(bytesOf(rpc.callSync(Method.read, [validFd, ...call.wire])));
    },
    readv(...args: unknown[]) {
      const { fd, buffers, position, cb } = vectorArgs(args);
      let call: ReturnType<typeof readvCall>;
      try {
        call = readvCall(buffers, position);
      } catch (e) {
        return void Promise.resolve().then(() => cb(e as Error, 0, buffers));
      }
      void rpc.callAsync(Method.read, [fd, ...call.wire]).then((r) => {
        let n: number;
        try {
          n = call.spread(bytesOf(r));
        } catch (e) {
          return cb(e as Error, 0, buffers);
        }
        cb(null, n, buffers);
      });
    },
    writevSync(fd: unknown, buffers: unknown, position?: unknown) {
      const validFd = getValidatedFd(fd);
      const list = validateBufferArray(buffers);
      if (list.length === 0) return 0;
      return unwrap(rpc.callSync(Method.fdWrite, [validFd, ...writevCall(list, position, maxFileBytes)])) as number;
    },
    writev(...args: unknown[]) {
      const { fd, buffers, position, cb } = vectorArgs(args);
      if (buffers.length === 0) return void Promise.resolve().then(() => cb(null, 0, buffers));
      const wire = writevCall(buffers, position, maxFileBytes);
      void rpc.callAsync(Method.fdWrite, [fd, ...wire]).then((r) => {
        let n: number;
        try {
          n = unwrap(r) as number;
        } catch (e) {
          return cb(e as Error, 0, buffers);
        }
        cb(null, n, buffers);
      });
    },
  };
}

/** FileHandle#readv/writev's work, given the handle's descriptor. */
export const handleVectors = {
  async readv(rpc: Rpc, fd: number, buffers: unknown, position: unknown): Promise<{ bytesRead: number; buffers: ArrayBufferView[] }> {
    const list = validateBufferArray(buffers);
    const call = readvCall(list, position);
    const bytesRead = call.spread(bytesOf(await rpc.callAsync(Method.read, [fd, ...call.wire])));
    return Object.assign(Object.create(null) as object, { bytesRead, buffers: list }) as { bytesRead: number; buffers: ArrayBufferView[] };
  },
  async writev(rpc: Rpc, fd: number, buffers: unknown, position: unknown, maxFileBytes: number): Promise<{ bytesWritten: number; buffers: ArrayBufferView[] }> {
    const list = validateBufferArray(buffers);
    const bytesWritten = list.length === 0 ? 0 : (unwrap(await rpc.callAsync(Method.fdWrite, [fd, ...writevCall(list, position, maxFileBytes)])) as number);
    return Object.assign(Object.create(null) as object, { bytesWritten, buffers: list }) as { bytesWritten: number; buffers: ArrayBufferView[] };
  },
};

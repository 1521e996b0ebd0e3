/**
 * `process.stdout`, `process.stderr` and `process.stdin`: Writable and Readable streams of the guest
 * (readable-stream), made on first use so that a guest that only calls console.log never loads
 * streams. Writes go out synchronously and in order with console output, as Node writes to files
 * and pipes; stdin is an empty, ended stream (the sandbox has no terminal).
 */
import { Buffer } from 'buffer';
import { streamLib } from '../fs/streams/lib.js';
import { invalidArgType } from '../node-errors.js';
import type { WriteText } from '../console.js';

/** What the guest's code of its own uses of process.stdout/stderr/stdin (a stream, as Node's). */
export interface StdStream {
  readonly fd: number;
  isTTY: boolean;
  write(chunk: unknown, ...rest: unknown[]): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** A writable for fd 1 or 2. */
export function createStdout(fd: 1 | 2, write: WriteText): StdStream {
  const { Writable } = streamLib().stream;
  const out = new Writable({
    decodeStrings: false,
    write(chunk: unknown, encoding: string, callback: (error?: Error | null) => void) {
      try {
        // Bytes go out as they are, and a string in its encoding's bytes, as Node writes them.
        if (typeof chunk === 'string') write(fd, encoding === 'utf8' || encoding === 'utf-8' ? chunk : Buffer.from(chunk, encoding as BufferEncoding));
        else write(fd, chunk as Uint8Array);
      } catch (e) {
        // A write the host refused (the run's output limit): the stream's error, as a failed write in Node.
        return void callback(e as Error);
      }
      callback();
    },
  });
  const base = out.write;
  Object.defineProperties(out, {
    fd: { value: fd, enumerable: true },
    isTTY: { value: false, writable: true, enumerable: true },
    // Node's check: a chunk that is not a string or bytes is a TypeError thrown at the call.
    write: {
      value(chunk: unknown, ...rest: unknown[]) {
        if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw invalidArgType('chunk', ['string'], ['Buffer', 'TypedArray', 'DataView'], chunk);
        return Reflect.apply(base, out, [chunk, ...rest]);
      },
      writable: true,
      configurable: true,
    },
    _type: { value: 'pipe', writable: true },
    _isStdio: { value: true, writable: true },
  });
  (out as unknown as { destroySoon: unknown }).destroySoon = out.destroy;
  return out as unknown as StdStream;
}

/** An ended readable for fd 0. */
export function createStdin(): StdStream {
  const { Readable } = streamLib().stream;
  const input = new Readable({
    read() {
      this.push(null);
    },
  });
  Object.defineProperties(input, {
    fd: { value: 0, enumerable: true },
    isTTY: { value: false, writable: true, enumerable: true },
  });
  return input as unknown as StdStream;
}

import { Buffer } from 'buffer';
import { Method, Status } from '../bridge/protocol.js';
import { mkdirOptions, readOptions, toBytes, toPath, writeOptions } from './fs-args.js';
import { fileTooLarge, invalidArgType } from './node-errors.js';
import { unwrap, type Result, type Rpc } from './rpc.js';

/** Settings the guest fs needs from the sandbox. */
export interface FsConfig {
  /** Largest file a single call may move, in bytes. */
  maxFileBytes: number;
}

type Callback = (err: Error | null, value?: unknown) => void;

/** A Buffer over the whole of a freshly received payload: no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Converts a readFile reply: raw bytes become a Buffer, strings stay strings. */
function readResult(result: Result): Buffer | string {
  const value = unwrap(result);
  if (value instanceof Uint8Array) return asBuffer(value);
  if (typeof value === 'string') return value;
  throw new TypeError('sandbox host answered readFile with neither bytes nor text');
}

function takeCallback(args: unknown[]): Callback {
  const cb = args.pop();
  if (typeof cb !== 'function') throw invalidArgType('cb', ['function'], [], cb);
  return cb as Callback;
}

/** Calls a Node-style callback with the outcome of `compute` (an error first, or null and the value). */
function settle(cb: Callback, compute: () => unknown): void {
  let value: unknown;
  try {
    value = compute();
  } catch (e) {
    cb(e as Error);
    return;
  }
  cb(null, value);
}

function unwrapWrite(result: Result): undefined {
  if (result.status === Status.Error) unwrap(result);
  return undefined;
}

/** Builds the guest's `fs` module (and `fs/promises`) over the bridge. */
export function createFs(rpc: Rpc, config: FsConfig) {
  function readArgs(path: unknown, options: unknown): unknown[] {
    const p = toPath(path);
    const { encoding, flag } = readOptions(options);
    return [p, encoding, flag];
  }

  function writeArgs(path: unknown, data: unknown, options: unknown, defaultFlag: string): unknown[] {
    const p = toPath(path, 'file');
    const { encoding, flag, mode } = writeOptions(options, defaultFlag);
    const bytes = toBytes(data, encoding);
    if (bytes.byteLength > config.maxFileBytes) throw fileTooLarge(bytes.byteLength, config.maxFileBytes);
    return [p, bytes, flag, mode];
  }

  function readFileSync(path: unknown, options?: unknown): Buffer | string {
    return readResult(rpc.callSync(Method.readFile, readArgs(path, options)));
  }

  function writeFileSync(path: unknown, data: unknown, options?: unknown): void {
    unwrapWrite(rpc.callSync(Method.writeFile, writeArgs(path, data, options, 'w')));
  }

  async function promisesReadFile(path: unknown, options?: unknown): Promise<Buffer | string> {
    return readResult(await rpc.callAsync(Method.readFile, readArgs(path, options)));
  }

  async function promisesWriteFile(path: unknown, data: unknown, options?: unknown): Promise<void> {
    unwrapWrite(await rpc.callAsync(Method.writeFile, writeArgs(path, data, options, 'w')));
  }

  function readFile(path: unknown, ...rest: unknown[]): void {
    const cb = takeCallback(rest);
    const args = readArgs(path, rest[0]);
    rpc.callAsync(Method.readFile, args).then((r) => settle(cb, () => readResult(r)));
  }

  function writeFile(path: unknown, data: unknown, ...rest: unknown[]): void {
    const cb = takeCallback(rest);
    const args = writeArgs(path, data, rest[0], 'w');
    rpc.callAsync(Method.writeFile, args).then((r) => settle(cb, () => unwrapWrite(r)));
  }

  function mkdirArgs(path: unknown, options: unknown): unknown[] {
    const p = toPath(path);
    const { recursive, mode } = mkdirOptions(options);
    return [p, recursive, mode];
  }

  function mkdirSync(path: unknown, options?: unknown): string | undefined {
    return unwrap(rpc.callSync(Method.mkdir, mkdirArgs(path, options))) as string | undefined;
  }

  async function promisesMkdir(path: unknown, options?: unknown): Promise<string | undefined> {
    return unwrap(await rpc.callAsync(Method.mkdir, mkdirArgs(path, options))) as string | undefined;
  }

  function mkdir(path: unknown, ...rest: unknown[]): void {
    const cb = takeCallback(rest);
    const args = mkdirArgs(path, rest[0]);
    rpc.callAsync(Method.mkdir, args).then((r) => settle(cb, () => unwrap(r)));
  }

  const promises = { readFile: promisesReadFile, writeFile: promisesWriteFile, mkdir: promisesMkdir };
  const fs = { readFileSync, writeFileSync, mkdirSync, readFile, writeFile, mkdir, promises };
  return fs;
}

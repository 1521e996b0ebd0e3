import { Buffer } from 'buffer';
import { Method } from '../../../bridge/wire/protocol.js';
import { fileTooLarge, invalidArgValue } from '../../node-errors.js';
import { unwrap, type Result, type Rpc } from '../../rpc.js';
import { toPath } from '../args.js';
import {
  getValidatedFd,
  parseFileMode,
  stringToFlags,
  validateBuffer,
  validateFunction,
  validateHexLength,
  validateInteger,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateOptionsObject,
  validatePosition,
  writeEncoding,
} from './args.js';
import type { Callback } from '../ops.js';
import { abortable, abortedBefore, type SignalLike } from '../abort.js';

/**
 * Descriptor operations: open, close, read, write, ftruncate, fsync, fdatasync, in Node's sync and
 * callback forms (fs.promises has none: it has FileHandle). Bytes travel raw both ways: a read's
 * answer is a status-2 payload copied into the caller's buffer at its offset; a write sends a view of
 * the caller's bytes (honouring byteOffset/byteLength) as one CBOR byte string.
 */

/** One validated call: what to send (none: answer at once), and how the answer becomes the results. */
export interface Prepared {
  wire?: unknown[];
  /** What a callback gets after the error (Node: `(err, 0, buffer)` for read and write). */
  errorValues?: unknown[];
  /** The results: [the sync return value, ...the rest of the callback's values]. Throws the call's error. */
  values(result?: Result): unknown[];
  /** Where a blocking call's raw answer of `length` bytes may land directly (see Rpc.callSync). */
  into?(length: number): Uint8Array | undefined;
}

/** The bytes of a status-2 (or legacy bytes) answer. */
export function bytesOf(result: Result | undefined): Uint8Array {
  const value = result === undefined ? undefined : unwrap(result);
  if (value instanceof Uint8Array) return value;
  throw new TypeError('sandbox host answered a read without bytes');
}

/** Arguments of a read, after Node's defaults and checks. */
export interface ReadArgs {
  fd: number;
  buffer: ArrayBufferView;
  offset: number;
  length: number;
  /** -1: the current position. */
  position: number;
}

/** Node's readSync/read argument rules once the forms are told apart (`options` set: an options object was given). */
export function readArgs(fd: unknown, buffer: unknown, offset: unknown, length: unknown, position: unknown, options?: object | null): ReadArgs {
  const validFd = getValidatedFd(fd);
  const buf = validateBuffer(buffer);
  if (options !== undefined) {
    const o = (options ?? {}) as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset ?? 0;
    length = o.length === undefined ? buf.byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
  }
  const off = offset === undefined || offset === null ? 0 : validateInteger(offset, 'offset', 0);
  const len = (length as number) | 0;
  if (len === 0) return { fd: validFd, buffer: buf, offset: off, length: 0, position: -1 };
  if (buf.byteLength === 0) throw invalidArgValue('buffer', buf, 'is empty and cannot be written');
  validateOffsetLengthRead(off, len, buf.byteLength);
  const pos = position === null || position === undefined ? -1 : validatePosition(position, 'position');
  return { fd: validFd, buffer: buf, offset: off, length: len, position: pos };
}

/** The call of a validated read: the bytes land in the caller's buffer at its offset. */
export function readCall(a: ReadArgs): Prepared {
  if (a.length === 0) return { values: () => [0, a.buffer] };
  return {
    wire: [a.fd, a.length, a.position < 0 ? null : a.position],
    errorValues: [0, a.buffer],
    into: (length) => (length <= a.length ? new Uint8Array(a.buffer.buffer, a.buffer.byteOffset + a.offset, length) : undefined),
    values(result) {
      const bytes = bytesOf(result);
      if (bytes.length > a.length) throw new RangeError('sandbox host answered a read with more bytes than asked');
      // A blocking read already landed in the caller's buffer; a message reply is copied there.
      const landed = bytes.buffer === a.buffer.buffer && bytes.byteOffset === a.buffer.byteOffset + a.offset;
      if (!landed) new Uint8Array(a.buffer.buffer, a.buffer.byteOffset + a.offset, bytes.length).set(bytes);
      return [bytes.length, a.buffer];
    },
  };
}

/** What a write sends: a view of the caller's bytes (no copy) or the encoded string. */
export interface WriteArgs {
  fd: number;
  /** The buffer or string the caller passed (the callback's last value). */
  data: unknown;
  bytes: Uint8Array;
  position: number | null;
}

/** Node's writeSync/write rules for a buffer: `offsetOrOptions` may be an options object. */
export function writeBufferArgs(fd: number, buffer: ArrayBufferView, offset: unknown, length: unknown, position: unknown): WriteArgs {
  if (offset !== null && typeof offset === 'object') {
    const o = offset as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset ?? 0;
    length = o.length === undefined ? buffer.byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
  }
  const off = offset === undefined || offset === null || typeof offset === 'function' ? 0 : validateInteger(offset, 'offset', 0);
  const len = typeof length === 'number' ? length : buffer.byteLength - off;
  validateOffsetLengthWrite(off, len, buffer.byteLength);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset + off, len);
  return { fd, data: buffer, bytes, position: wirePosition(position) };
}

/** Node's writeSync/write rules for a string: `position` then `encoding` (unknown names write utf8). */
export function writeStringArgs(fd: number, data: string, position: unknown, encoding: unknown): WriteArgs {
  validateHexLength(data, encoding);
  return { fd, data, bytes: Buffer.from(data, writeEncoding(encoding)), position: wirePosition(position) };
}

/** Node's binding takes a safe integer as a position and anything else as "the current one". */
function wirePosition(position: unknown): number | null {
  return typeof position === 'number' && Number.isSafeInteger(position) && position >= 0 ? position : null;
}

/** Makes the call of a validated write. */
export function writeCall(a: WriteArgs, maxBytes: number): Prepared {
  if (a.bytes.byteLength > maxBytes) throw fileTooLarge(a.bytes.byteLength, maxBytes);
  return { wire: [a.fd, a.bytes, a.position], errorValues: [0, a.data], values: (result) => [unwrap(result!), a.data] };
}

/** Node's open rules: flags and mode are optional. */
export function openCall(path: unknown, flags: unknown, mode: unknown): Prepared {
  const p = toPath(path);
  const bits = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  return { wire: [p, bits, m], values: (result) => [unwrap(result!)] };
}

/** A call that answers nothing but an error: close, fsync, fdatasync, ftruncate. */
export function voidCall(wire: unknown[]): Prepared {
  return { wire, values: (result) => [void unwrap(result!)] };
}

/** Runs a prepared call blocking and returns its sync value. */
export function runSync(rpc: Rpc, method: string, call: Prepared): unknown {
  return (call.wire === undefined ? call.values() : call.values(rpc.callSync(method, call.wire, call.into)))[0];
}

/** Runs a prepared call by message and hands its outcome to a Node-style callback (never synchronously). */
export function runAsync(rpc: Rpc, method: string, call: Prepared, cb: Callback, withValues = true, signal?: SignalLike): void {
  if (abortedBefore(signal, cb)) return;
  const wire = call.wire;
  const answered = wire === undefined ? Promise.resolve(undefined) : abortable(signal, () => rpc.callAsync(method, wire));
  void answered.then((result) => {
    let values: unknown[];
    try {
      values = call.values(result);
    } catch (e) {
      cb(e as Error, ...(call.errorValues ?? []));
      return;
    }
    if (withValues) cb(null, ...values);
    else cb(null);
  }, (e: unknown) => cb(e as Error));
}

/** Node's read(fd, ...) forms: (fd, cb), (fd, params, cb), (fd, buffer, cb), (fd, buffer, options, cb), (fd, buffer, offset, length, position, cb). */
export function readCallbackArgs(args: unknown[]): { read: ReadArgs; cb: Callback } {
  const [fd, second, third, fourth, fifth, sixth] = args;
  if (args.length > 4) {
    const read = readArgs(fd, second, third, fourth, fifth);
    return { read, cb: validateFunction(sixth) };
  }
  let buffer: unknown = second;
  let options: object | null = null;
  let cb: unknown;
  if (args.length === 4) {
    validateOptionsObject(third, 'options');
    options = third as object | null;
    cb = fourth;
  } else if (args.length === 3) {
    if (!ArrayBuffer.isView(second)) {
      validateOptionsObject(second, 'options');
      options = second as object | null;
      buffer = (second as { buffer?: unknown } | null)?.buffer ?? Buffer.alloc(16384);
    }
    cb = third;
  } else {
    cb = second;
    buffer = Buffer.alloc(16384);
  }
  const validFd = getValidatedFd(fd);
  validateBuffer(buffer);
  validateFunction(cb);
  return { read: readArgs(validFd, buffer, undefined, undefined, undefined, options), cb: cb as Callback };
}

import { FieldMax, FieldSize, FrameType, Offset, Status } from './protocol.js';

/** Why a frame could not be decoded: the bytes are wrong, or there are not enough of them yet. */
export type FrameErrorKind = 'malformed' | 'truncated';

/** A decode failure that names the offset and what was expected there. */
export class FrameError extends Error {
  /** `malformed`: the bytes can never form a valid frame. `truncated`: more bytes are needed. */
  readonly kind: FrameErrorKind;
  /** Byte offset in the frame where decoding stopped. */
  readonly offset: number;
  constructor(kind: FrameErrorKind, offset: number, detail: string) {
    super(`${kind} frame at byte ${offset}: ${detail}`);
    this.name = 'FrameError';
    this.kind = kind;
    this.offset = offset;
  }
}

/** A decoded BridgeCall. `args` is a view into the frame (the CBOR-encoded argument array). */
export interface CallFrame {
  session: string;
  id: number;
  method: string;
  args: Uint8Array;
}

/** A decoded BridgeResponse. `payload` is a view into the frame. */
export interface ResponseFrame {
  session: string;
  id: number;
  status: Status;
  payload: Uint8Array;
}

/** The fixed part of a response, readable from the first chunk alone. */
export interface ResponseHeader {
  session: string;
  id: number;
  status: Status;
  /** Bytes before the payload. */
  headerLength: number;
  /** Bytes of the whole frame, including the 4-byte length field. */
  frameLength: number;
}

function checkAscii(text: string, max: number, what: string): void {
  if (text.length > max) throw new RangeError(`${what} is ${text.length} bytes, over the limit of ${max}`);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) throw new TypeError(`${what} must be printable ASCII (character ${i} is 0x${c.toString(16)})`);
  }
}

function putAscii(view: DataView, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

function putId(view: DataView, at: number, id: number): void {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`call id ${id} is not an integer in 0..2^53-1`);
  view.setUint32(at, Math.floor(id / 0x100000000));
  view.setUint32(at + 4, id >>> 0);
}

function startFrame(type: FrameType, session: string, fixed: number, payloadLength: number) {
  checkAscii(session, FieldMax.sessionId, 'session id');
  const headerLength = Offset.session + session.length + fixed;
  const total = headerLength + payloadLength;
  if (total - FieldSize.length > FieldMax.frameLength) throw new RangeError(`frame of ${total} bytes exceeds the u32 length field`);
  const header = new Uint8Array(headerLength);
  const view = new DataView(header.buffer);
  view.setUint32(Offset.length, total - FieldSize.length);
  view.setUint8(Offset.type, type);
  view.setUint8(Offset.sessionLength, session.length);
  putAscii(view, Offset.session, session);
  return { header, view, at: Offset.session + session.length };
}

/**
 * Builds the header of a BridgeCall whose argument payload is `payloadLength` bytes long.
 * The frame is the header followed by the payload; callers may send them without joining them.
 */
export function encodeCallHeader(session: string, id: number, method: string, payloadLength: number): Uint8Array {
  checkAscii(method, FieldMax.methodName, 'method name');
  const fixed = FieldSize.callId + FieldSize.methodLength + method.length;
  const { header, view, at } = startFrame(FrameType.BridgeCall, session, fixed, payloadLength);
  putId(view, at, id);
  view.setUint16(at + FieldSize.callId, method.length);
  putAscii(view, at + FieldSize.callId + FieldSize.methodLength, method);
  return header;
}

/** Builds the header of a BridgeResponse whose payload is `payloadLength` bytes long. */
export function encodeResponseHeader(session: string, id: number, status: Status, payloadLength: number): Uint8Array {
  const { header, view, at } = startFrame(FrameType.BridgeResponse, session, FieldSize.callId + FieldSize.status, payloadLength);
  putId(view, at, id);
  view.setUint8(at + FieldSize.callId, status);
  return header;
}

/** Joins a header and its payload into one frame (for transports that want one buffer). */
export function joinFrame(header: Uint8Array, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(header.length + payload.length);
  frame.set(header, 0);
  frame.set(payload, header.length);
  return frame;
}

/** Reads frames with bounds checks; every failure is a FrameError naming the offset. */
class Reader {
  readonly view: DataView;
  at = 0;
  constructor(readonly bytes: Uint8Array, readonly end: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string): void {
    if (this.at + n > this.end) throw new FrameError('truncated', this.at, `${what} needs ${n} bytes, ${this.end - this.at} left`);
  }
  u8(what: string): number {
    this.need(1, what);
    return this.view.getUint8(this.at++);
  }
  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.at);
    this.at += 2;
    return v;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.at);
    this.at += 4;
    return v;
  }
  id(): number {
    const start = this.at;
    const hi = this.u32('call id');
    const lo = this.u32('call id');
    if (hi > 0x1fffff) throw new FrameError('malformed', start, `call id high word 0x${hi.toString(16)} exceeds 2^53-1`);
    return hi * 0x100000000 + lo;
  }
  ascii(length: number, what: string): string {
    this.need(length, what);
    let s = '';
    for (let i = 0; i < length; i++) {
      const c = this.view.getUint8(this.at);
      if (c < 0x21 || c > 0x7e) throw new FrameError('malformed', this.at, `${what} byte 0x${c.toString(16)} is not printable ASCII`);
      s += String.fromCharCode(c);
      this.at++;
    }
    return s;
  }
}

function openFrame(bytes: Uint8Array, expected: FrameType, available = bytes.length) {
  const end = Math.min(available, bytes.length);
  const r = new Reader(bytes, end);
  const declared = r.u32('length');
  const frameLength = declared + FieldSize.length;
  const type = r.u8('type');
  if (type !== expected) {
    throw new FrameError('malformed', Offset.type, `type 0x${type.toString(16)}, expected 0x${expected.toString(16)}`);
  }
  const session = r.ascii(r.u8('session id length'), 'session id');
  return { r, frameLength, session };
}

function checkWhole(bytes: Uint8Array, frameLength: number): void {
  if (bytes.length < frameLength) {
    throw new FrameError('truncated', bytes.length, `frame declares ${frameLength} bytes, ${bytes.length} present`);
  }
  if (bytes.length > frameLength) {
    throw new FrameError('malformed', frameLength, `${bytes.length - frameLength} bytes after the declared end`);
  }
}

function readStatus(r: Reader): Status {
  const at = r.at;
  const status = r.u8('status');
  if (status !== Status.Ok && status !== Status.Error && status !== Status.Raw) {
    throw new FrameError('malformed', at, `unknown status ${status}`);
  }
  return status;
}

/** The fixed part of a call, readable from the first chunk alone. */
export interface CallHead {
  session: string;
  id: number;
  method: string;
  /** Bytes before the arguments. */
  headerLength: number;
  /** Bytes of the whole frame, including the 4-byte length field. */
  frameLength: number;
}

/** Reads a call's header from the first `available` bytes (the frame may be longer). */
export function decodeCallHead(bytes: Uint8Array, available = bytes.length): CallHead {
  const { r, frameLength, session } = openFrame(bytes, FrameType.BridgeCall, available);
  const id = r.id();
  const method = r.ascii(r.u16('method name length'), 'method name');
  if (r.at > frameLength) throw new FrameError('malformed', 0, `declared length ${frameLength} is shorter than the header (${r.at})`);
  return { session, id, method, headerLength: r.at, frameLength };
}

/** Decodes a complete BridgeCall frame (exactly one frame, nothing after it). */
export function decodeCall(bytes: Uint8Array): CallFrame {
  const h = decodeCallHead(bytes);
  checkWhole(bytes, h.frameLength);
  return { session: h.session, id: h.id, method: h.method, args: bytes.subarray(h.headerLength, h.frameLength) };
}

/**
 * Reads a response header from the first `available` bytes of `bytes` (the first chunk of a frame
 * that may be longer than the chunk).
 */
export function decodeResponseHeader(bytes: Uint8Array, available = bytes.length): ResponseHeader {
  const { r, frameLength, session } = openFrame(bytes, FrameType.BridgeResponse, available);
  const id = r.id();
  const status = readStatus(r);
  if (r.at > frameLength) throw new FrameError('malformed', 0, `declared length ${frameLength} is shorter than the header (${r.at})`);
  return { session, id, status, headerLength: r.at, frameLength };
}

/** Decodes a complete BridgeResponse frame (exactly one frame, nothing after it). */
export function decodeResponse(bytes: Uint8Array): ResponseFrame {
  const h = decodeResponseHeader(bytes);
  checkWhole(bytes, h.frameLength);
  return { session: h.session, id: h.id, status: h.status, payload: bytes.subarray(h.headerLength, h.frameLength) };
}

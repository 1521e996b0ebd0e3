import { encodeCallHeader, encodeResponseHeader, joinFrame } from '../../bridge/wire/frame.js';
import { FieldSize, Offset, Status } from '../../bridge/wire/protocol.js';
import type { Rng } from '../random/index.js';

/**
 * Frames: the real encoder's (bridge/wire/frame.ts), and frames whose header fields lie, written
 * field by field: lengths beyond the bytes, the window or the limits; unknown types; session ids and
 * method names of the wrong length or outside printable ASCII; call ids past 2^53; bytes after the end.
 */

/** A call frame exactly as the guest bridge writes it. */
export function callFrame(session: string, id: number, method: string, payload: Uint8Array): Uint8Array {
  return joinFrame(encodeCallHeader(session, id, method, payload.length), payload);
}

/** A response frame as the host writes it (what the guest's decoder reads). */
export function responseFrame(session: string, id: number, status: Status, payload: Uint8Array): Uint8Array {
  return joinFrame(encodeResponseHeader(session, id, status, payload.length), payload);
}

/** The fields of a call frame; each may be given a value no encoder would write. */
export interface CallFields {
  type: number;
  session: Uint8Array;
  sessionLength: number;
  id: Uint8Array;
  methodLength: number;
  method: Uint8Array;
  payload: Uint8Array;
  /** The length field; undefined: the true length. */
  length?: number;
  trailing: Uint8Array;
}

/** Writes `f` as bytes, lies included. */
export function writeCall(f: CallFields): Uint8Array {
  const size = Offset.session + f.session.length + f.id.length + FieldSize.methodLength + f.method.length + f.payload.length + f.trailing.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const trueLength = size - f.trailing.length - FieldSize.length;
  view.setUint32(Offset.length, (f.length ?? trueLength) >>> 0);
  out[Offset.type] = f.type;
  out[Offset.sessionLength] = f.sessionLength;
  let at = Offset.session;
  for (const part of [f.session, f.id]) {
    out.set(part, at);
    at += part.length;
  }
  view.setUint16(at, f.methodLength & 0xffff);
  at += FieldSize.methodLength;
  for (const part of [f.method, f.payload, f.trailing]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** An 8-byte call id field. */
export function idBytes(hi: number, lo: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setUint32(0, hi >>> 0);
  new DataView(out.buffer).setUint32(4, lo >>> 0);
  return out;
}

/** Call ids worth sending: the edges of the u64 field and of 2^53. */
export function interestingId(rng: Rng): Uint8Array {
  return rng.pick([idBytes(0, 0), idBytes(0, 1), idBytes(0x1fffff, 0xffffffff), idBytes(0x200000, 0), idBytes(0xffffffff, 0xffffffff), idBytes(0x80000000, 0), idBytes(rng.u32(), rng.u32())]);
}

/** The fields of a correct call, to be bent. */
export function fieldsOf(session: string, id: number, method: string, payload: Uint8Array): CallFields {
  return { type: 0x81, session: ascii(session), sessionLength: session.length, id: idBytes(Math.floor(id / 2 ** 32), id >>> 0), methodLength: method.length, method: ascii(method), payload, trailing: new Uint8Array(0) };
}

/** A call frame with one to three header fields lying. */
export function lyingCall(rng: Rng, f: CallFields, limits: { window: number; request: number }): Uint8Array {
  const lies = rng.int(1, 3);
  for (let i = 0; i < lies; i++) {
    switch (rng.below(8)) {
      case 0: {
        const truth = Offset.session + f.session.length + f.id.length + 2 + f.method.length + f.payload.length - 4;
        f.length = rng.pick([0, 1, 5, truth - 1, truth + 1, truth + rng.int(2, 64), limits.window, limits.window + 1, limits.request, limits.request + 1, 0x7fffffff, 0xffffffff]);
        break;
      }
      case 1:
        f.type = rng.pick([0x00, 0x01, 0x06, 0x80, 0x82, 0x84, 0xff, rng.below(256)]);
        break;
      case 2:
        f.sessionLength = rng.pick([0, f.session.length - 1, f.session.length + 1, 255, rng.below(256)]) & 0xff;
        break;
      case 3:
        f.session = rng.pick([ascii(''), ascii('other'), ascii('s'.repeat(255)), Uint8Array.of(0x20, 0x73), Uint8Array.of(0x73, 0x00), Uint8Array.of(0x7f), Uint8Array.of(0xc3, 0xa9)]);
        if (rng.chance(0.7)) f.sessionLength = f.session.length;
        break;
      case 4:
        f.id = interestingId(rng);
        break;
      case 5:
        f.methodLength = rng.pick([0, f.method.length - 1, f.method.length + 1, 0xffff, rng.below(0x10000)]);
        break;
      case 6:
        f.method = rng.pick([ascii(''), ascii('fs.read FileSync'), Uint8Array.of(0x66, 0x73, 0x7f), Uint8Array.of(0x66, 0x80), ascii('m'.repeat(300))]);
        if (rng.chance(0.7)) f.methodLength = f.method.length;
        break;
      default:
        f.trailing = rng.bytes(rng.int(1, 16));
    }
  }
  return writeCall(f);
}

/** Sets a frame's length field to its true length (so that a mutated payload reaches the decoders behind the header). */
export function fixLength(frame: Uint8Array): Uint8Array {
  if (frame.length >= 4) new DataView(frame.buffer, frame.byteOffset, 4).setUint32(0, frame.length - 4);
  return frame;
}

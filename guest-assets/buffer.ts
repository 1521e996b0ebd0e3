import * as bufferModule from 'buffer';
import { failure } from './builtins/failure.js';
import { guard, type Caps } from './caps.js';
import { invalidArgType, nodeError } from './node-errors.js';

/**
 * The guest's Buffer is the `buffer` package's class (built in the guest realm), with its text codecs
 * replaced by Node's own: every encoding, every replacement rule for invalid input, every error, as
 * `node` does it. The bytes never leave the guest's memory: the Worker decodes from and encodes into
 * the guest's ArrayBuffer in place and hands back only a string or a count.
 */
const { Buffer } = bufferModule;
type Buf = InstanceType<typeof Buffer>;

/** Rethrows the Worker's last codec error as a guest-realm error with Node's code, name and message. */
function rethrow(caps: Caps): never {
  throw failure(caps, 'buffer codec failed');
}

/** A primitive for a numeric argument (guest objects are coerced here, in the guest realm). */
function num(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** An encoding name as a primitive (`undefined` stays undefined). */
function enc(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Installs Node's codecs on the guest's Buffer; returns the Buffer module. */
export function installBuffer(caps: Caps): typeof bufferModule {
  const proto = Buffer.prototype as unknown as Record<string, Function>;
  const original = { from: Buffer.from, fill: proto.fill!, indexOf: proto.indexOf!, lastIndexOf: proto.lastIndexOf! };

  function decode(this: Buf, encoding?: unknown, start?: unknown, end?: unknown): string {
    const out = guard(() => caps.bufferToString(this, enc(encoding), num(start), num(end)));
    return typeof out === 'string' ? out : rethrow(caps);
  }

  function write(this: Buf, text: unknown, a?: unknown, b?: unknown, c?: unknown): number {
    if (typeof text !== 'string') throw invalidArgType('string', ['string'], [], text);
    const args = [a, b, c].map((x) => (typeof x === 'string' || x === undefined ? x : Number(x)));
    const out = guard(() => caps.bufferWrite(this, text, args[0], args[1], args[2]));
    return out >= 0 ? out : rethrow(caps);
  }

  function fromString(text: string, encoding?: unknown): Buf {
    // Node treats a non-string encoding here as utf8, and an unknown name as an error (from write).
    const e = typeof encoding === 'string' ? encoding : undefined;
    const length = guard(() => caps.bufferByteLength(text, e));
    if (length < 0) rethrow(caps);
    const buf = Buffer.allocUnsafe(length);
    const written = write.call(buf, text, 0, length, e ?? 'utf8');
    return written === length ? buf : buf.subarray(0, written);
  }

  /** Turns a string search/fill value into bytes with Node's encoder, then uses the package's method. */
  function withBytes(method: Function) {
    return function (this: Buf, value: unknown, offsetOrEncoding?: unknown, encoding?: unknown) {
      if (typeof value === 'string') {
        const e = typeof offsetOrEncoding === 'string' ? offsetOrEncoding : encoding;
        const bytes = fromString(value, e);
        const rest = typeof offsetOrEncoding === 'string' ? [] : [offsetOrEncoding];
        return Reflect.apply(method, this, [bytes, ...rest]);
      }
      return Reflect.apply(method, this, [value, offsetOrEncoding, encoding]);
    };
  }

  proto.toString = decode;
  proto.toLocaleString = decode;
  proto.write = write;
  proto.fill = withBytes(original.fill);
  proto.indexOf = withBytes(original.indexOf);
  proto.lastIndexOf = withBytes(original.lastIndexOf);
  proto.includes = function (this: Buf, value: unknown, offset?: unknown, encoding?: unknown) {
    return (proto.indexOf as Function).call(this, value, offset, encoding) !== -1;
  };
  Buffer.isEncoding = ((encoding: unknown) => typeof encoding === 'string' && guard(() => caps.isEncoding(encoding))) as typeof Buffer.isEncoding;
  Buffer.byteLength = ((value: unknown, encoding?: unknown) => {
    if (typeof value !== 'string') return byteLengthOfBinary(value);
    const n = guard(() => caps.bufferByteLength(value, enc(encoding)));
    return n >= 0 ? n : rethrow(caps);
  }) as typeof Buffer.byteLength;
  Buffer.from = function (value: unknown, encodingOrOffset?: unknown, length?: unknown) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    return Reflect.apply(original.from, Buffer, [value, encodingOrOffset, length]);
  } as typeof Buffer.from;
  // Node's inspect of a Buffer: the first INSPECT_MAX_BYTES bytes, then how many more there are.
  const exportsObject = ((bufferModule as { default?: { INSPECT_MAX_BYTES: number } }).default ?? bufferModule) as { INSPECT_MAX_BYTES: number };
  const inspectBuffer = function (this: Buf): string {
    const max = exportsObject.INSPECT_MAX_BYTES;
    let text = decode.call(this, 'hex', 0, Math.min(max, this.length)).replace(/(.{2})/g, '$1 ').trim();
    const remaining = this.length - max;
    if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return `<${(this.constructor as { name?: string } | undefined)?.name ?? 'Buffer'} ${text}>`;
  };
  proto.inspect = inspectBuffer;
  proto[Symbol.for('nodejs.util.inspect.custom') as unknown as string] = inspectBuffer;
  return bufferModule;
}

/** `Buffer.byteLength` of binary input: its length in bytes, or Node's error. */
function byteLengthOfBinary(value: unknown): number {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return value.byteLength;
  throw invalidArgType('string', ['string'], ['Buffer', 'ArrayBuffer'], value);
}

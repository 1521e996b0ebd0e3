import { Encoder } from 'cbor-x';
// Installs linear-time decoders for CBOR bignums before any decoding: cbor-x's own are quadratic,
// so a guest could stall the host with one large BigInt in any call's arguments.
import '../structured/cbor.js';
import { CborError, checkCbor } from './wellformed.js';

export { CborError, CBOR_MAX_DEPTH } from './wellformed.js';

/**
 * Arguments and structured results travel as CBOR. Byte strings stay byte strings (never base64):
 * a Uint8Array or Buffer argument is encoded as CBOR major type 2 and decodes as a view into the
 * received frame, so the receiver pays no extra copy. Maps are written with the shortest head for
 * their size (RFC 8949's preferred serialization), as other CBOR encoders of the wire write them.
 */
const codec = new Encoder({
  useRecords: false,
  variableMapSize: true,
  mapsAsObjects: true,
  tagUint8Array: false,
  pack: false,
  structuredClone: false,
});

/** An empty payload means `undefined` (protocol.ts, status 0). */
const EMPTY = new Uint8Array(0);

/** Encodes one value (for status 0 payloads and argument arrays). `undefined` encodes as empty. */
export function encodeValue(value: unknown): Uint8Array {
  if (value === undefined) return EMPTY;
  return codec.encode(value);
}

/**
 * Exactly one well-formed CBOR item, checked before cbor-x reads it (bridge/wire/wellformed.ts), then
 * decoded; whatever cbor-x refuses after that is a CborError too.
 */
function decodeChecked(bytes: Uint8Array): unknown {
  checkCbor(bytes);
  try {
    return codec.decode(bytes);
  } catch (e) {
    throw new CborError('malformed', 0, `not a value this bridge reads (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Decodes one value; an empty payload is `undefined`. Anything but one well-formed item throws CborError. */
export function decodeValue(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  return decodeChecked(bytes);
}

/** Encodes a call's argument list as one CBOR array. */
export function encodeArgs(args: readonly unknown[]): Uint8Array {
  return codec.encode(args);
}

/** Byte-string arguments at least this long travel as their own frame part, not copied into the CBOR. */
export const SEPARATE_BYTES_MIN = 16 * 1024;

/** The CBOR head of an array of `n` items, or of a byte string of `n` bytes (RFC 8949 section 3). */
function head(major: 4 | 2, n: number): Uint8Array {
  const type = major << 5;
  if (n < 24) return Uint8Array.of(type | n);
  if (n < 0x100) return Uint8Array.of(type | 24, n);
  if (n < 0x10000) return Uint8Array.of(type | 25, n >>> 8, n & 0xff);
  return Uint8Array.of(type | 26, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/**
 * Encodes a call's argument list as the parts of one CBOR array: the same bytes `encodeArgs` gives
 * (a receiver cannot tell them apart), but a large top-level Uint8Array argument is a part of its own,
 * a view of the caller's memory, so the transport copies it once into the window instead of cbor-x
 * first copying it into its output (615 us per MiB on the write path).
 */
export function encodeArgParts(args: readonly unknown[]): Uint8Array[] {
  if (!args.some((a) => a instanceof Uint8Array && a.length >= SEPARATE_BYTES_MIN)) return [encodeArgs(args)];
  const parts: Uint8Array[] = [head(4, args.length)];
  for (const arg of args) {
    if (arg instanceof Uint8Array && arg.length >= SEPARATE_BYTES_MIN) parts.push(head(2, arg.length), arg);
    else parts.push(arg === undefined ? Uint8Array.of(0xf7) : codec.encode(arg));
  }
  return parts;
}

/** Decodes a call's argument list; anything that is not one CBOR array throws CborError. */
export function decodeArgs(bytes: Uint8Array): unknown[] {
  const value = bytes.length === 0 ? [] : decodeChecked(bytes);
  if (!Array.isArray(value)) throw new CborError('malformed', 0, 'call arguments must be one CBOR array');
  return value;
}

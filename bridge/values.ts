import { Encoder } from 'cbor-x';
// Installs linear-time decoders for CBOR bignums before any decoding: cbor-x's own are quadratic,
// so a guest could stall the host with one large BigInt in any call's arguments.
import './structured-cbor.js';

/**
 * Arguments and structured results travel as CBOR. Byte strings stay byte strings (never base64):
 * a Uint8Array or Buffer argument is encoded as CBOR major type 2 and decodes as a view into the
 * received frame, so the receiver pays no extra copy.
 */
const codec = new Encoder({
  useRecords: false,
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

/** Decodes one value; an empty payload is `undefined`. Trailing bytes are an error. */
export function decodeValue(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  return codec.decode(bytes);
}

/** Encodes a call's argument list as one CBOR array. */
export function encodeArgs(args: readonly unknown[]): Uint8Array {
  return codec.encode(args);
}

/** Decodes a call's argument list; anything that is not one CBOR array is rejected. */
export function decodeArgs(bytes: Uint8Array): unknown[] {
  const value = bytes.length === 0 ? [] : codec.decode(bytes);
  if (!Array.isArray(value)) throw new TypeError('call arguments must be one CBOR array');
  return value;
}

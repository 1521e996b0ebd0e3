import { addExtension, Encoder, Tag } from 'cbor-x';

/**
 * The cbor-x instance the structured codec uses, and a hardening of cbor-x's decoder that protects
 * every decoder in the process (values.ts included) from inputs that cost far more than their size.
 */

/**
 * Structured values are written as primitives, byte strings, arrays and Tag objects only (the codec
 * never hands cbor-x a plain object, Map, Set or Date), so these options matter only for reading:
 * CBOR maps decode as Map (never as objects, whose `__proto__` keys cbor-x renames) and are refused.
 */
export const cbor = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  pack: false,
  structuredClone: false,
  copyBuffers: false,
});

export { Tag };

/** Big-endian magnitude bytes to a BigInt, in linear time (`BigInt('0x' + hex)`). */
function magnitude(bytes: unknown): bigint {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bignum tag must wrap a byte string');
  if (bytes.length === 0) return 0n;
  const digits: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) digits[i] = HEX[bytes[i]!]!;
  return BigInt(`0x${digits.join('')}`);
}
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Largest bignum (in bits) a decimal fraction may carry: converting it to text is superlinear. */
const MAX_FRACTION_BITS = 4096;

function checkFractionPart(part: unknown): void {
  if (typeof part === 'bigint' && (part < 0n ? -part : part).toString(16).length * 4 > MAX_FRACTION_BITS) {
    throw new RangeError(`decimal fraction part over ${MAX_FRACTION_BITS} bits`);
  }
}

/*
 * cbor-x decodes bignums (tags 2 and 3) with a shift per byte: quadratic, so 160 KB of tag 2 keeps a
 * decoder busy for about 20 seconds. Decimal fractions (tag 4) print their bignum parts in decimal,
 * which is superlinear too. Both can arrive from a hostile guest inside any call's arguments, and the
 * host decodes them on its main thread. The replacements give the same values in linear time, and
 * refuse fraction parts no real value needs. Registering decoders changes no encoder.
 */
addExtension({ tag: 2, decode: (bytes: unknown) => magnitude(bytes) } as never);
addExtension({ tag: 3, decode: (bytes: unknown) => -1n - magnitude(bytes) } as never);
addExtension({
  tag: 4,
  decode: (fraction: unknown) => {
    const parts = Array.isArray(fraction) ? fraction : [];
    checkFractionPart(parts[0]);
    checkFractionPart(parts[1]);
    return +`${String(parts[1])}e${String(parts[0])}`;
  },
} as never);

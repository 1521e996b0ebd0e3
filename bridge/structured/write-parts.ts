import { Tag } from './cbor.js';
import { ValueTag } from './tags.js';
import { ValueErrorCode } from './types.js';

/** Small pieces of the structured writer (bridge/structured/encode.ts): primitive trees and refusal paths. */

/** The tree of -0 (cbor-x would write it as the integer 0). */
export const NEG_ZERO = new Tag(null, ValueTag.NegZero);
/** The tree of an array hole, and of an absent error slot. */
export const HOLE = new Tag(null, ValueTag.Hole);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_INT64 = 1n << 64n;

/** Why the walk stopped, and where: segments are added innermost first as the walk unwinds. */
export class Stop {
  readonly segments: string[] = [];
  constructor(
    readonly reason: string,
    readonly code: ValueErrorCode = ValueErrorCode.Unsupported,
  ) {}
}

/** Adds a path segment to a Stop unwinding through a container; anything else passes unchanged. */
export function within(e: unknown, segment: string): unknown {
  if (e instanceof Stop) e.segments.push(segment);
  return e;
}

/** `.key` for identifiers, `["odd key"]` otherwise. */
export function keySegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** A string with lone surrogates, as its UTF-16 code units (little-endian): UTF-8 cannot carry it. */
export function wtf16(text: string): Tag {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return new Tag(bytes, ValueTag.Wtf16);
}

/** A bigint: cbor-x's 64-bit integer when it fits, else hex text (linear both ways, unlike CBOR bignums). */
export function bigintTree(value: bigint): bigint | Tag {
  if (value > -MAX_INT64 && value < MAX_INT64) return value;
  return new Tag(value < 0n ? `-${(-value).toString(16)}` : value.toString(16), ValueTag.BigInt);
}


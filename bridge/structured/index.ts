import { LegacyBytesError } from '../legacy.js';
import { cbor } from './cbor.js';
import { readTree } from './decode.js';
import { writeTree } from './encode.js';
import { Outcome } from './tags.js';
import { isValueError, ValueErrorCode, valueError, type ValueLimits, type ValueRealm } from './types.js';

export { ValueErrorCode, valueError, isValueError } from './types.js';
export type { ValueLimits, ValueRealm } from './types.js';

/**
 * Structured values for host functions: any mix of binary data (moved as raw byte strings), plain
 * data, Map/Set/Date/RegExp, boxed primitives and errors, with shared and cyclic references, as one
 * CBOR item (the table is in bridge/structured/tags.ts). Pure: used by the host and bundled into the guest,
 * where the decoder builds every object with the guest's own constructors.
 */

function checkSize(bytes: Uint8Array, limits: ValueLimits): Uint8Array {
  if (bytes.length > limits.maxBytes) {
    throw valueError(ValueErrorCode.TooLarge, `encoded value of ${bytes.length} bytes is over the limit of ${limits.maxBytes} bytes`);
  }
  return bytes;
}

/**
 * Encodes one value. Refusals name the path from `root`: with root `''` and an argument array,
 * `cannot pass [0].p.x: accessor`.
 */
export function encodeStructured(value: unknown, realm: ValueRealm, limits: ValueLimits, root = ''): Uint8Array {
  return checkSize(encodeCbor(writeTree(value, realm, limits, root), root), limits);
}

/** cbor-x recurses about as deep as the tree; a stack overflow there is the same limit, reported the same way. */
function encodeCbor(tree: unknown, root: string): Uint8Array {
  try {
    return cbor.encode(tree);
  } catch (e) {
    if (e instanceof RangeError) throw valueError(ValueErrorCode.TooDeep, `cannot pass ${root || 'the value'}: nested too deeply for the stack`);
    throw e;
  }
}

/** Decodes one value, building every object in this realm. Anything malformed throws ERR_HOST_VALUE_MALFORMED. */
export function decodeStructured(bytes: Uint8Array, realm: ValueRealm, limits: ValueLimits): unknown {
  return readTree(decodeCbor(checkSize(bytes, limits)), realm, limits);
}

/** How a host function ended: it returned `value`, or threw it. */
export interface Settled {
  threw: boolean;
  value: unknown;
}

/**
 * Encodes a host function's outcome as the reply array `[Outcome, value]`. A value that cannot cross
 * becomes a thrown TypeError/RangeError naming its path (`cannot pass result.fn: function`), so the
 * guest always gets an answer it can read.
 */
export function encodeOutcome(settled: Settled, realm: ValueRealm, limits: ValueLimits): Uint8Array {
  const root = settled.threw ? 'thrown' : 'result';
  try {
    return checkSize(encodeCbor([settled.threw ? Outcome.Threw : Outcome.Returned, writeTree(settled.value, realm, limits, root)], root), limits);
  } catch (e) {
    // The guest learns why, and, when the function threw, what it threw.
    const detail = settled.threw ? ` (the host function threw ${describe(settled.value)})` : '';
    const failure = isValueError(e)
      ? valueError(e.code, e.message + detail)
      : e instanceof LegacyBytesError
        ? e
        : valueError(ValueErrorCode.Unsupported, `cannot pass ${root}: ${messageOf(e)}${detail}`);
    return cbor.encode([Outcome.Threw, writeTree(failure, realm, limits, root)]);
  }
}

function describe(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return typeof thrown === 'string' ? JSON.stringify(thrown) : typeof thrown;
}

/** Decodes a reply array written by encodeOutcome. */
export function decodeOutcome(bytes: Uint8Array, realm: ValueRealm, limits: ValueLimits): Settled {
  const reply: unknown = decodeCbor(checkSize(bytes, limits));
  if (!Array.isArray(reply) || reply.length !== 2 || (reply[0] !== Outcome.Returned && reply[0] !== Outcome.Threw)) {
    throw valueError(ValueErrorCode.Malformed, 'malformed host function reply: expected [outcome, value]');
  }
  return { threw: reply[0] === Outcome.Threw, value: readTree(reply[1], realm, limits) };
}

function decodeCbor(bytes: Uint8Array): unknown {
  try {
    return cbor.decode(bytes);
  } catch (e) {
    throw valueError(ValueErrorCode.Malformed, `malformed structured value: ${messageOf(e)}`);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

import { isDeepStrictEqual } from 'node:util';
import { decodeBase64, LegacyBytesError, reviveLegacy } from '../../bridge/legacy.js';
import { decodeOutcome, decodeStructured, isValueError } from '../../bridge/structured/index.js';
import { decodeCall, decodeCallHead, decodeResponse, decodeResponseHeader, FrameError } from '../../bridge/wire/frame.js';
import { CborError, decodeArgs, decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { hostRealm } from '../../host/host-functions/index.js';
import { boundsFinding, isStackOverflow } from '../oracles/errors.js';
import type { Decoder, Finding, Outcome } from '../types.js';

/**
 * The decoders, called directly (no dispatcher in between, so the thrown value itself is seen):
 * frames (bridge/wire/frame.ts), arguments and values (values.ts), structured values
 * (bridge/structured/) and legacy bytes (bridge/legacy.ts). Each may throw only its own kind of
 * error, never an out-of-bounds RangeError, and leaves the codec working for the next input.
 */

const VALUE_LIMITS = { maxDepth: 500, maxBytes: 1 << 20 };
const PROBE = ['/probe', Buffer.from([1, 2, 3]), { a: [1, 'x'] }];
const PROBE_BYTES = encodeArgs(PROBE);

function frameDecode(decoder: Decoder, bytes: Uint8Array, available: number | undefined): unknown {
  switch (decoder) {
    case 'call':
      return decodeCall(bytes);
    case 'call-head':
      return decodeCallHead(bytes, available);
    case 'response':
      return decodeResponse(bytes);
    default:
      return decodeResponseHeader(bytes, available);
  }
}

/** A frame decoder throws only FrameError, and with `available` reads nothing past it. */
function checkFrame(decoder: Decoder, bytes: Uint8Array, available: number | undefined, out: Finding[]): void {
  let result: unknown;
  try {
    result = frameDecode(decoder, bytes, available);
  } catch (e) {
    if (!(e instanceof FrameError)) out.push(boundsFinding(e, decoder) ?? { oracle: 'codec', message: `${decoder} threw ${String(e)}` });
    result = e instanceof FrameError ? `FrameError ${e.kind} ${e.offset}` : undefined;
  }
  if ((decoder !== 'call-head' && decoder !== 'response-header') || available === undefined || available >= bytes.length) return;
  // The same call on only the bytes it may look at must give the same result.
  let alone: unknown;
  try {
    alone = frameDecode(decoder, bytes.slice(0, Math.max(0, available)), available);
  } catch (e) {
    alone = e instanceof FrameError ? `FrameError ${e.kind} ${e.offset}` : undefined;
  }
  if (!isDeepStrictEqual(result, alone)) out.push({ oracle: 'oob', message: `${decoder} with available=${available} read past it: ${JSON.stringify(result)} vs ${JSON.stringify(alone)}` });
}

/** CBOR decoders throw only CborError (checked before cbor-x reads); the decoder still decodes a known value afterwards. */
function checkCbor(decoder: Decoder, bytes: Uint8Array, out: Finding[], notes: string[]): void {
  try {
    if (decoder === 'args') decodeArgs(bytes);
    else decodeValue(bytes);
  } catch (e) {
    if (e instanceof CborError) notes.push(`${decoder}: ${e.kind} CBOR`);
    else out.push(boundsFinding(e, decoder) ?? { oracle: 'codec', message: `${decoder} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` });
  }
  recovered(out);
}

function recovered(out: Finding[]): void {
  try {
    if (isDeepStrictEqual(decodeArgs(PROBE_BYTES), PROBE)) return;
    out.push({ oracle: 'recovery', message: 'the CBOR decoder decodes a known value wrongly after this input' });
  } catch (e) {
    out.push({ oracle: 'recovery', message: `the CBOR decoder fails on a known value after this input: ${String(e)}` });
  }
}

/** Structured decoders throw only the codec's own errors (ERR_HOST_VALUE_*). */
function checkStructured(decoder: Decoder, bytes: Uint8Array, out: Finding[], notes: string[]): void {
  try {
    if (decoder === 'structured') decodeStructured(bytes, hostRealm, VALUE_LIMITS);
    else decodeOutcome(bytes, hostRealm, VALUE_LIMITS);
  } catch (e) {
    if (!isValueError(e)) out.push(boundsFinding(e, decoder) ?? { oracle: 'codec', message: `${decoder} threw ${String(e)}` });
    else if (isStackOverflow(e.message)) notes.push(`${decoder}: a stack overflow in cbor-x, answered as ${e.code}`);
  }
  recovered(out);
}

/** Canonical base64: what Node writes for the bytes it reads from the text. */
function isCanonical(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 && Buffer.from(text, 'base64').toString('base64') === text;
}

/** decodeBase64 accepts exactly the canonical texts, and gives Node's bytes for them. */
function checkBase64(bytes: Uint8Array, out: Finding[]): void {
  const text = new TextDecoder().decode(bytes);
  let decoded: Buffer | undefined;
  try {
    decoded = decodeBase64(text);
  } catch (e) {
    if (!(e instanceof LegacyBytesError)) out.push({ oracle: 'codec', message: `decodeBase64 threw ${String(e)}` });
  }
  const canonical = isCanonical(text);
  if (canonical !== (decoded !== undefined)) out.push({ oracle: 'codec', message: `decodeBase64 ${decoded ? 'accepted' : 'refused'} ${canonical ? 'canonical' : 'non-canonical'} text ${JSON.stringify(text.slice(0, 40))}` });
  else if (decoded && !decoded.equals(Buffer.from(text, 'base64'))) out.push({ oracle: 'codec', message: 'decodeBase64 gave other bytes than Node' });
}

/** reviveLegacy throws only LegacyBytesError (on what the CBOR check lets through: at most 256 levels). */
function checkLegacy(bytes: Uint8Array, out: Finding[], notes: string[]): void {
  let value: unknown;
  try {
    value = decodeValue(bytes);
  } catch (e) {
    if (e instanceof CborError) return void notes.push(`legacy: refused before revival (${e.kind} CBOR)`);
    throw e;
  }
  try {
    reviveLegacy(value, 'arguments');
  } catch (e) {
    if (!(e instanceof LegacyBytesError)) out.push(boundsFinding(e, 'legacy') ?? { oracle: 'codec', message: `reviveLegacy threw ${String(e)}` });
  }
}

/** Runs one codec case. */
export function runCodec(decoder: Decoder, bytes: Uint8Array, available?: number): Outcome {
  const out: Finding[] = [];
  const notes: string[] = [];
  switch (decoder) {
    case 'call':
    case 'call-head':
    case 'response':
    case 'response-header':
      checkFrame(decoder, bytes, available, out);
      break;
    case 'args':
    case 'value':
      checkCbor(decoder, bytes, out, notes);
      break;
    case 'structured':
    case 'outcome':
      checkStructured(decoder, bytes, out, notes);
      break;
    case 'legacy':
      checkLegacy(bytes, out, notes);
      break;
    case 'base64':
      checkBase64(bytes, out);
      break;
    default: {
      const never: never = decoder;
      throw new TypeError(`unknown decoder ${String(never)}`);
    }
  }
  return { findings: out, notes };
}

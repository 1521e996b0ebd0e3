import { hasEscapes, nameToBytes } from '../../bridge/names/index.js';
import { Buffer } from 'buffer';
import { decodeBase64, encodeLegacy, LegacyBytesError, reviveLegacy } from '../../bridge/legacy.js';
import { Method, ProtocolVersion, Status, WireProtocol } from '../../bridge/wire/protocol.js';
import type { Result, Rpc } from '../rpc.js';

/**
 * The guest's side of legacy compatibility: announcing the protocol, sending bytes as bytes objects
 * to hosts that want them, and decoding legacy payloads whatever the host answers. The codec itself
 * is bridge/legacy.ts; every Buffer it makes here is one of the guest's realm (the bundled `buffer`).
 */

/** The guest bridge's protocol setting, from the sandbox (SandboxOptions.guestProtocol). */
export type GuestProtocol = 'negotiate' | 'legacy';

/**
 * A status-0 value as the caller sees it: every bytes object, at any depth, becomes a Buffer. A
 * malformed one becomes an error result (ERR_BRIDGE_INVALID_BYTES) instead of silent garbage.
 */
export function okResult(value: unknown): Result {
  try {
    return { status: Status.Ok, value: reviveLegacy(value, 'result') };
  } catch (e) {
    if (!(e instanceof LegacyBytesError)) throw e;
    return { status: Status.Error, error: { code: e.code, name: 'TypeError', message: e.message } };
  }
}

/** The arguments as sent: unchanged on the raw wire; on the legacy wire every Uint8Array becomes a bytes object. */
export function wireArgs(args: readonly unknown[], legacy: boolean): readonly unknown[] {
  const sent = nameArgs(args);
  return legacy ? (encodeLegacy(sent) as unknown[]) : sent;
}

/**
 * Path arguments as the wire carries them: a path holding bytes that are not UTF-8 (a name string
 * with escapes, bridge/names) travels as those bytes, since CBOR text is UTF-8 and would lose them
 * (a legacy wire then sends them as a bytes object, as any bytes).
 */
function nameArgs(args: readonly unknown[]): readonly unknown[] {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'string' && hasEscapes(a)) return args.map((v) => (typeof v === 'string' && hasEscapes(v) ? nameToBytes(v) : v));
  }
  return args;
}

/** True when a hello answer says the host will answer raw. Anything else (old hosts) means legacy. */
function answersRaw(result: Result): boolean {
  if (result.status !== Status.Ok) return false;
  const value = result.value as { protocol?: unknown; version?: unknown } | null;
  return typeof value === 'object' && value !== null && value.protocol === WireProtocol.Raw && value.version === ProtocolVersion.Raw;
}

/**
 * Settles the wire at start: a `negotiate` guest announces raw support with `bridge.hello`, and
 * speaks raw only if the host says so (an old host answers ERR_BRIDGE_UNKNOWN_METHOD, or a value
 * it does not understand: legacy). A `legacy` guest never announces, as old guests did.
 */
export function negotiate(rpc: Rpc, setting: GuestProtocol): WireProtocol {
  let raw = false;
  if (setting === 'negotiate') {
    try {
      raw = answersRaw(rpc.callSync(Method.hello, [ProtocolVersion.Raw]));
    } catch {
      // A host that cannot even answer the hello is treated as old; real calls will report it.
    }
  }
  rpc.legacy = !raw;
  return raw ? WireProtocol.Raw : WireProtocol.Legacy;
}

/**
 * The bytes of a binary read's value: raw bytes as a Buffer over the same memory (no copy), or a
 * plain base64 string (what old hosts' module-read path answers) decoded strictly.
 */
export function binaryValue(value: unknown): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return decodeBase64(value, 'result');
  throw new TypeError('sandbox host answered a binary read without bytes');
}

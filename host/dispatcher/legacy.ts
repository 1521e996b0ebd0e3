import type { ByteSource } from '../../bridge/channel/host.js';
import { base64Length, encodeLegacy, reviveLegacy, toLegacyBytes } from '../../bridge/legacy.js';
import { ProtocolVersion, WireProtocol } from '../../bridge/wire/protocol.js';
import { encodeValue } from '../../bridge/wire/values.js';

/**
 * The host's side of legacy compatibility: which wire a session speaks, the `bridge.hello`
 * negotiation, and turning handler results into legacy answers. The byte-level codec is
 * bridge/legacy.ts; this file only decides when to use it.
 */

/**
 * How a dispatcher answers binary data.
 * - `raw`: always raw (status 2, byte strings); the default of a standalone Dispatcher.
 * - `negotiate`: legacy until the guest's `bridge.hello` announces raw support (what a Sandbox uses).
 * - `legacy`: always legacy and `bridge.hello` is unknown, exactly as an old (pre-raw) host.
 */
export type DispatcherProtocol = 'raw' | 'negotiate' | 'legacy';

/** Options of a Dispatcher. */
export interface DispatcherOptions {
  /** Default `raw`. See DispatcherProtocol. */
  protocol?: DispatcherProtocol;
}

/** What `bridge.hello` answers: the wire the host uses for this session from now on. */
export interface HelloAnswer {
  protocol: WireProtocol;
  version: ProtocolVersion;
}

/** One session's wire: fixed by the mode, or settled by the guest's first `bridge.hello`. */
export class SessionWire {
  readonly mode: DispatcherProtocol;
  #current: WireProtocol;
  #settled = false;

  constructor(mode: DispatcherProtocol = 'raw') {
    if (mode !== 'raw' && mode !== 'negotiate' && mode !== 'legacy') throw new RangeError(`unknown dispatcher protocol '${String(mode)}'`);
    this.mode = mode;
    this.#current = mode === 'raw' ? WireProtocol.Raw : WireProtocol.Legacy;
  }

  /** True while answers must be legacy: status 0 only, bytes as bytes objects. */
  get legacy(): boolean {
    return this.#current === WireProtocol.Legacy;
  }

  /** Whether this host knows `bridge.hello` (old hosts do not). */
  get knowsHello(): boolean {
    return this.mode !== 'legacy';
  }

  /**
   * Serves `bridge.hello [version]`. Only the first hello of a session decides (a guest cannot flip
   * the wire under calls in flight); later ones report the settled wire.
   */
  hello(args: readonly unknown[]): HelloAnswer {
    const version = args[0];
    if (!this.#settled && this.mode === 'negotiate') {
      this.#current = typeof version === 'number' && version >= ProtocolVersion.Raw ? WireProtocol.Raw : WireProtocol.Legacy;
    }
    this.#settled = true;
    return { protocol: this.#current, version: this.legacy ? ProtocolVersion.Legacy : ProtocolVersion.Raw };
  }
}

/**
 * Decodes the bytes objects in a call's arguments (old guests send them; new guests never do) into
 * Buffers, in place. Malformed ones throw LegacyBytesError, which becomes an error answer.
 */
export function reviveArgs(args: unknown[]): unknown[] {
  return reviveLegacy(args, 'arguments') as unknown[];
}

function isByteSource(value: unknown): value is ByteSource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ByteSource>;
  return typeof v.size === 'number' && typeof v.read === 'function';
}

/** Reads a whole ByteSource into memory and closes it. */
/** All of a source's bytes, synchronously when its read is synchronous. */
function readAll(source: ByteSource): Uint8Array | Promise<Uint8Array> {
  const bytes = new Uint8Array(source.size);
  let read: void | Promise<void>;
  try {
    read = source.read(bytes, 0);
  } catch (e) {
    source.close?.();
    throw e;
  }
  if (read === undefined) {
    source.close?.();
    return bytes;
  }
  return Promise.resolve(read).then(
    () => {
      source.close?.();
      return bytes;
    },
    (e: unknown) => {
      source.close?.();
      throw e;
    },
  );
}

/**
 * The status-0 payload a legacy session gets for a handler's result: raw results (Uint8Array,
 * ByteSource) become one bytes object, and every Uint8Array nested in a value becomes one too.
 * Bytes objects the handler built itself pass unchanged.
 */
export function legacyPayload(result: unknown): Uint8Array | Promise<Uint8Array> {
  if (isByteSource(result)) {
    const bytes = readAll(result);
    return bytes instanceof Uint8Array ? encodeValue(toLegacyBytes(bytes)) : bytes.then((b) => encodeValue(toLegacyBytes(b)));
  }
  return encodeValue(encodeLegacy(result));
}

/**
 * The largest request frame a host accepts when files may move up to `maxFileBytes`: a whole file
 * as legacy base64 (old guests send that) plus room for the path and options.
 */
export function requestLimit(maxFileBytes: number): number {
  return base64Length(maxFileBytes) + 1024 * 1024;
}

/** The guest bridge's protocol setting (SandboxOptions.guestProtocol). */
export type GuestProtocol = 'negotiate' | 'legacy';

/** Validates a sandbox's protocol options and maps them to the dispatcher's and the guest's settings. */
export function sandboxProtocols(options: { protocol?: unknown; guestProtocol?: unknown }): { dispatcher: DispatcherProtocol; guest: GuestProtocol } {
  const { protocol = 'raw', guestProtocol = 'negotiate' } = options;
  if (protocol !== 'raw' && protocol !== 'legacy') throw new RangeError(`protocol must be 'raw' or 'legacy', got ${JSON.stringify(protocol)}`);
  if (guestProtocol !== 'negotiate' && guestProtocol !== 'legacy') {
    throw new RangeError(`guestProtocol must be 'negotiate' or 'legacy', got ${JSON.stringify(guestProtocol)}`);
  }
  return { dispatcher: protocol === 'raw' ? 'negotiate' : 'legacy', guest: guestProtocol };
}

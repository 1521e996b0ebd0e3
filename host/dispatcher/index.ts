import type { ByteSource, Reply } from '../../bridge/channel/host.js';
import { encodeErrorRecord, encodeErrorText, type ErrorRecord } from '../../bridge/wire/errors.js';
import { decodeCall, encodeResponseHeader, decodeCallHead, FrameError } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { CborError, decodeArgs, encodeValue } from '../../bridge/wire/values.js';
import { toRecord } from './errors.js';
import { legacyPayload, reviveArgs, SessionWire, type DispatcherOptions } from './legacy.js';

/** What a handler knows about the call it serves. */
export interface CallInfo {
  session: string;
  id: number;
  method: string;
}

/**
 * A host method. It returns a value (status 0, CBOR), a Uint8Array or ByteSource (status 2, raw bytes,
 * never encoded), or throws (status 1, a Node-shaped error record). It may be async.
 */
export type Handler = (args: unknown[], call: CallInfo) => unknown;

/** A reply plus what a trace wants to know about it. */
export interface DispatchedReply extends Reply {
  id: number;
  method: string;
  status: Status;
  /** Bytes of the request's argument payload. */
  requestBytes: number;
  /** Bytes of the reply's payload (for status 2, exactly the bytes moved). */
  responseBytes: number;
}

function isByteSource(value: unknown): value is ByteSource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ByteSource>;
  return typeof v.size === 'number' && typeof v.read === 'function';
}

function sizeOf(body: Uint8Array | ByteSource): number {
  return body instanceof Uint8Array ? body.length : body.size;
}

/**
 * Maps method names to handlers: a pure function from a request frame to a reply, usable without a
 * Worker (`handle`) or by a transport that streams the reply (`reply`).
 */
export class Dispatcher {
  readonly session: string;
  readonly #handlers = new Map<string, Handler>();
  /** Raw or legacy answers for this session (host/dispatcher/legacy.ts). */
  readonly #wire: SessionWire;

  /** `options.protocol`: raw (default), negotiate or legacy answers; see DispatcherProtocol. */
  constructor(session: string, handlers: Record<string, Handler> = {}, options: DispatcherOptions = {}) {
    this.session = session;
    this.#wire = new SessionWire(options.protocol);
    if (this.#wire.knowsHello) this.register(Method.hello, (args) => this.#wire.hello(args));
    for (const [name, fn] of Object.entries(handlers)) this.register(name, fn);
  }

  /** Adds or replaces the handler of `method`. */
  register(method: string, handler: Handler): void {
    this.#handlers.set(method, handler);
  }

  #answer(id: number, method: string, requestBytes: number, status: Status, body: Uint8Array | ByteSource): DispatchedReply {
    const responseBytes = sizeOf(body);
    return { header: encodeResponseHeader(this.session, id, status, responseBytes), body, id, method, status, requestBytes, responseBytes };
  }

  /** An error answer: a CBOR record on the raw wire, `"<code>: <message>"` text on the legacy wire (as old hosts answer). */
  #error(id: number, method: string, requestBytes: number, record: ErrorRecord): DispatchedReply {
    return this.#answer(id, method, requestBytes, Status.Error, this.#wire.legacy ? encodeErrorText(record) : encodeErrorRecord(record));
  }

  /** Decodes and serves one request frame. Never throws: every failure is an error reply. */
  async reply(frame: Uint8Array): Promise<DispatchedReply> {
    return this.#serve(frame);
  }

  /**
   * Serves one request frame on the caller's stack and returns the whole response frame, for a
   * transport that must answer before it returns (a guest on the same thread). A handler that
   * answers asynchronously (a Promise, or a ByteSource that reads asynchronously) cannot be served
   * this way: its call is answered ERR_BRIDGE_ASYNC_METHOD (the handler has run; post the call
   * instead). Never throws.
   */
  handleSync(frame: Uint8Array): Uint8Array {
    let reply: DispatchedReply | Promise<DispatchedReply>;
    try {
      reply = this.#serve(frame);
    } catch (e) {
      reply = this.failure(0, '', frame.length, e);
    }
    if (isThenable(reply)) {
      reply.then(discardBody, () => undefined);
      return this.#asyncOnly(frame);
    }
    try {
      return materializeSync(reply) ?? this.#asyncOnly(frame);
    } catch (e) {
      return materializeSync(this.failure(reply.id, reply.method, reply.requestBytes, e))!;
    }
  }

  #asyncOnly(frame: Uint8Array): Uint8Array {
    let id = 0;
    let method = '';
    try {
      ({ id, method } = decodeCallHead(frame));
    } catch {
      // Only a decodable frame reaches a handler.
    }
    const message = `bridge method '${method}' answers asynchronously; a blocking call cannot wait for it`;
    const reply = this.#error(id, method, frame.length, { code: 'ERR_BRIDGE_ASYNC_METHOD', name: 'Error', message });
    return materializeSync(reply)!;
  }

  /** Serves one frame, synchronously as far as its handler is. Throws only what the handlers' argument reviver does not turn into a record. */
  #serve(frame: Uint8Array): DispatchedReply | Promise<DispatchedReply> {
    let call;
    try {
      call = decodeCall(frame);
    } catch (e) {
      const message = e instanceof FrameError ? e.message : 'undecodable frame';
      return this.#error(0, '', frame.length, { code: 'ERR_BRIDGE_MALFORMED_FRAME', name: 'Error', message });
    }
    const { id, method, session } = call;
    const size = call.args.length;
    if (session !== this.session) {
      return this.#error(id, method, size, { code: 'ERR_BRIDGE_MALFORMED_FRAME', name: 'Error', message: `unknown session '${session}'` });
    }
    const handler = this.#handlers.get(method);
    if (handler === undefined) {
      return this.#error(id, method, size, { code: 'ERR_BRIDGE_UNKNOWN_METHOD', name: 'Error', message: `unknown bridge method '${method}'` });
    }
    let decoded: unknown[];
    try {
      decoded = decodeArgs(call.args);
    } catch (e) {
      // Checked before cbor-x reads them: a lying length or a deep nest is refused here, by offset.
      if (!(e instanceof CborError)) throw e;
      return this.#error(id, method, size, { code: 'ERR_BRIDGE_MALFORMED_FRAME', name: 'Error', message: `arguments: ${e.message}` });
    }
    const failed = (e: unknown) => this.#error(id, method, size, toRecord(e));
    let result: unknown;
    try {
      result = handler(reviveArgs(decoded), { session, id, method });
    } catch (e) {
      return failed(e);
    }
    if (isThenable(result)) return Promise.resolve(result).then((r) => this.#result(id, method, size, r), failed);
    return this.#result(id, method, size, result);
  }

  /** The answer carrying a handler's result: raw bytes, a CBOR value, or a legacy payload. */
  #result(id: number, method: string, size: number, result: unknown): DispatchedReply | Promise<DispatchedReply> {
    const failed = (e: unknown) => this.#error(id, method, size, toRecord(e));
    try {
      if (this.#wire.legacy) {
        const payload = legacyPayload(result);
        if (isThenable(payload)) return payload.then((p) => this.#answer(id, method, size, Status.Ok, p), failed);
        return this.#answer(id, method, size, Status.Ok, payload);
      }
      if (result instanceof Uint8Array || isByteSource(result)) return this.#answer(id, method, size, Status.Raw, result);
      return this.#answer(id, method, size, Status.Ok, encodeValue(result));
    } catch (e) {
      return failed(e);
    }
  }

  /** The error reply to call `id` whose answer failed after its handler returned (a body that could not be read). */
  failure(id: number, method: string, requestBytes: number, thrown: unknown): DispatchedReply {
    return this.#error(id, method, requestBytes, toRecord(thrown));
  }

  /** The reply to a request whose declared size is over the limit (only its first chunk was read). */
  refuse(head: Uint8Array, declaredLength: number, limit: number): DispatchedReply {
    let id = 0;
    let method = '';
    try {
      ({ id, method } = decodeCallHead(head));
    } catch {
      // An unreadable head still gets an answer; the guest learns nothing more from it.
    }
    const message = `Request of ${declaredLength} bytes is greater than the sandbox limit of ${limit} bytes`;
    return this.#error(id, method, declaredLength, { code: 'ERR_FS_FILE_TOO_LARGE', name: 'RangeError', message });
  }

  /** Serves one request frame and returns the whole response frame. */
  async handle(frame: Uint8Array): Promise<Uint8Array> {
    const reply = await this.reply(frame);
    return materialize(reply);
  }
}

/** The response frame's buffer with the header in it, and the body too unless it must be read (`source`). */
function frameOf(reply: Reply): { out: Uint8Array; source?: ByteSource } {
  const { header, body } = reply;
  const out = new Uint8Array(header.length + sizeOf(body));
  out.set(header, 0);
  if (body instanceof Uint8Array) {
    out.set(body, header.length);
    return { out };
  }
  return { out, source: body };
}

/** Joins a reply into one buffer (reading a ByteSource completely). */
export async function materialize(reply: Reply): Promise<Uint8Array> {
  const { out, source } = frameOf(reply);
  if (!source) return out;
  try {
    await source.read(out.subarray(reply.header.length), 0);
  } finally {
    source.close?.();
  }
  return out;
}

/**
 * The same on the caller's stack; undefined when the body reads asynchronously (it is released),
 * and what the body's read throws is thrown.
 */
function materializeSync(reply: Reply): Uint8Array | undefined {
  const { out, source } = frameOf(reply);
  if (!source) return out;
  let read: void | Promise<void>;
  try {
    read = source.read(out.subarray(reply.header.length), 0);
  } catch (e) {
    source.close?.();
    throw e;
  }
  if (isThenable(read)) {
    read.then(
      () => source.close?.(),
      () => source.close?.(),
    );
    return undefined;
  }
  source.close?.();
  return out;
}

/** Releases a reply's body unread. */
function discardBody(reply: Reply): void {
  if (!(reply.body instanceof Uint8Array)) reply.body.close?.();
}

function isThenable(value: unknown): value is Promise<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

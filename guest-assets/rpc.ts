import { buildError, decodeErrorRecord, type ErrorRecord } from '../bridge/wire/errors.js';
import { encodeCallHeader, type ResponseHeader } from '../bridge/wire/frame.js';
import { Status } from '../bridge/wire/protocol.js';
import { decodeValue, encodeArgParts } from '../bridge/wire/values.js';
import { okResult, wireArgs } from './legacy/index.js';
import { joinParts, type Link } from './transport/index.js';

/** A reply as the guest sees it: status decides, never the payload's shape. */
export type Result =
  | { status: typeof Status.Ok; value: unknown }
  | { status: typeof Status.Error; error: ErrorRecord }
  | { status: typeof Status.Raw; bytes: Uint8Array };

interface Pending {
  resolve(result: Result): void;
  /** Does not keep the sandbox alive while it waits (GuestTransport.post). */
  weak?: boolean;
  /** Sent to the host (an answer to a call still waiting here is not one). */
  posted?: boolean;
}

/** Allocates exactly `length` bytes in a fresh guest-realm ArrayBuffer (byteOffset 0). */
function freshBytes(length: number): Uint8Array {
  return new Uint8Array(new ArrayBuffer(length));
}

/** Turns a status and payload into a Result. Status 2 bytes are never parsed. */
function toResult(status: number, payload: Uint8Array): Result {
  switch (status) {
    case Status.Ok:
      // Legacy bytes objects in any status-0 value become Buffers (legacy.ts), whatever the wire.
      return okResult(decodeValue(payload));
    case Status.Error:
      return { status, error: decodeErrorRecord(payload) };
    case Status.Raw:
      return { status, bytes: payload };
    default:
      return { status: Status.Error, error: { code: 'ERR_BRIDGE_PROTOCOL', message: `unknown reply status ${status}` } };
  }
}

/**
 * Most async calls posted to the host at once. A program may start any number (Promise.all over
 * thousands of files); past this many the calls wait here, in the guest's own memory (bounded by
 * its heap), and go out in order as answers come back, so the host never holds more than this many
 * unanswered messages of one sandbox.
 */
export const MAX_POSTED_CALLS = 1024;

/** The guest's end of the bridge: blocking and async calls over its link (the shared channel, or an embedder's transport). */
export class Rpc {
  readonly #session: string;
  readonly #link: Link;
  readonly #pending = new Map<number, Pending>();
  /** Calls built but not posted yet (more than MAX_POSTED_CALLS were unanswered), oldest first. */
  #waiting: { id: number; frame: Uint8Array }[] = [];
  #waitingHead = 0;
  /** Calls posted and not answered. */
  #posted = 0;
  #nextId = 1;
  /** Send bytes as legacy bytes objects (the host is old, or this guest plays an old one); set by `negotiate`. */
  legacy = false;
  /**
   * Counts the calls that may have changed the filesystem: every call but the loader's lookups
   * (`module.*`), and every async answer (its change happened when it was answered). The module
   * loader trusts what it found missing only while this stays the same.
   */
  changes = 0;

  constructor(session: string, link: Link) {
    this.#session = session;
    this.#link = link;
  }

  #frame(method: string, args: readonly unknown[]): { id: number; parts: Uint8Array[] } {
    const id = this.#nextId++;
    if (!method.startsWith('module.')) this.changes++;
    const payload = encodeArgParts(wireArgs(args, this.legacy));
    let length = 0;
    for (const p of payload) length += p.length;
    return { id, parts: [encodeCallHeader(this.#session, id, method, length), ...payload] };
  }

  /** Calls `method` and blocks until the host answers. */
  /**
   * Calls `method` and blocks until the host answers. `into` may offer the destination of a raw
   * (status 2) answer of `length` bytes, e.g. the caller's own buffer, so the bytes land there directly.
   */
  callSync(method: string, args: readonly unknown[], into?: (length: number) => Uint8Array | undefined): Result {
    const { id, parts } = this.#frame(method, args);
    let status = -1;
    const { header, payload } = guardChannel(() =>
      this.#link.call(parts, (h: ResponseHeader, length: number, moved?: Uint8Array) => {
        status = h.status;
        return (h.status === Status.Raw && into?.(length)) || moved || freshBytes(length);
      }),
    );
    if (header.id !== id) {
      return { status: Status.Error, error: { code: 'ERR_BRIDGE_PROTOCOL', message: `reply for call ${header.id}, expected ${id}` } };
    }
    return toResult(status, payload);
  }

  /**
   * Calls `method` without blocking; many calls may be in flight. A `weak` call does not keep the
   * sandbox alive while it waits for its answer.
   */
  callAsync(method: string, args: readonly unknown[], weak = false): Promise<Result> {
    const { id, parts } = this.#frame(method, args);
    const frame = joinParts(parts);
    return new Promise<Result>((resolve) => {
      this.#pending.set(id, weak ? { resolve, weak } : { resolve });
      if (this.#posted >= MAX_POSTED_CALLS) this.#waiting.push({ id, frame });
      else this.#post(id, frame);
    });
  }

  #post(id: number, frame: Uint8Array): void {
    const entry = this.#pending.get(id);
    if (entry === undefined) return;
    entry.posted = true;
    this.#posted++;
    const sent = this.#link.post(frame, entry.weak === true);
    if (sent) return;
    this.#posted--;
    this.#pending.delete(id);
    entry.resolve({ status: Status.Error, error: { code: 'ERR_BRIDGE_CLOSED', message: 'the sandbox bridge is closed' } });
  }

  /** Posts waiting calls while there is room. */
  #postWaiting(): void {
    while (this.#posted < MAX_POSTED_CALLS && this.#waitingHead < this.#waiting.length) {
      const next = this.#waiting[this.#waitingHead++]!;
      this.#post(next.id, next.frame);
    }
    if (this.#waitingHead === this.#waiting.length) {
      this.#waiting = [];
      this.#waitingHead = 0;
    }
  }

  /** Delivers an async reply (called by the Worker). Unknown ids are ignored. */
  settle(id: number, status: number, payload: Uint8Array): void {
    this.changes++;
    const pending = this.#pending.get(id);
    if (pending === undefined || !pending.posted) return;
    this.#pending.delete(id);
    this.#posted--;
    this.#postWaiting();
    pending.resolve(toResult(status, payload));
  }

  /** Number of async calls in flight. */
  get inFlight(): number {
    return this.#pending.size;
  }
}

/** Channel failures (a broken host) surface as guest-realm errors with a stable code. */
function guardChannel<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    const err = new Error(`sandbox bridge channel failed: ${e instanceof Error ? e.message : 'unknown'}`);
    (err as Error & { code: string }).code = 'ERR_BRIDGE_CHANNEL';
    throw err;
  }
}

/** The guest realm's error constructors (captured at install, before guest code runs). */
const ctors = { Error, TypeError, RangeError };

/** Returns the value of a Result, or throws the guest-realm Error its record describes. */
export function unwrap(result: Result): unknown {
  switch (result.status) {
    case Status.Ok:
      return result.value;
    case Status.Raw:
      return result.bytes;
    case Status.Error:
      throw buildError(result.error, ctors);
    default:
      return assertNever(result);
  }
}

/** Compile-time exhaustiveness check. */
export function assertNever(value: never): never {
  throw new TypeError(`unexpected value ${String(value)}`);
}

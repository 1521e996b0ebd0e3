/**
 * The state behind a guest Hash or Hmac and its calls to the Worker. A Worker object (a handle,
 * see CryptoCaps.cryptoOpen) is made only when needed: an algorithm Node accepted once is known
 * good, and short updates are kept here (pending.ts), so `createHash(a).update(x).digest(e)` is
 * one Worker call (cryptoOnce). A handle is freed by digest, or when the guest object is collected.
 */
import type { Buffer as BufferClass } from 'buffer';
import { guard, type Caps } from '../../caps.js';
import { failure } from './errors.js';
import { copyPending, hasPending, keep, MAX_KEPT_BYTES, staged, takePending, type Pending } from './pending.js';

type Buf = InstanceType<typeof BufferClass>;

const GuestUint8Array = Uint8Array;

/** Bytes the Worker made in guest memory; anything else is refused (never re-labelled as the guest's). */
export function guestBytes(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof GuestUint8Array)) throw new Error('sandbox bridge call failed');
  return bytes;
}

/** Bytes the Worker made in guest memory, as a Buffer (no copy). */
export function guestBuffer(bytes: Uint8Array, Buffer: typeof BufferClass): Buf {
  return Object.setPrototypeOf(guestBytes(bytes), Buffer.prototype) as Buf;
}

/** Algorithm (and outputLength, or Hmac) combinations Node accepted, at most MAX_KNOWN of them. */
const known = new Set<string>();
const MAX_KNOWN = 512;

/** The key of a combination in `known`; undefined when it cannot be known (a non-string algorithm...). */
export function knownKey(hmac: boolean, algorithm: unknown, option: unknown): string | undefined {
  if (typeof algorithm !== 'string') return undefined;
  if (hmac) return option === undefined ? `\u0001${algorithm}` : undefined;
  if (option === undefined) return algorithm;
  return typeof option === 'number' && Number.isInteger(option) && option >= 0 && option <= 0xffffffff ? `${algorithm}\u0000${option}` : undefined;
}

/** Whether Node accepted this combination before (so a new object of it need not ask the Worker yet). */
export function isKnown(key: string | undefined): boolean {
  return key !== undefined && known.has(key);
}

/** The state of one Hash or Hmac. */
export class DigestCore implements Pending {
  /** The Worker handle, 0 while none is needed. */
  id = 0;
  text: string | undefined = undefined;
  encoding: string | undefined = undefined;
  chunks: Uint8Array[] | undefined = undefined;
  size = 0;
  finalized = false;
  /** Whether `key` is the guest's own copy (else the caller's value, given to the Worker at once). */
  keyKept = false;
  /** The digest pushed by the stream side (Node's handle keeps it for a later digest()). */
  flushed: Buf | undefined = undefined;
  /** What digest() returned, and in which encoding (Node's handle gives it again to the stream side). */
  result: string | Buf | undefined = undefined;
  resultEncoding: string | undefined = undefined;

  constructor(
    readonly hmac: boolean,
    readonly algorithm: string,
    /** outputLength (Hash) or the key's encoding (Hmac). */
    readonly option: unknown,
    /** The Hmac key: a string or a guest copy of its bytes. */
    readonly key: unknown,
  ) {}

  /** A new state of the same algorithm keeping the same updates (copy() before any Worker call). */
  fork(outputLength: unknown): DigestCore {
    const next = new DigestCore(this.hmac, this.algorithm, outputLength, this.key);
    next.keyKept = this.keyKept;
    copyPending(this, next);
    return next;
  }
}

/** Makes and tracks the Worker handles of digest cores. */
export class DigestHandles {
  readonly #registry: FinalizationRegistry<number>;
  /** Where the Worker writes a digest's bytes (see CryptoCaps.cryptoDigest). */
  readonly scratch = new Uint8Array(1024);

  constructor(
    readonly caps: Caps,
    readonly Buffer: typeof BufferClass,
  ) {
    this.#registry = new FinalizationRegistry((id) => guard(() => caps.cryptoFree(id)));
  }

  /** Opens the handle of `core` now (Node validates here); `data` is its first update. */
  open(owner: object, core: DigestCore, mask: number, originals: readonly unknown[], data?: string | ArrayBufferView, encoding?: string): void {
    const { hmac, algorithm, option } = core;
    const key = this.keyOf(core);
    const id = guard(() => this.caps.cryptoOpen(mask, hmac, mask & 3 ? undefined : algorithm, mask & 12 ? undefined : (option as string), mask & 48 ? undefined : (key as string), data, encoding));
    if (id < 0) throw failure(this.caps, originals);
    const knowAs = knownKey(hmac, algorithm, option);
    if (knowAs !== undefined && known.size < MAX_KNOWN) known.add(knowAs);
    core.id = id;
    this.#registry.register(owner, id, core);
  }

  /** Feeds an update: kept while it can be, else given to the Worker handle (opened with what was kept). */
  feed(owner: object, core: DigestCore, data: string | ArrayBufferView, encoding: string | undefined): void {
    if (core.id === 0) {
      if (keep(core, data, encoding)) return;
      if (!hasPending(core)) return this.open(owner, core, 0, [], data, encoding);
      this.materialize(owner, core);
    }
    if (guard(() => this.caps.cryptoUpdate(core.id, data, encoding)) < 0) throw failure(this.caps);
  }

  /** Makes sure `core` has its Worker handle, fed what was kept. */
  materialize(owner: object, core: DigestCore): void {
    if (core.id !== 0) return;
    const encoding = core.encoding;
    this.open(owner, core, 0, [], takePending(core), encoding);
  }

  /** The key to give the Worker: a kept copy goes through the staging buffer (after any kept data). */
  keyOf(core: DigestCore): unknown {
    return core.keyKept && typeof core.key !== 'string' ? staged(core.key as Uint8Array, MAX_KEPT_BYTES) : core.key;
  }

  /** A new handle copying `core`'s, with `outputLength` (`mask` says whether it is a guest object). */
  copy(core: DigestCore, mask: number, outputLength: unknown): number {
    const id = guard(() => this.caps.cryptoCopy(mask, core.id, mask ? undefined : (outputLength as number)));
    if (id < 0) throw failure(this.caps, [outputLength]);
    return id;
  }

  /** Tracks a handle made for `owner` elsewhere (copy). */
  track(owner: object, core: DigestCore): void {
    this.#registry.register(owner, core.id, core);
  }

  /** The digest (a string for a text encoding, else a Buffer); the Worker handle is freed. */
  digest(core: DigestCore, encoding: string | undefined): string | Buf {
    let out;
    if (core.id === 0) {
      const { hmac, algorithm, option } = core;
      const textEncoding = core.encoding;
      const key = this.keyOf(core);
      const data = takePending(core) ?? '';
      out = guard(() => this.caps.cryptoOnce(hmac, algorithm, option as string, key as string, data, textEncoding, encoding, this.scratch));
    } else {
      out = guard(() => this.caps.cryptoDigest(core.id, encoding, this.scratch));
    }
    const result = this.result(out, []);
    if (core.id !== 0) this.#registry.unregister(core);
    core.id = 0;
    return result;
  }

  /** A digest capability's answer as Node's result: a string, or a Buffer (from the scratch or new guest bytes). */
  result(out: string | Uint8Array | number, originals: readonly unknown[]): string | Buf {
    if (typeof out === 'string') return out;
    if (typeof out !== 'number') return this.toBuffer(out);
    if (out < 0) throw failure(this.caps, originals);
    const buf = this.Buffer.allocUnsafe(out);
    const scratch = this.scratch;
    for (let i = 0; i < out; i++) buf[i] = scratch[i]!;
    return buf;
  }

  /** Guest bytes from the Worker as a Buffer (no copy). */
  toBuffer(bytes: Uint8Array): Buf {
    return guestBuffer(bytes, this.Buffer);
  }
}

/**
 * The state behind a guest Hash or Hmac and its calls to the Worker. A Worker object (a handle,
 * see CryptoCaps.cryptoOpen) is made only when needed: an algorithm Node accepted once is known
 * good, and a single string update is kept here, so `createHash(a).update(s).digest(e)` is one
 * Worker call (cryptoOnce). Bytes are never kept: a view update opens the handle at once, as Node
 * hashes the bytes at the time of update(). A handle is freed by digest, or when the guest object
 * is collected.
 */
import type { Buffer as BufferClass } from 'buffer';
import { guard, type Caps } from '../../caps.js';
import { failure } from './errors.js';

type Buf = InstanceType<typeof BufferClass>;

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
export class DigestCore {
  /** The Worker handle, 0 while none is needed. */
  id = 0;
  /** The one string update not yet given to the Worker, and its encoding. */
  pending: string | undefined = undefined;
  pendingEncoding: string | undefined = undefined;
  finalized = false;
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
}

/** Makes and tracks the Worker handles of digest cores. */
export class DigestHandles {
  readonly #registry: FinalizationRegistry<number>;

  constructor(
    readonly caps: Caps,
    readonly Buffer: typeof BufferClass,
  ) {
    this.#registry = new FinalizationRegistry((id) => guard(() => caps.cryptoFree(id)));
  }

  /** Opens the handle of `core` now (Node validates here); `data` is its first update. */
  open(owner: object, core: DigestCore, mask: number, originals: readonly unknown[], data?: string | ArrayBufferView, encoding?: string): void {
    const { hmac, algorithm, option, key } = core;
    const id = guard(() => this.caps.cryptoOpen(mask, hmac, mask & 3 ? undefined : algorithm, mask & 12 ? undefined : (option as string), mask & 48 ? undefined : (key as string), data, encoding));
    if (id < 0) throw failure(this.caps, originals);
    const knowAs = knownKey(hmac, algorithm, option);
    if (knowAs !== undefined && known.size < MAX_KNOWN) known.add(knowAs);
    core.id = id;
    this.#registry.register(owner, id, core);
  }

  /** Feeds an update (the Worker handle is opened when one string is no longer enough). */
  feed(owner: object, core: DigestCore, data: string | ArrayBufferView, encoding: string | undefined): void {
    if (core.id === 0 && core.pending === undefined && typeof data === 'string') {
      core.pending = data;
      core.pendingEncoding = encoding;
      return;
    }
    if (core.id === 0) {
      const first = core.pending;
      this.open(owner, core, 0, [], first ?? data, first === undefined ? encoding : core.pendingEncoding);
      core.pending = undefined;
      if (first === undefined) return;
    }
    if (guard(() => this.caps.cryptoUpdate(core.id, data, encoding)) < 0) throw failure(this.caps);
  }

  /** Makes sure `core` has its Worker handle (for copy()). */
  materialize(owner: object, core: DigestCore): void {
    if (core.id !== 0) return;
    this.open(owner, core, 0, [], core.pending, core.pendingEncoding);
    core.pending = undefined;
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
      const { hmac, algorithm, option, key } = core;
      out = guard(() => this.caps.cryptoOnce(hmac, algorithm, option as string, key as string, core.pending ?? '', core.pendingEncoding, encoding));
    } else {
      out = guard(() => this.caps.cryptoDigest(core.id, encoding));
    }
    if (typeof out === 'number') throw failure(this.caps);
    if (core.id !== 0) this.#registry.unregister(core);
    core.id = 0;
    core.pending = undefined;
    return typeof out === 'string' ? out : this.toBuffer(out);
  }

  /** Guest bytes from the Worker as a Buffer (no copy). */
  toBuffer(bytes: Uint8Array): Buf {
    return Object.setPrototypeOf(bytes, this.Buffer.prototype) as Buf;
  }
}

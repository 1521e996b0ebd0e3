/**
 * What every capability of the Worker needs to keep the realm invariant: checks that a value is the
 * guest's own, Worker-realm intrinsics applied to guest objects (so no guest-replaceable method is
 * ever involved), views over guest memory without a copy, and guest-realm copies of Worker bytes.
 */
import { types } from 'node:util';
import type { GuestApi } from '../../guest-assets/caps.js';

// Worker-realm intrinsics, used on guest objects so no guest-replaceable method is ever involved.
export const typedArraySet = Uint8Array.prototype.set;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
export const byteLengthOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteLength')!.get!;
export const bufferOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer')!.get!;
export const byteOffsetOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset')!.get!;
const dataViewBufferOf = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer')!.get!;
const dataViewOffsetOf = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset')!.get!;
const dataViewLengthOf = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;

/** Runs `fn`, swallowing whatever it throws: a capability must never throw a Worker-realm error at the guest. */
export function quietly<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export class Realm {
  readonly #objectPrototype: object;
  readonly #api: () => GuestApi;
  /** The last codec failure as `code NUL name NUL message` (see Caps.lastError). */
  lastError = '';

  constructor(guestObjectPrototype: object, api: () => GuestApi) {
    this.#objectPrototype = guestObjectPrototype;
    this.#api = api;
  }

  /** A primitive, or an object whose prototype chain ends in the guest's Object.prototype. */
  isGuest(value: unknown): boolean {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return true;
    let proto: unknown = value;
    for (let i = 0; i < 64 && proto !== null; i++) {
      if (proto === this.#objectPrototype) return true;
      proto = quietly(() => Object.getPrototypeOf(proto), null);
    }
    return false;
  }

  /** A Uint8Array (or Buffer) of the guest's realm. */
  isGuestUint8Array(value: unknown): value is Uint8Array {
    return types.isUint8Array(value) && quietly(() => Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(value))) === this.#objectPrototype, false);
  }

  /** Any ArrayBufferView (typed array or DataView) of the guest's realm. */
  isGuestView(value: unknown): value is ArrayBufferView {
    return types.isArrayBufferView(value) && this.isGuest(value);
  }

  /** A Node Buffer over a guest view's memory (no copy), built with Worker-realm intrinsics. */
  hostView(view: ArrayBufferView): Buffer {
    // Worker-realm getters: the guest's own (DataView.prototype.buffer, say) may have been replaced.
    if (types.isDataView(view)) return Buffer.from(dataViewBufferOf.call(view) as ArrayBuffer, dataViewOffsetOf.call(view) as number, dataViewLengthOf.call(view) as number);
    return Buffer.from(bufferOf.call(view) as ArrayBuffer, byteOffsetOf.call(view) as number, byteLengthOf.call(view) as number);
  }

  /** A guest-realm Uint8Array holding a copy of `bytes`. */
  toGuestBytes(bytes: Uint8Array): Uint8Array | undefined {
    const target = this.#api().allocate(bytes.byteLength);
    if (!this.isGuestUint8Array(target) || Reflect.apply(byteLengthOf, target, []) !== bytes.byteLength) return undefined;
    Reflect.apply(typedArraySet, target, [bytes]);
    return target;
  }

  /** Runs a codec call; on failure remembers Node's error (as primitives) and returns -1. */
  codec<T>(fn: () => T): T | number {
    try {
      return fn();
    } catch (e) {
      this.remember(e);
      return -1;
    }
  }

  /** Keeps a Worker error's code, name and message (primitives only) for Caps.lastError. */
  remember(e: unknown): void {
    const err = e as { code?: unknown; name?: unknown; message?: unknown };
    this.lastError = quietly(() => [String(err?.code ?? 'ERR_INTERNAL'), String(err?.name ?? 'Error'), String(err?.message ?? '')].join('\u0000'), 'ERR_INTERNAL\u0000Error\u0000');
  }
}

/**
 * How the crypto capabilities take guest arguments and report failures, keeping the realm invariant
 * while letting the Worker's own node:crypto validate (so every message, range and precedence is
 * Node's): primitives are passed on as they are; guest bytes (views, ArrayBuffers) become Worker
 * views over the same memory, of the same kind; any other guest object never crosses: the guest
 * marks its slot in a mask and the Worker passes a stand-in of the same shape (plain object, array
 * or function) named `GuestValue<slot>`, whose description the guest replaces with the original's.
 */
import { types } from 'node:util';
import type { ErrorRecord } from '../../../../guest-assets/builtins/crypto/caps.js';
import { bufferOf, byteLengthOf, byteOffsetOf, quietly, typedArraySet, type Realm } from '../../realm.js';

/** What a slot's two mask bits say: passed as is, or a stand-in for a guest object, array or function. */
export const Slot = { Value: 0, Object: 1, Array: 2, Function: 3 } as const;

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const tagOf = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag)!.get!;
const lengthOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'length')!.get!;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer')!.get!;
const dataViewOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset')!.get!;
const dataViewLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;

type ViewConstructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;
const VIEWS: Record<string, ViewConstructor> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

/** A guest-realm failure the capability reports instead of throwing (see CryptoCaps.cryptoError). */
export class GuestArgumentError extends Error {}

/**
 * Prototypes already found to be the guest's (their chain ends in the guest's Object.prototype), so
 * a typed array of a known kind costs one lookup. A chain of guest objects can only be changed by
 * code holding objects of both realms, which guest code never does.
 */
const guestProtos = new WeakSet<object>();
const MAX_GUEST_PROTOS = 256;
let guestProtoCount = 0;

/** Whether `value` (a typed array, DataView or ArrayBuffer: not a Proxy) is the guest's. */
function isGuestBytes(realm: Realm, value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && guestProtos.has(proto)) return true;
  if (!realm.isGuest(value)) return false;
  if (proto !== null && guestProtoCount < MAX_GUEST_PROTOS) {
    guestProtos.add(proto);
    guestProtoCount++;
  }
  return true;
}

/**
 * A Worker view of the guest view's memory, of the same kind (so Node sees the same element size
 * and type), built with Worker intrinsics only; a guest ArrayBuffer is used as it is (Node reads
 * it through its internal slots). Anything else is refused.
 */
export function mirror(realm: Realm, value: object): ArrayBufferView | ArrayBufferLike {
  if (types.isTypedArray(value) && isGuestBytes(realm, value)) {
    const Ctor = VIEWS[Reflect.apply(tagOf, value, []) as string]!;
    return new Ctor(Reflect.apply(bufferOf, value, []) as ArrayBufferLike, Reflect.apply(byteOffsetOf, value, []) as number, Reflect.apply(lengthOf, value, []) as number);
  }
  if (types.isDataView(value) && isGuestBytes(realm, value)) {
    return new DataView(Reflect.apply(dataViewBuffer, value, []) as ArrayBuffer, Reflect.apply(dataViewOffset, value, []) as number, Reflect.apply(dataViewLength, value, []) as number);
  }
  if (types.isAnyArrayBuffer(value) && isGuestBytes(realm, value)) return value;
  throw new GuestArgumentError('not guest bytes');
}

const standIns = new Map<number, unknown>();

/** The stand-in for a guest object in `slot`: Node describes it as `an instance of GuestValue<slot>`. */
function standIn(slot: number, kind: number): unknown {
  const key = slot * 4 + kind;
  let made = standIns.get(key);
  if (made === undefined) {
    const name = `GuestValue${slot}`;
    if (kind === Slot.Function) made = { [name]: function () {} }[name];
    else if (kind === Slot.Array) made = new ({ [name]: class extends Array {} }[name]!)();
    else made = new ({ [name]: class {} }[name]!)();
    standIns.set(key, made);
  }
  return made;
}

/** The Worker value for the argument in `slot` (see Slot for the mask). */
export function arg(realm: Realm, mask: number, slot: number, value: unknown): unknown {
  const kind = (mask >>> (slot * 2)) & 3;
  if (kind !== Slot.Value) return standIn(slot, kind);
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
  return mirror(realm, value);
}

/** A Worker Buffer over a guest view's bytes, for the hot paths (no kind needed). */
export function bytesOf(realm: Realm, value: unknown): Buffer {
  if (types.isTypedArray(value) && isGuestBytes(realm, value)) {
    return Buffer.from(Reflect.apply(bufferOf, value, []) as ArrayBuffer, Reflect.apply(byteOffsetOf, value, []) as number, Reflect.apply(byteLengthOf, value, []) as number);
  }
  const view = mirror(realm, value as object);
  if (!ArrayBuffer.isView(view)) throw new GuestArgumentError('not a guest view');
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * A digest for the guest: a string as it is; bytes copied into the guest's `scratch` (its length is
 * returned) when they fit, else into new guest memory. Allocating guest memory from the Worker
 * costs a few microseconds, copying a digest into the scratch a few nanoseconds.
 */
export function toGuest(realm: Realm, out: string | Buffer, scratch: unknown): string | Uint8Array | number {
  if (typeof out === 'string') return out;
  if (types.isUint8Array(scratch) && isGuestBytes(realm, scratch) && (Reflect.apply(byteLengthOf, scratch, []) as number) >= out.length) {
    Reflect.apply(typedArraySet, scratch, [out]);
    return out.length;
  }
  const bytes = realm.toGuestBytes(out);
  if (bytes === undefined) throw new Error('could not allocate guest memory');
  return bytes;
}


/** Worker error -> record (primitives only; never throws). */
export function recordOf(e: unknown): string {
  return quietly(() => JSON.stringify(describe(e)), '{"c":"Error","n":"Error","m":"crypto operation failed"}');
}

function describe(e: unknown): ErrorRecord {
  if (!(e instanceof Error) && !(e instanceof DOMException)) return { c: 'Error', n: 'Error', m: String(e) };
  const err = e as Error & { code?: unknown };
  if (e instanceof DOMException) return { c: 'Error', n: e.name, m: e.message, d: true };
  const c = err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
  const record: ErrorRecord = { c, n: String(err.name), m: String(err.message) };
  if (typeof err.code === 'string') {
    record.k = err.code;
    record.i = String(err.stack).startsWith(`${err.name} [${err.code}]`);
  }
  const props: [string, unknown][] = [];
  for (const key of Object.keys(err)) {
    if (record.i && key === 'code') continue;
    const value = (err as unknown as Record<string, unknown>)[key];
    if (['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((x) => typeof x === 'string'))) props.push([key, value]);
  }
  if (props.length > 0) record.p = props;
  return record;
}

/** A Node-style internal error for a sandbox limit (see limits.ts). */
export function limitError(message: string): Error {
  const err = new RangeError(message) as RangeError & { code: string };
  err.name = 'RangeError [ERR_CRYPTO_SANDBOX_LIMIT]';
  void err.stack;
  delete (err as { name?: string }).name;
  err.code = 'ERR_CRYPTO_SANDBOX_LIMIT';
  return err;
}

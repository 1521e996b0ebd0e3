import { ERROR_CLASSES, type ErrorClassName } from './tags.js';

/**
 * What kind of object a value is, decided by internal slots (brand checks through this realm's
 * intrinsic getters), never by `constructor`, `Symbol.toStringTag` or anything else the object controls.
 * Intrinsics are captured when this module loads: in the guest, before any guest code runs.
 */

/** The kinds of object the structured codec carries. */
export type Kind =
  | 'object'
  | 'array'
  | 'typedarray'
  | 'dataview'
  | 'arraybuffer'
  | 'map'
  | 'set'
  | 'date'
  | 'regexp'
  | 'boxed-boolean'
  | 'boxed-number'
  | 'boxed-string'
  | 'boxed-bigint'
  | 'error';

/** An object that cannot cross, and why (`Promise`, `WeakMap`, `proxy`, ...). */
export interface Refusal {
  readonly refused: string;
}

/**
 * Realm-specific knowledge a side adds. The host passes Node's `util.types` checks (which see through
 * realms and detect proxies); the guest needs none, since every guest value is of the guest's realm.
 */
export interface Classifier {
  /** A kind or refusal for `value`, or undefined to let the brand checks decide. */
  (value: object): Kind | Refusal | undefined;
}

const apply = Reflect.apply;
const getPrototypeOf = Object.getPrototypeOf;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const isArray = Array.isArray;

function getter(target: object, key: PropertyKey): (this: unknown) => unknown {
  return getOwnPropertyDescriptor(target, key)!.get!;
}

/** Intrinsic accessors, usable on any realm's objects that have the slot. */
export const Intrinsic = {
  typedArrayName: getter(getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag),
  typedArrayBuffer: getter(getPrototypeOf(Uint8Array.prototype) as object, 'buffer'),
  typedArrayOffset: getter(getPrototypeOf(Uint8Array.prototype) as object, 'byteOffset'),
  typedArrayLength: getter(getPrototypeOf(Uint8Array.prototype) as object, 'byteLength'),
  dataViewBuffer: getter(DataView.prototype, 'buffer'),
  dataViewOffset: getter(DataView.prototype, 'byteOffset'),
  dataViewLength: getter(DataView.prototype, 'byteLength'),
  arrayBufferLength: getter(ArrayBuffer.prototype, 'byteLength'),
  sharedArrayBufferLength: getter(SharedArrayBuffer.prototype, 'byteLength'),
  mapSize: getter(Map.prototype, 'size'),
  mapForEach: Map.prototype.forEach,
  setSize: getter(Set.prototype, 'size'),
  setForEach: Set.prototype.forEach,
  dateTime: Date.prototype.getTime,
  regExpSource: getter(RegExp.prototype, 'source'),
  booleanValue: Boolean.prototype.valueOf,
  numberValue: Number.prototype.valueOf,
  stringValue: String.prototype.valueOf,
  bigintValue: BigInt.prototype.valueOf,
  isWellFormed: String.prototype.isWellFormed,
} as const;

/** RegExp flag getters, in the order `RegExp.prototype.flags` lists them. */
export const REGEXP_FLAGS: ReadonlyArray<readonly [string, (this: unknown) => unknown]> = [
  ['d', getter(RegExp.prototype, 'hasIndices')],
  ['g', getter(RegExp.prototype, 'global')],
  ['i', getter(RegExp.prototype, 'ignoreCase')],
  ['m', getter(RegExp.prototype, 'multiline')],
  ['s', getter(RegExp.prototype, 'dotAll')],
  ['u', getter(RegExp.prototype, 'unicode')],
  ...(getOwnPropertyDescriptor(RegExp.prototype, 'unicodeSets') ? [['v', getter(RegExp.prototype, 'unicodeSets')] as const] : []),
  ['y', getter(RegExp.prototype, 'sticky')],
];

/** True when `fn` accepts `value` as its receiver: the value has the internal slot `fn` needs. */
function branded(fn: (this: unknown, ...args: never[]) => unknown, value: object, args: unknown[] = []): boolean {
  try {
    apply(fn, value, args);
    return true;
  } catch {
    return false;
  }
}

const generatorPrototype = getPrototypeOf(function* () {}.prototype) as object;
const asyncGeneratorPrototype = getPrototypeOf(async function* () {}.prototype) as object;
const typedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;

/** This realm's intrinsic prototypes: the kind each stands for, and the brand check that confirms it. */
const byPrototype = new Map<object, Kind | Refusal>();
const brandChecks = new Map<object, (this: unknown) => unknown>();
for (const [proto, kind, check] of [
  [typedArrayPrototype, 'typedarray', Intrinsic.typedArrayOffset],
  [DataView.prototype, 'dataview', Intrinsic.dataViewLength],
  [ArrayBuffer.prototype, 'arraybuffer', Intrinsic.arrayBufferLength],
  [Map.prototype, 'map', Intrinsic.mapSize],
  [Set.prototype, 'set', Intrinsic.setSize],
  [Date.prototype, 'date', Intrinsic.dateTime],
  [RegExp.prototype, 'regexp', Intrinsic.regExpSource],
  [Boolean.prototype, 'boxed-boolean', Intrinsic.booleanValue],
  [Number.prototype, 'boxed-number', Intrinsic.numberValue],
  [String.prototype, 'boxed-string', Intrinsic.stringValue],
  [BigInt.prototype, 'boxed-bigint', Intrinsic.bigintValue],
] as const) {
  byPrototype.set(proto, kind);
  brandChecks.set(proto, check);
}
for (const [proto, refused] of [
  [SharedArrayBuffer.prototype, 'SharedArrayBuffer'],
  [Symbol.prototype, 'Symbol object'],
  [Promise.prototype, 'Promise'],
  [WeakMap.prototype, 'WeakMap'],
  [WeakSet.prototype, 'WeakSet'],
  [WeakRef.prototype, 'WeakRef'],
  [FinalizationRegistry.prototype, 'FinalizationRegistry'],
  [generatorPrototype, 'generator'],
  [asyncGeneratorPrototype, 'async generator'],
  [getPrototypeOf(generatorPrototype) as object, 'iterator'],
  [getPrototypeOf(asyncGeneratorPrototype) as object, 'async iterator'],
] as const) {
  byPrototype.set(proto, { refused });
}
const errorPrototypes = new Map<object, ErrorClassName>();
for (const name of ERROR_CLASSES) {
  const proto = (globalThis as unknown as Record<string, { prototype: object }>)[name]!.prototype;
  errorPrototypes.set(proto, name);
  byPrototype.set(proto, 'error');
}

/**
 * Classifies an object. Arrays by `Array.isArray`; others by the first intrinsic prototype on their
 * chain, confirmed by a brand check (an `Object.create(Map.prototype)` has no map inside and is an
 * ordinary object). Objects of no known class, class instances included, are `object`.
 */
export function classify(value: object, extra?: Classifier): Kind | Refusal {
  const told = extra?.(value);
  if (told !== undefined) return told;
  if (isArray(value)) return 'array';
  let proto = getPrototypeOf(value) as object | null;
  for (let i = 0; proto !== null && i < 1000; i++) {
    const found = byPrototype.get(proto);
    if (found !== undefined) {
      const check = brandChecks.get(proto);
      return check === undefined || branded(check, value) ? found : 'object';
    }
    proto = getPrototypeOf(proto) as object | null;
  }
  return 'object';
}

/**
 * The built-in error class of an error: the nearest on its prototype chain, recognised by prototype
 * (this realm) or by its constructor's own name (another realm's error, which the host's classifier found).
 */
export function errorClassOf(error: object): ErrorClassName {
  let proto = getPrototypeOf(error) as object | null;
  for (let i = 0; proto !== null && i < 1000; i++) {
    const local = errorPrototypes.get(proto);
    if (local !== undefined) return local;
    const ctor: unknown = getOwnPropertyDescriptor(proto, 'constructor')?.value;
    const name: unknown = typeof ctor === 'function' ? getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
    if (typeof name === 'string' && (ERROR_CLASSES as readonly string[]).includes(name)) return name as ErrorClassName;
    proto = getPrototypeOf(proto) as object | null;
  }
  return 'Error';
}

/** True for a string with no lone surrogates (it can travel as UTF-8). */
export function isWellFormed(text: string): boolean {
  return apply(Intrinsic.isWellFormed, text, []) as boolean;
}

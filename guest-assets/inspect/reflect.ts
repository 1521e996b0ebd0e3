/**
 * Defensive reflection and side-effect-free type checks for the guest-side
 * inspector. Only ECMAScript built-ins are available in the guest, so Node's
 * `util.types` checks are rebuilt from "brand checks": calling an intrinsic
 * method or getter that throws unless the receiver has the right internal slot.
 * Intrinsics are captured at load time so later tampering by guest code does
 * not change how values are classified.
 */

const { getOwnPropertyDescriptor, getPrototypeOf } = Object;
const { apply } = Reflect;

type Method = (...args: never[]) => unknown;

/** Longest prototype chain we walk before giving up (guards against proxies). */
export const MAX_CHAIN = 10_000;

function uncurry(fn: Method | undefined): (self: unknown, ...args: unknown[]) => unknown {
  if (fn === undefined) return () => { throw new TypeError('missing intrinsic'); };
  return (self, ...args) => apply(fn, self, args);
}

function getterOf(proto: object, key: PropertyKey): (self: unknown) => unknown {
  return uncurry(getOwnPropertyDescriptor(proto, key)?.get);
}

function brand(check: (self: unknown) => unknown): (value: object) => boolean {
  return (value) => {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  };
}

const objectToString = uncurry(Object.prototype.toString);
const ordinaryHasInstance = uncurry(Function.prototype[Symbol.hasInstance]);
const hasOwnProperty = uncurry(Object.prototype.hasOwnProperty);
const propertyIsEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
const typedArrayProto = getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = getterOf(typedArrayProto, Symbol.toStringTag);

/** `Function.prototype.toString` that ignores overrides. */
export const functionSource = uncurry(Function.prototype.toString) as (fn: unknown) => string;
/** `RegExp.prototype.toString` that ignores overrides. */
export const regExpSource = uncurry(RegExp.prototype.toString) as (re: unknown) => string;
/** `Date.prototype.getTime` that ignores overrides. */
export const dateTime = uncurry(Date.prototype.getTime) as (date: unknown) => number;
/** `Date.prototype.toISOString` that ignores overrides. */
export const dateIso = uncurry(Date.prototype.toISOString) as (date: unknown) => string;
/** `Date.prototype.toString` that ignores overrides. */
export const dateString = uncurry(Date.prototype.toString) as (date: unknown) => string;
/** `Error.prototype.toString` that ignores overrides. */
export const errorToString = uncurry(Error.prototype.toString) as (err: unknown) => string;
/** Length of a typed array, independent of its prototype. */
export const typedArrayLength = getterOf(typedArrayProto, 'length') as (ta: unknown) => number;
/** `Map.prototype.size`, independent of the map's prototype. */
export const mapSize = getterOf(Map.prototype, 'size') as (map: unknown) => number;
/** `Set.prototype.size`, independent of the set's prototype. */
export const setSize = getterOf(Set.prototype, 'size') as (set: unknown) => number;
/** `Map.prototype.entries`, independent of the map's prototype. */
export const mapEntries = uncurry(Map.prototype.entries) as (map: unknown) => IterableIterator<[unknown, unknown]>;
/** `Set.prototype.values`, independent of the set's prototype. */
export const setValues = uncurry(Set.prototype.values) as (set: unknown) => IterableIterator<unknown>;

/** True for Date objects. */
export const isDate = brand(dateTime);
/** True for Map objects (including subclasses and null-prototype maps). */
export const isMap = brand(mapSize);
/** True for Set objects. */
export const isSet = brand(setSize);
/** True for WeakMap objects. */
export const isWeakMap = brand((v) => apply(WeakMap.prototype.has, v, [{}]));
/** True for WeakSet objects. */
export const isWeakSet = brand((v) => apply(WeakSet.prototype.has, v, [{}]));
/** True for ArrayBuffer objects. */
export const isArrayBuffer = brand(getterOf(ArrayBuffer.prototype, 'byteLength'));
/** True for SharedArrayBuffer objects (false when the global is unavailable). */
export const isSharedArrayBuffer = typeof SharedArrayBuffer === 'function'
  ? brand(getterOf(SharedArrayBuffer.prototype, 'byteLength'))
  : () => false;
/** True for DataView objects (`buffer` does not throw for detached buffers). */
export const isDataView = brand(getterOf(DataView.prototype, 'buffer'));
const isRegExpLike = brand(getterOf(RegExp.prototype, 'source'));

/** True for RegExp objects (but not `RegExp.prototype` itself). */
export function isRegExp(value: object): boolean {
  return value !== RegExp.prototype && isRegExpLike(value);
}

/** Name of the typed array class (`'Uint8Array'`) or undefined for other values. */
export function typedArrayName(value: object): string | undefined {
  try {
    const tag = typedArrayTag(value);
    return typeof tag === 'string' ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** Kind of boxed primitive (`'Number'`, `'String'`, ...) with its primitive value. */
export interface Boxed { type: 'Number' | 'String' | 'Boolean' | 'BigInt' | 'Symbol'; primitive: unknown }

const unboxers: Array<[Boxed['type'], (v: unknown) => unknown]> = [
  ['Number', uncurry(Number.prototype.valueOf)],
  ['String', uncurry(String.prototype.valueOf)],
  ['Boolean', uncurry(Boolean.prototype.valueOf)],
  ['BigInt', uncurry(BigInt.prototype.valueOf)],
  ['Symbol', uncurry(Symbol.prototype.valueOf)],
];

/** Identify `new Number(1)`, `Object('x')`, `Object(1n)` and friends. */
export function unbox(value: object, worthChecking: (type: string) => boolean = () => true): Boxed | undefined {
  for (const [type, valueOf] of unboxers) {
    if (!worthChecking(type)) continue;
    try {
      return { type, primitive: valueOf(value) };
    } catch {
      // not this kind of box
    }
  }
  return undefined;
}

/** `Object.getPrototypeOf` that reports failure (hostile proxies) as `null`. */
export function protoOf(value: object): object | null {
  try {
    return getPrototypeOf(value) as object | null;
  } catch {
    return null;
  }
}

const INTRINSIC_KINDS = new Map<object, string>([
  [Map.prototype, 'Map'], [Set.prototype, 'Set'], [WeakMap.prototype, 'WeakMap'], [WeakSet.prototype, 'WeakSet'],
  [ArrayBuffer.prototype, 'ArrayBuffer'], [DataView.prototype, 'DataView'], [Promise.prototype, 'Promise'],
  [Date.prototype, 'Date'], [RegExp.prototype, 'RegExp'], [Number.prototype, 'Number'],
  [String.prototype, 'String'], [Boolean.prototype, 'Boolean'], [Symbol.prototype, 'Symbol'],
  [BigInt.prototype, 'BigInt'],
]);
if (typeof SharedArrayBuffer === 'function') INTRINSIC_KINDS.set(SharedArrayBuffer.prototype, 'SharedArrayBuffer');

/**
 * Which built-in prototypes (Map, Date, Number, ...) are on the chain of a
 * value whose chain ends at this realm's `Object.prototype`; undefined for
 * any other chain (null prototype, other realm, hostile proxy). Brand checks
 * throw, and throwing is slow, so a type is only brand-checked when its
 * prototype is on the chain or the chain is unusual.
 */
export function intrinsicKinds(value: object): ReadonlySet<string> | undefined {
  const kinds = new Set<string>();
  let current = protoOf(value);
  for (let i = 0; current !== null && i < MAX_CHAIN; i++) {
    if (current === Object.prototype) return kinds;
    const kind = INTRINSIC_KINDS.get(current);
    if (kind !== undefined) kinds.add(kind);
    current = protoOf(current);
  }
  return undefined;
}

/** True when `target` appears on the prototype chain of `value`. */
export function inheritsFrom(value: object, target: object): boolean {
  let current = protoOf(value);
  for (let i = 0; current !== null && i < MAX_CHAIN; i++) {
    if (current === target) return true;
    current = protoOf(current);
  }
  return false;
}

/** Property read that never throws (a throwing getter yields undefined). */
export function safeGet(value: object, key: PropertyKey): unknown {
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `Object.prototype.hasOwnProperty` that never throws. */
export function hasOwn(value: object, key: PropertyKey): boolean {
  try {
    return hasOwnProperty(value, key) === true;
  } catch {
    return false;
  }
}

/** `Object.prototype.propertyIsEnumerable` that never throws. */
export function isEnumerable(value: object, key: PropertyKey): boolean {
  try {
    return propertyIsEnumerable(value, key) === true;
  } catch {
    return false;
  }
}

/** `key in value` that never throws. */
export function safeHas(value: object, key: PropertyKey): boolean {
  try {
    return key in value;
  } catch {
    return false;
  }
}

/** `value instanceof ctor` that never throws (like Node's `isInstanceof`). */
export function safeInstanceOf(value: object, ctor: unknown): boolean {
  try {
    return value instanceof (ctor as new () => unknown);
  } catch {
    return false;
  }
}

/** The built-in `[object X]` tag, or '' if a `Symbol.toStringTag` could spoof it. */
function builtinTag(value: object): string {
  try {
    if (typeof (value as Record<symbol, unknown>)[Symbol.toStringTag] === 'string') return '';
    return objectToString(value) as string;
  } catch {
    return '';
  }
}

/** True for native errors and for objects inheriting from `Error.prototype`. */
export function isError(value: object): boolean {
  if (builtinTag(value) === '[object Error]') return true;
  try {
    return ordinaryHasInstance(Error, value) === true;
  } catch {
    return false;
  }
}

/** True for `arguments` objects. */
export function isArguments(value: object): boolean {
  return builtinTag(value) === '[object Arguments]';
}

/**
 * True for objects inheriting from this realm's `Promise.prototype`. There is
 * no side-effect-free brand check for promises in plain ECMAScript.
 */
export function isPromise(value: object): boolean {
  return inheritsFrom(value, Promise.prototype);
}

// These literals must survive bundling untranspiled (guest target >= ES2018).
const asyncFunctionProto = getPrototypeOf(async function () { /* intrinsic probe */ }) as object;
const generatorFunctionProto = getPrototypeOf(function* () { /* intrinsic probe */ }) as object;
const asyncGeneratorFunctionProto = getPrototypeOf(async function* () { /* intrinsic probe */ }) as object;

/** Node's function type label: Function, AsyncFunction, GeneratorFunction, AsyncGeneratorFunction. */
export function functionType(fn: object): string {
  if (inheritsFrom(fn, asyncGeneratorFunctionProto)) return 'AsyncGeneratorFunction';
  if (inheritsFrom(fn, asyncFunctionProto)) return 'AsyncFunction';
  if (inheritsFrom(fn, generatorFunctionProto)) return 'GeneratorFunction';
  return 'Function';
}

/** Describe a thrown value without throwing again. */
export function describeThrown(err: unknown): string {
  try {
    if (typeof err === 'object' && err !== null) return String(safeGet(err, 'message'));
    return String(err);
  } catch {
    return 'unknown error';
  }
}

/** True for the RangeError V8 throws on stack exhaustion. */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && describeThrown(err).includes('call stack');
}

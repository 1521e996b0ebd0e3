/**
 * What kind of object V8's serializer sees in a value. The brand tests are V8's own (the checks
 * behind util.types, answered by the Worker without running any of the value's code), so a Proxy
 * is seen as a Proxy and a Date with another prototype is still a Date, as V8 sees them.
 */
import { guard, type Caps } from '../../caps.js';
import { NATIVE_TYPE_CHECKS, type NativeTypeCheck } from '../util/caps.js';

/** The kinds the writer treats differently. */
export const Kind = {
  Plain: 0,
  Array: 1,
  Date: 2,
  RegExp: 3,
  Map: 4,
  Set: 5,
  ArrayBuffer: 6,
  SharedArrayBuffer: 7,
  View: 8,
  Error: 9,
  NumberObject: 10,
  StringObject: 11,
  BooleanObject: 12,
  BigIntObject: 13,
  /** Anything V8 refuses: functions, symbols' wrappers, Proxies, promises, weak collections, iterators... */
  Uncloneable: 14,
} as const;
/** One of {@link Kind}. */
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A kind found by one check that covers several, told apart by a second check. */
const Group = { AnyArrayBuffer: -1, BoxedPrimitive: -2 } as const;

/**
 * Checks in the order they are tried; the first that answers true decides. A plain object has to
 * pass every one, so the grouped checks keep the list short.
 */
const ORDER: readonly (readonly [NativeTypeCheck, number])[] = [
  ['isDate', Kind.Date],
  ['isRegExp', Kind.RegExp],
  ['isMap', Kind.Map],
  ['isSet', Kind.Set],
  ['isAnyArrayBuffer', Group.AnyArrayBuffer],
  ['isNativeError', Kind.Error],
  ['isBoxedPrimitive', Group.BoxedPrimitive],
  ['isPromise', Kind.Uncloneable],
  ['isWeakMap', Kind.Uncloneable],
  ['isWeakSet', Kind.Uncloneable],
  ['isGeneratorObject', Kind.Uncloneable],
  ['isMapIterator', Kind.Uncloneable],
  ['isSetIterator', Kind.Uncloneable],
  ['isArgumentsObject', Kind.Uncloneable],
  ['isModuleNamespaceObject', Kind.Uncloneable],
  ['isExternal', Kind.Uncloneable],
];

/** The second checks of a group, in order; a boxed Symbol is the one left. */
const GROUPS: Record<number, readonly (readonly [NativeTypeCheck, Kind])[]> = {
  [Group.AnyArrayBuffer]: [['isArrayBuffer', Kind.ArrayBuffer], ['isSharedArrayBuffer', Kind.SharedArrayBuffer]],
  [Group.BoxedPrimitive]: [['isNumberObject', Kind.NumberObject], ['isStringObject', Kind.StringObject], ['isBooleanObject', Kind.BooleanObject], ['isBigIntObject', Kind.BigIntObject]],
};

/**
 * Objects V8 refuses that util.types has no test for, known by their own prototype (objects made
 * with another one are not recognized): iterators of arrays, strings and regexps (no brand check
 * without advancing them), and WeakRef, FinalizationRegistry and the Intl classes (checked by a
 * method that only reads their internal slots).
 */
function otherUncloneable(): Map<object, ((value: object) => boolean) | undefined> {
  const map = new Map<object, ((value: object) => boolean) | undefined>();
  const iteratorPrototypes = [[][Symbol.iterator](), ''[Symbol.iterator](), /x/[Symbol.matchAll]('')];
  for (const it of iteratorPrototypes) map.set(Object.getPrototypeOf(it) as object, undefined);
  map.set(WeakRef.prototype, (v) => isBrand(WeakRef.prototype.deref, v));
  map.set(FinalizationRegistry.prototype, (v) => isBrand(FinalizationRegistry.prototype.unregister, v, {}));
  for (const name of Object.getOwnPropertyNames(Intl)) {
    const C = (Intl as unknown as Record<string, unknown>)[name];
    const proto = typeof C === 'function' ? (C.prototype as { resolvedOptions?: unknown; toString?: unknown } | undefined) : undefined;
    // Intl.Locale has no resolvedOptions; its toString reads the slot the same way.
    const resolved = name === 'Locale' ? proto?.toString : proto?.resolvedOptions;
    if (typeof resolved === 'function') map.set((C as { prototype: object }).prototype, (v) => isBrand(resolved, v));
  }
  return map;
}

/** Whether `fn` accepts `value` as its receiver (a brand check by a side-effect-free method). */
function isBrand(fn: Function, value: object, ...args: unknown[]): boolean {
  try {
    Reflect.apply(fn, value, args);
    return true;
  } catch {
    return false;
  }
}

/** The classifier and the single checks the writer and describe need. */
export interface Kinds {
  kindOf(value: object): Kind;
  isProxy(value: object): boolean;
  isDataView(value: object): boolean;
  isSymbolObject(value: object): boolean;
  isNativeError(value: object): boolean;
  readonly globalObject: object;
}

/** The classifier over the Worker's checks. */
export function createKinds(caps: Caps, globalObject: object): Kinds {
  const index = (name: NativeTypeCheck) => NATIVE_TYPE_CHECKS.indexOf(name);
  const check = (i: number, value: object) => guard(() => caps.utilType(i, value)) === true;
  const order = ORDER.map(([name, kind]) => [index(name), kind] as const);
  // Built with the classifier (the first require of v8), not when the bundle is evaluated.
  const others = otherUncloneable();
  const groups = new Map(Object.entries(GROUPS).map(([group, list]) => [Number(group), list.map(([name, kind]) => [index(name), kind] as const)]));
  const proxy = index('isProxy');
  const dataView = index('isDataView');
  const symbolObject = index('isSymbolObject');
  const nativeError = index('isNativeError');
  /** The brand checks in order, under one guard (a check runs no guest code, so nothing but the capability can throw here). */
  const branded = (value: object): Kind | undefined => {
    try {
      for (const [i, kind] of order) {
        if (caps.utilType(i, value) !== true) continue;
        const group = groups.get(kind);
        if (group === undefined) return kind as Kind;
        for (const [j, member] of group) if (caps.utilType(j, value) === true) return member;
        return Kind.Uncloneable;
      }
      return undefined;
    } catch {
      throw new Error('sandbox bridge call failed');
    }
  };
  return {
    globalObject,
    isProxy: (value) => check(proxy, value),
    isDataView: (value) => check(dataView, value),
    isSymbolObject: (value) => check(symbolObject, value),
    isNativeError: (value) => check(nativeError, value),
    kindOf(value) {
      // The global object is V8's global proxy, which it refuses.
      if (typeof value === 'function' || value === globalObject || check(proxy, value)) return Kind.Uncloneable;
      if (Array.isArray(value)) return Kind.Array;
      if (ArrayBuffer.isView(value)) return Kind.View;
      const kind = branded(value);
      if (kind !== undefined) return kind;
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto !== null && others.has(proto)) {
        const brand = others.get(proto);
        if (brand === undefined || brand(value)) return Kind.Uncloneable;
      }
      return Kind.Plain;
    },
  };
}

/**
 * Node 20's deep equality, strict (`util.isDeepStrictEqual`, `assert.deepStrictEqual`) and loose
 * (`assert.deepEqual`), written once for both. Objects are equal when they have the same type tag,
 * (strict: the same prototype,) the same own enumerable keys with deep-equal values, and the same
 * contents for the types that hold some beyond their keys (dates, regular expressions, boxed
 * primitives, errors, typed arrays and buffers, sets and maps). Cycles are followed once.
 */
import type { UtilTypes } from './types.js';
import { keyCheck, type Memos, type Compare } from './deep-equal-keys.js';
import { IterationKind, ownNonIndexKeys, sameBytes, sameElements, viewNonIndexKeys } from './deep-equal-parts.js';

import {
  bigintValue, booleanValue, dateGetTime, getPrototypeOf, is, isArray, isEnumerable, numberValue, objectToString as toTag, stringValue,
  symbolValue, typedArrayTag,
} from './intrinsics.js';

/** The two comparisons, over the guest's util.types. */
export interface DeepEqual {
  isDeepStrictEqual(a: unknown, b: unknown): boolean;
  isDeepEqual(a: unknown, b: unknown): boolean;
}

/** Views at least this long are compared by the Worker (native, in place); shorter ones here. */
const NATIVE_COMPARE_BYTES = 256;

/** Builds Node's two deep comparisons over `types` (V8's brand checks) and the Worker's byte comparison. */
export function createDeepEqual(types: UtilTypes, bytesEqual: (a: Uint8Array, b: Uint8Array) => boolean): DeepEqual {
  const sameContents = (a: Uint8Array, b: Uint8Array) => (a.length >= NATIVE_COMPARE_BYTES && a.length === b.length ? bytesEqual(a, b) : sameBytes(a, b));

  const compare: Compare = (a, b, strict, memos) => innerDeepEqual(a, b, strict, memos);

  /** Same-valued primitives, or a reason to look further (undefined). */
  function primitives(a: unknown, b: unknown, strict: boolean): boolean | undefined {
    if (a === b) return a !== 0 || is(a, b) || !strict;
    if (strict) {
      if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      return getPrototypeOf(a) === getPrototypeOf(b) ? undefined : false;
    }
    if (a === null || typeof a !== 'object') {
      // eslint-disable-next-line eqeqeq
      if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b));
      return false;
    }
    return b === null || typeof b !== 'object' ? false : undefined;
  }

  function innerDeepEqual(a: unknown, b: unknown, strict: boolean, memos: Memos | undefined): boolean {
    const simple = primitives(a, b, strict);
    if (simple !== undefined) return simple;
    const x = a as object;
    const y = b as object;
    const tag = toTag(x);
    if (tag !== toTag(y)) return false;
    if (isArray(x)) {
      if (!isArray(y) || x.length !== y.length) return false;
      return sameKeyCount(x, y, strict) && keyCheck(x, y, strict, memos, IterationKind.Array, compare, ownNonIndexKeys(x, strict));
    }
    if (tag === '[object Object]') return keyCheck(x, y, strict, memos, IterationKind.None, compare);
    const special = specialTypes(x, y, strict, memos);
    if (special !== undefined) return special;
    return keyCheck(x, y, strict, memos, IterationKind.None, compare);
  }

  function sameKeyCount(x: object, y: object, strict: boolean): boolean {
    return ownNonIndexKeys(x, strict).length === ownNonIndexKeys(y, strict).length;
  }

  /** The verdict for objects of the types with contents beyond their keys; undefined: compare the keys only. */
  function specialTypes(x: object, y: object, strict: boolean, memos: Memos | undefined): boolean | undefined {
    if (types.isDate(x)) return types.isDate(y) && dateGetTime(x) === dateGetTime(y) ? undefined : false;
    if (types.isRegExp(x)) return types.isRegExp(y) && sameRegExps(x as RegExp, y as RegExp) ? undefined : false;
    if (types.isArrayBufferView(x)) return viewsEqual(x as ArrayBufferView, y as ArrayBufferView, strict, memos);
    if (types.isSet(x)) {
      if (!types.isSet(y) || (x as Set<unknown>).size !== (y as Set<unknown>).size) return false;
      return keyCheck(x, y, strict, memos, IterationKind.Set, compare);
    }
    if (types.isMap(x)) {
      if (!types.isMap(y) || (x as Map<unknown, unknown>).size !== (y as Map<unknown, unknown>).size) return false;
      return keyCheck(x, y, strict, memos, IterationKind.Map, compare);
    }
    if (types.isAnyArrayBuffer(x)) return types.isAnyArrayBuffer(y) && sameContents(new Uint8Array(x as ArrayBuffer), new Uint8Array(y as ArrayBuffer)) ? undefined : false;
    if (types.isNativeError(x) || x instanceof Error) return errorsEqual(x as Error, y, strict, memos) ? undefined : false;
    if (types.isBoxedPrimitive(x)) return sameBoxed(x, y) ? undefined : false;
    if (hasContents(y)) return false;
    if (types.isKeyObject(x)) return types.isKeyObject(y) && (x as { equals(o: unknown): boolean }).equals(y) ? undefined : false;
    if (types.isCryptoKey(x)) return cryptoKeysEqual(x as Record<string, unknown>, y as Record<string, unknown>, strict, memos) ? undefined : false;
    return undefined;
  }

  /** `y` is of a type whose contents would have been compared had it been `x`. */
  function hasContents(y: object): boolean {
    return isArray(y) || types.isArrayBufferView(y) || types.isSet(y) || types.isMap(y) || types.isDate(y) || types.isRegExp(y) ||
      types.isAnyArrayBuffer(y) || types.isBoxedPrimitive(y) || types.isNativeError(y) || y instanceof Error;
  }

  function viewsEqual(x: ArrayBufferView, y: ArrayBufferView, strict: boolean, memos: Memos | undefined): boolean {
    if (typedArrayTag(x) !== typedArrayTag(y)) return false;
    const loseFloats = !strict && (types.isFloat32Array(x) || types.isFloat64Array(x));
    if (x.byteLength !== y.byteLength) return false;
    if (loseFloats ? !sameElements(x as Float64Array, y as Float64Array) : !sameContents(bytesOf(x), bytesOf(y))) return false;
    // Equal bytes make equal lengths: only the other own keys are left to compare.
    const keys = viewNonIndexKeys(x, strict);
    return keys.length === viewNonIndexKeys(y, strict).length && keyCheck(x, y, strict, memos, IterationKind.None, compare, keys);
  }

  function errorsEqual(x: Error, y: object, strict: boolean, memos: Memos | undefined): boolean {
    if (!types.isNativeError(y) && !(y instanceof Error)) return false;
    const other = y as Error & { errors?: unknown };
    // The stack is left out: two otherwise identical errors differ there.
    for (const key of ['message', 'name'] as const) {
      const enumerable = isEnumerable(x, key);
      if (enumerable !== isEnumerable(other, key) || (!enumerable && x[key] !== other[key])) return false;
    }
    for (const key of ['cause', 'errors'] as const) {
      const enumerable = isEnumerable(x, key);
      if (enumerable !== isEnumerable(other, key)) return false;
      if (!enumerable && !innerDeepEqual((x as unknown as Record<string, unknown>)[key], (other as unknown as Record<string, unknown>)[key], strict, memos)) return false;
    }
    return true;
  }

  function cryptoKeysEqual(x: Record<string, unknown>, y: Record<string, unknown>, strict: boolean, memos: Memos | undefined): boolean {
    return types.isCryptoKey(y) && x.extractable === y.extractable && innerDeepEqual(x.algorithm, y.algorithm, strict, memos) &&
      innerDeepEqual(x.usages, y.usages, strict, memos);
  }

  function sameBoxed(x: object, y: object): boolean {
    if (types.isNumberObject(x)) return types.isNumberObject(y) && is(numberValue(x), numberValue(y));
    if (types.isStringObject(x)) return types.isStringObject(y) && stringValue(x) === stringValue(y);
    if (types.isBooleanObject(x)) return types.isBooleanObject(y) && booleanValue(x) === booleanValue(y);
    if (types.isBigIntObject(x)) return types.isBigIntObject(y) && bigintValue(x) === bigintValue(y);
    return types.isSymbolObject(y) && symbolValue(x) === symbolValue(y);
  }

  return {
    isDeepStrictEqual: (a, b) => innerDeepEqual(a, b, true, undefined),
    isDeepEqual: (a, b) => innerDeepEqual(a, b, false, undefined),
  };
}

function sameRegExps(a: RegExp, b: RegExp): boolean {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

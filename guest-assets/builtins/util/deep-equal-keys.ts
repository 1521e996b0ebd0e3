/**
 * The key-by-key half of the deep comparison (deep-equal.ts): own enumerable keys, array elements,
 * and the contents of sets and maps, with Node 20's cycle handling (the first pair is remembered
 * cheaply, a set of visited objects is made only once the comparison goes deeper).
 */
import { mapEquiv, setEquiv } from './deep-equal-keyed.js';
import { IterationKind } from './deep-equal-parts.js';

/** Objects being compared, to stop at cycles. */
export interface Memos {
  set: Set<unknown> | undefined;
  a: unknown;
  b: unknown;
  c: unknown;
  d: unknown;
  deep: boolean;
  /** While looking for a match in a set or map, a failed pair is forgotten so it can be tried again. */
  deleteFailures: boolean;
}

/** The recursive comparison (deep-equal.ts's innerDeepEqual). */
export type Compare = (a: unknown, b: unknown, strict: boolean, memos: Memos) => boolean;

import { getOwnPropertySymbols, hasOwn, isEnumerable as enumerable, keys as objectKeys } from './intrinsics.js';

/** Strict comparisons also need the same enumerable symbol keys; they are appended to `keys`. */
function symbolsMatch(a: object, b: object, keys: PropertyKey[]): boolean {
  const symbolsA = getOwnPropertySymbols(a);
  const symbolsB = getOwnPropertySymbols(b);
  if (symbolsA.length === 0) return symbolsB.length === 0 || symbolsB.filter((k) => enumerable(b, k)).length === 0;
  let count = 0;
  for (const key of symbolsA) {
    if (enumerable(a, key)) {
      if (!enumerable(b, key)) return false;
      keys.push(key);
      count++;
    } else if (enumerable(b, key)) {
      return false;
    }
  }
  return symbolsA.length === symbolsB.length || symbolsB.filter((k) => enumerable(b, k)).length === count;
}

/**
 * Compares the keys of `a` and `b` (given: those of an array-like, whose count was already checked)
 * and then their values and contents, stopping at cycles.
 */
export function keyCheck(a: object, b: object, strict: boolean, memos: Memos | undefined, kind: IterationKind, compare: Compare, given?: PropertyKey[]): boolean {
  const keys = given ?? objectKeys(a);
  for (const key of keys) if (!enumerable(b, key)) return false;
  if (given === undefined) {
    if (keys.length !== objectKeys(b).length) return false;
    if (strict && !symbolsMatch(a, b, keys)) return false;
  }
  if (keys.length === 0 && (kind === IterationKind.None || (kind === IterationKind.Array && (a as unknown[]).length === 0) || (a as Set<unknown>).size === 0)) {
    return true;
  }
  if (memos === undefined) {
    const fresh: Memos = { set: undefined, a, b, c: undefined, d: undefined, deep: false, deleteFailures: false };
    return objEquiv(a, b, strict, keys, fresh, kind, compare);
  }
  if (memos.set === undefined) {
    if (!memos.deep) {
      if (memos.a === a && memos.b === b) return true;
      memos.c = a;
      memos.d = b;
      memos.deep = true;
      const result = objEquiv(a, b, strict, keys, memos, kind, compare);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }
  return visitOnce(a, b, strict, keys, memos, kind, compare);
}

function visitOnce(a: object, b: object, strict: boolean, keys: PropertyKey[], memos: Memos, kind: IterationKind, compare: Compare): boolean {
  const set = memos.set!;
  const before = set.size;
  set.add(a);
  set.add(b);
  if (set.size === before) return true;
  const equal = objEquiv(a, b, strict, keys, memos, kind, compare);
  if (equal || memos.deleteFailures) {
    set.delete(a);
    set.delete(b);
  }
  return equal;
}

function objEquiv(a: object, b: object, strict: boolean, keys: PropertyKey[], memos: Memos, kind: IterationKind, compare: Compare): boolean {
  const x = a as Record<PropertyKey, unknown>;
  const y = b as Record<PropertyKey, unknown>;
  for (const key of keys) if (!compare(x[key], y[key], strict, memos)) return false;
  if (kind === IterationKind.Array) return elementsEqual(a as unknown[], b as unknown[], strict, memos, compare);
  if (kind === IterationKind.Set) return setEquiv(a as Set<unknown>, b as Set<unknown>, strict, memos, compare);
  if (kind === IterationKind.Map) return mapEquiv(a as Map<unknown, unknown>, b as Map<unknown, unknown>, strict, memos, compare);
  return true;
}

function elementsEqual(a: unknown[], b: unknown[], strict: boolean, memos: Memos, compare: Compare): boolean {
  for (let i = 0; i < a.length; i++) {
    if (hasOwn(a, i)) {
      if (!hasOwn(b, i) || !compare(a[i], b[i], strict, memos)) return false;
    } else if (hasOwn(b, i)) {
      return false;
    } else {
      // A hole: the rest is compared key by key, as the keys of a sparse array.
      const keysA = objectKeys(a);
      for (; i < keysA.length; i++) {
        const key = keysA[i]!;
        if (!hasOwn(b, key) || !compare((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key], strict, memos)) return false;
      }
      return keysA.length === objectKeys(b).length;
    }
  }
  return true;
}

/** Small pieces of the deep comparison (deep-equal.ts): key lists and element-wise comparisons. */

/** What a compared pair holds beyond its keys. */
export const IterationKind = { None: 0, Array: 1, Set: 2, Map: 3 } as const;
export type IterationKind = (typeof IterationKind)[keyof typeof IterationKind];

import { getOwnPropertySymbols, isEnumerable, ownKeys } from './intrinsics.js';

/** A canonical array index (`0` to `2**32 - 2`), which is an element rather than a named key. */
function isIndex(key: string): boolean {
  if (key.length === 0 || key.length > 10) return false;
  const n = Number(key);
  return String(n) === key && Number.isInteger(n) && n >= 0 && n < 4294967295;
}

/**
 * The own enumerable keys of an array or a typed array that are not indices; strict comparisons
 * include enumerable symbols, loose ones do not.
 */
export function ownNonIndexKeys(value: object, strict: boolean): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const key of ownKeys(value)) {
    if (typeof key === 'string' ? isIndex(key) : !strict) continue;
    if (isEnumerable(value, key)) keys.push(key);
  }
  return keys;
}

/**
 * Typed arrays longer than this have their named keys left out of the comparison: listing a typed
 * array's own keys names every element (a 100 MB buffer would need 100 million strings), and V8
 * offers JavaScript no way to skip the indices. Their symbols are still compared (listing those
 * skips the elements).
 */
export const MAX_VIEW_KEY_SCAN = 1 << 16;

/** {@link ownNonIndexKeys} of a typed array or DataView, within {@link MAX_VIEW_KEY_SCAN}. */
export function viewNonIndexKeys(view: ArrayBufferView, strict: boolean): PropertyKey[] {
  if (view.byteLength <= MAX_VIEW_KEY_SCAN) return ownNonIndexKeys(view, strict);
  if (!strict) return [];
  return getOwnPropertySymbols(view).filter((key) => isEnumerable(view, key));
}

/** Byte-wise equality of two views. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Element-wise `===` of two float arrays (loose: `-0` equals `0`, `NaN` equals nothing). */
export function sameElements(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

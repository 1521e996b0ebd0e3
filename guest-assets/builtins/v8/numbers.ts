/** How V8 sees numbers and property keys when it writes them, and how deep values may nest. */

/** Whether V8 keeps this number as a small integer (written 'I'): an int32 that is not -0. */
export function isSmi(n: number): boolean {
  return (n | 0) === n && !(n === 0 && 1 / n < 0);
}

/** Whether a property key is an array index (written as a number). */
export function isIndexKey(key: string): boolean {
  const n = Number(key);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === key;
}

/**
 * How deep objects may nest, written or read. V8 stops at its stack's end (in Node 20, after about
 * 2,000 to 3,300 levels); here the limit is explicit, so that the stack never ends inside a call to
 * the Worker, and it throws what V8 throws then.
 */
export const MAX_DEPTH = 4096;

/** Throws V8's error for a stack that ended. */
export function tooDeep(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

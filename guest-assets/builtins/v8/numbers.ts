/** How V8 sees numbers and property keys when it writes them. */

/** Whether V8 keeps this number as a small integer (written 'I'): an int32 that is not -0. */
export function isSmi(n: number): boolean {
  return (n | 0) === n && !(n === 0 && 1 / n < 0);
}

/** Whether a property key is an array index (written as a number). */
export function isIndexKey(key: string): boolean {
  const n = Number(key);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === key;
}

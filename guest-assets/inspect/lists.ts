/**
 * Entry formatters for list-like values: arrays (including sparse ones),
 * typed arrays, Sets, Maps and ArrayBuffer contents.
 */

import { KIND_ARRAY, moreItems, type Ctx } from './types.js';
import { formatBigInt, formatNumber } from './primitive.js';
import { formatProperty, isArrayIndex } from './properties.js';
import { hasOwn, mapEntries, safeGet, setValues } from './reflect.js';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function emptyItems(count: number): string {
  return `<${count} empty item${count > 1 ? 's' : ''}>`;
}

function visibleCount(ctx: Ctx, length: number): number {
  return Math.min(Math.max(0, ctx.maxArrayLength), length);
}

/** Continue an array with holes, collapsing runs of holes into `<N empty items>`. */
function formatSparseArray(ctx: Ctx, arr: unknown[], recurseTimes: number, limit: number, output: string[], first: number): string[] {
  const keys = Object.keys(arr);
  let expected = first;
  for (let k = first; k < keys.length && output.length < limit; k++) {
    const key = keys[k] ?? '';
    const index = Number(key);
    if (index > 2 ** 32 - 2) break;
    if (`${expected}` !== key) {
      if (!isArrayIndex(key)) break;
      output.push(emptyItems(index - expected));
      expected = index;
      if (output.length === limit) break;
    }
    output.push(formatProperty(ctx, arr, recurseTimes, key, KIND_ARRAY));
    expected++;
  }
  const remaining = arr.length - expected;
  if (output.length !== limit) {
    if (remaining > 0) output.push(emptyItems(remaining));
  } else if (remaining > 0) {
    output.push(moreItems(remaining));
  }
  return output;
}

/** Array elements, at most `maxArrayLength` of them. */
export function formatArrayEntries(ctx: Ctx, arr: unknown[], recurseTimes: number): string[] {
  const length = arr.length;
  const limit = visibleCount(ctx, length);
  const output: string[] = [];
  for (let i = 0; i < limit; i++) {
    if (!hasOwn(arr, i)) return formatSparseArray(ctx, arr, recurseTimes, limit, output, i);
    output.push(formatProperty(ctx, arr, recurseTimes, i, KIND_ARRAY));
  }
  if (length > limit) output.push(moreItems(length - limit));
  return output;
}

const TYPED_ARRAY_HIDDEN = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];

/** Typed array elements, plus Node's `[BYTES_PER_ELEMENT]`... extras under `showHidden`. */
export function formatTypedArrayEntries(ctx: Ctx, ta: ArrayLike<number | bigint>, length: number, recurseTimes: number): string[] {
  const limit = visibleCount(ctx, length);
  const output: string[] = [];
  for (let i = 0; i < limit; i++) {
    const item = ta[i];
    output.push(typeof item === 'bigint' ? formatBigInt(item) : formatNumber(Number(item)));
  }
  if (length > limit) output.push(moreItems(length - limit));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of TYPED_ARRAY_HIDDEN) {
      output.push(`[${key}]: ${ctx.formatValue(ctx, safeGet(ta, key), recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

/** Set members, at most `maxArrayLength` of them. */
export function formatSetEntries(ctx: Ctx, set: object, size: number, recurseTimes: number): string[] {
  const limit = visibleCount(ctx, size);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const item of setValues(set)) {
    if (output.length >= limit) break;
    output.push(ctx.formatValue(ctx, item, recurseTimes));
  }
  if (size > limit) output.push(moreItems(size - limit));
  ctx.indentationLvl -= 2;
  return output;
}

/** Map entries as `key => value`, at most `maxArrayLength` of them. */
export function formatMapEntries(ctx: Ctx, map: object, size: number, recurseTimes: number): string[] {
  const limit = visibleCount(ctx, size);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const [key, value] of mapEntries(map)) {
    if (output.length >= limit) break;
    output.push(`${ctx.formatValue(ctx, key, recurseTimes)} => ${ctx.formatValue(ctx, value, recurseTimes)}`);
  }
  if (size > limit) output.push(moreItems(size - limit));
  ctx.indentationLvl -= 2;
  return output;
}

/** `[Uint8Contents]: <01 02 ...>` for an ArrayBuffer or SharedArrayBuffer. */
export function formatArrayBufferEntries(ctx: Ctx, buffer: object): string[] {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(buffer as ArrayBuffer);
  } catch {
    return ['(detached)'];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  const hex: string[] = [];
  for (let i = 0; i < shown; i++) hex.push(HEX[bytes[i] ?? 0] ?? '00');
  let text = hex.join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`[Uint8Contents]: <${text}>`];
}

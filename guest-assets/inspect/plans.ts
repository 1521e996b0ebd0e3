/**
 * Per-type "plans" for the guest-side inspector (the type dispatch of Node's
 * `formatRaw`). A plan holds the braces, an optional leading `base` text
 * (function description, date, error stack...), the keys to print and a
 * producer of the non-key entries; `guest-assets/inspect/value.ts` renders it. A planner
 * returns a string instead when the value prints without a body (`[]`,
 * `[Function: f]`, `2024-01-01T00:00:00.000Z`, ...).
 */

import { KIND_ARRAY_EXTRAS, KIND_OBJECT, isTooDeep, type Ctx, type EntryKind } from './types.js';
import { formatNumber } from './primitive.js';
import { listKeys, listNonIndexKeys } from './properties.js';
import {
  formatArrayBufferEntries, formatArrayEntries, formatMapEntries, formatSetEntries, formatTypedArrayEntries,
} from './lists.js';
import { boxedBase, ctxStyle, functionBase, getPrefix } from './describe.js';
import { formatError } from './errors.js';
import {
  dateIso, dateString, dateTime, isArguments, isArrayBuffer, isDataView, isDate, isError, isMap, isPromise,
  isRegExp, isSet, isSharedArrayBuffer, isWeakMap, isWeakSet, mapSize, regExpSource, safeGet, safeHas, setSize,
  typedArrayLength, typedArrayName, unbox,
} from './reflect.js';

/** What is known about an object before choosing how to print it. */
export interface Subject {
  value: object;
  constructor: string | null;
  tag: string;
  recurseTimes: number;
  protoProps: string[] | undefined;
  /** Set when formatting the `[buffer]` of a typed array under showHidden. */
  typedArray: boolean;
  /** Built-in prototypes on the chain; undefined when every type must be checked. */
  kinds: ReadonlySet<string> | undefined;
}

/** How to print an object; planners return a string instead for final output. */
export interface Plan {
  braces: [string, string];
  base: string;
  keys: PropertyKey[];
  kind: EntryKind;
  entries: (ctx: Ctx, recurseTimes: number) => string[];
}

type Planner = (ctx: Ctx, s: Subject, keys: PropertyKey[]) => Plan | string | undefined;

const noEntries = (): string[] => [];

function plan(keys: PropertyKey[], opening: string, extra: Partial<Plan> = {}): Plan {
  return { braces: [opening, '}'], base: '', keys, kind: KIND_OBJECT, entries: noEntries, ...extra };
}

/** Whether `s.value` can be a built-in of the given type (cheap pre-check before a brand check). */
function might(s: Subject, type: string): boolean {
  return s.kinds === undefined || s.kinds.has(type);
}

function isEmpty(s: Subject, keys: PropertyKey[]): boolean {
  return keys.length === 0 && s.protoProps === undefined;
}

function planArray(ctx: Ctx, s: Subject): Plan | string {
  const arr = s.value as unknown[];
  const length = arr.length;
  const prefix = s.constructor !== 'Array' || s.tag !== ''
    ? getPrefix(s.constructor, s.tag, 'Array', `(${length})`) : '';
  const keys = listNonIndexKeys(arr, ctx.showHidden);
  if (length === 0 && isEmpty(s, keys)) return `${prefix}[]`;
  const entries = (c: Ctx, r: number): string[] => formatArrayEntries(c, arr, r);
  return { braces: [`${prefix}[`, ']'], base: '', keys, kind: KIND_ARRAY_EXTRAS, entries };
}

function planTypedArray(ctx: Ctx, s: Subject, name: string): Plan | string {
  const ta = s.value as Uint8Array;
  const keys = listNonIndexKeys(ta, ctx.showHidden);
  const size = typedArrayLength(ta);
  const prefix = getPrefix(s.constructor, s.tag, s.constructor === null ? name : '', `(${size})`);
  if (safeGet(ta, 'length') === 0 && keys.length === 0 && !ctx.showHidden) return `${prefix}[]`;
  const entries = (c: Ctx, r: number): string[] => formatTypedArrayEntries(c, ta, size, r);
  return { braces: [`${prefix}[`, ']'], base: '', keys, kind: KIND_ARRAY_EXTRAS, entries };
}

function planCollection(ctx: Ctx, s: Subject, type: 'Set' | 'Map'): Plan | string {
  const size = type === 'Set' ? setSize(s.value) : mapSize(s.value);
  const prefix = getPrefix(s.constructor, s.tag, type, `(${size})`);
  const keys = listKeys(s.value, ctx.showHidden);
  if (size === 0 && isEmpty(s, keys)) return `${prefix}{}`;
  const entries = type === 'Set'
    ? (c: Ctx, r: number): string[] => formatSetEntries(c, s.value, size, r)
    : (c: Ctx, r: number): string[] => formatMapEntries(c, s.value, size, r);
  return plan(keys, `${prefix}{`, { entries });
}

/** Arrays, Sets, Maps and typed arrays (only considered when iterable or prototype-less). */
function planIterable(ctx: Ctx, s: Subject): Plan | string | undefined {
  if (s.constructor !== null && !safeHas(s.value, Symbol.iterator)) return undefined;
  if (Array.isArray(s.value)) return planArray(ctx, s);
  if (might(s, 'Set') && isSet(s.value)) return planCollection(ctx, s, 'Set');
  if (might(s, 'Map') && isMap(s.value)) return planCollection(ctx, s, 'Map');
  const name = typedArrayName(s.value);
  return name === undefined ? undefined : planTypedArray(ctx, s, name);
}

const planFunction: Planner = (_ctx, s, keys) => {
  if (typeof s.value !== 'function') return undefined;
  const base = functionBase(s.value, s.constructor, s.tag);
  return isEmpty(s, keys) ? base : plan(keys, '{', { base });
};

const planPlainObject: Planner = (_ctx, s, keys) => {
  if (s.constructor !== 'Object') return undefined;
  let opening = '{';
  if (isArguments(s.value)) opening = '[Arguments] {';
  else if (s.tag !== '') opening = `${getPrefix(s.constructor, s.tag, 'Object')}{`;
  return isEmpty(s, keys) ? `${opening}}` : plan(keys, opening);
};

const planRegExp: Planner = (ctx, s, keys) => {
  if (!might(s, 'RegExp') || !isRegExp(s.value)) return undefined;
  let base = regExpSource(s.constructor !== null ? s.value : new RegExp(s.value as RegExp));
  const prefix = getPrefix(s.constructor, s.tag, 'RegExp');
  if (prefix !== 'RegExp ') base = `${prefix}${base}`;
  if (isEmpty(s, keys) || isTooDeep(ctx, s.recurseTimes)) return base;
  return plan(keys, '{', { base });
};

const planDate: Planner = (_ctx, s, keys) => {
  if (!might(s, 'Date') || !isDate(s.value)) return undefined;
  let base = Number.isNaN(dateTime(s.value)) ? dateString(s.value) : dateIso(s.value);
  const prefix = getPrefix(s.constructor, s.tag, 'Date');
  if (prefix !== 'Date ') base = `${prefix}${base}`;
  return isEmpty(s, keys) ? base : plan(keys, '{', { base });
};

const planError: Planner = (ctx, s, keys) => {
  if (!isError(s.value)) return undefined;
  const base = formatError(ctx, s.value, s.constructor, s.tag, keys);
  return isEmpty(s, keys) ? base : plan(keys, '{', { base });
};

const planArrayBuffer: Planner = (_ctx, s, keys) => {
  const type = might(s, 'ArrayBuffer') && isArrayBuffer(s.value) ? 'ArrayBuffer'
    : might(s, 'SharedArrayBuffer') && isSharedArrayBuffer(s.value) ? 'SharedArrayBuffer' : '';
  if (type === '') return undefined;
  const prefix = getPrefix(s.constructor, s.tag, type);
  if (s.typedArray && isEmpty(s, keys)) {
    return `${prefix}{ byteLength: ${formatNumber(Number(safeGet(s.value, 'byteLength')))} }`;
  }
  const entries = s.typedArray ? noEntries : (c: Ctx): string[] => formatArrayBufferEntries(c, s.value);
  return plan(['byteLength', ...keys], `${prefix}{`, { entries });
};

const planDataView: Planner = (_ctx, s, keys) => {
  if (!might(s, 'DataView') || !isDataView(s.value)) return undefined;
  return plan(['byteLength', 'byteOffset', 'buffer', ...keys], `${getPrefix(s.constructor, s.tag, 'DataView')}{`);
};

// A promise's state is only visible to V8 internals, so it is always <unknown>.
const planPromise: Planner = (_ctx, s, keys) => {
  if (!might(s, 'Promise') || !isPromise(s.value)) return undefined;
  return plan(keys, `${getPrefix(s.constructor, s.tag, 'Promise')}{`, { entries: () => ['<unknown>'] });
};

const planWeak: Planner = (_ctx, s, keys) => {
  const type = might(s, 'WeakSet') && isWeakSet(s.value) ? 'WeakSet'
    : might(s, 'WeakMap') && isWeakMap(s.value) ? 'WeakMap' : '';
  if (type === '') return undefined;
  return plan(keys, `${getPrefix(s.constructor, s.tag, type)}{`, { entries: () => ['<items unknown>'] });
};

const planBoxed: Planner = (ctx, s, keys) => {
  const boxed = unbox(s.value, (type) => might(s, type));
  if (boxed === undefined) return undefined;
  // Boxed strings list their characters as index keys; Node drops those.
  if (boxed.type === 'String') keys.splice(0, String(boxed.primitive).length);
  const base = boxedBase(ctx, boxed, s.constructor, s.tag);
  return isEmpty(s, keys) ? base : plan(keys, '{', { base });
};

const PLANNERS: Planner[] = [
  planFunction, planPlainObject, planRegExp, planDate, planError, planArrayBuffer,
  planDataView, planPromise, planWeak, planBoxed,
];

function planObject(ctx: Ctx, s: Subject): Plan | string {
  const keys = listKeys(s.value, ctx.showHidden);
  for (const planner of PLANNERS) {
    const result = planner(ctx, s, keys);
    if (result !== undefined) return result;
  }
  const opening = ctxStyle(s.value, s.constructor, s.tag);
  return isEmpty(s, keys) ? `${opening}{}` : plan(keys, `${opening}{`);
}

/**
 * Choose how to print `s.value`: arrays, Sets, Maps and typed arrays first
 * (like Node, only when iterable or prototype-less), then every other kind.
 */
export function planFor(ctx: Ctx, s: Subject): Plan | string {
  return planIterable(ctx, s) ?? planObject(ctx, s);
}

/**
 * The recursive core of the guest-side inspector (Node's `formatValue` and
 * `formatRaw`). Each kind of object is turned into a {@link Plan}: the braces,
 * an optional leading `base` text, the keys to print and a producer of the
 * non-key entries. The shared tail then handles depth, cycles, sorting and
 * layout.
 */

import {
  KIND_ARRAY_EXTRAS, KIND_OBJECT, isTooDeep, optionsOf, type Ctx, type EntryKind,
} from './inspect-types.js';
import { formatNumber, formatPrimitive } from './inspect-primitive.js';
import { formatProperty, listKeys, listNonIndexKeys } from './inspect-properties.js';
import {
  formatArrayBufferEntries, formatArrayEntries, formatMapEntries, formatSetEntries, formatTypedArrayEntries,
} from './inspect-lists.js';
import { boxedBase, ctxStyle, functionBase, getConstructorName, getPrefix } from './inspect-describe.js';
import { formatError } from './inspect-errors.js';
import { reduceToSingleString } from './inspect-layout.js';
import {
  dateIso, dateString, dateTime, describeThrown, hasOwn, isArguments, isEnumerable, isArrayBuffer, isDataView, isDate, isError,
  isMap, isPromise, isRegExp, isSet, isSharedArrayBuffer, isStackOverflow, isWeakMap, isWeakSet, mapSize,
  intrinsicKinds, regExpSource, safeGet, safeHas, setSize, typedArrayLength, typedArrayName, unbox,
} from './inspect-reflect.js';

/** `Symbol.for('nodejs.util.inspect.custom')`, the hook Node's inspect calls. */
export const customInspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** What is known about an object before choosing how to print it. */
interface Subject {
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
interface Plan {
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

function readTag(ctx: Ctx, value: object): string {
  const tag = safeGet(value, Symbol.toStringTag);
  if (typeof tag !== 'string' || tag === '') return '';
  const own = ctx.showHidden ? hasOwn(value, Symbol.toStringTag) : isEnumerable(value, Symbol.toStringTag);
  return own ? '' : tag;
}

function sortEntries(ctx: Ctx, output: string[], p: Plan): void {
  const comparator = ctx.sorted === true ? undefined : (ctx.sorted || undefined);
  if (p.kind === KIND_OBJECT) {
    output.sort(comparator);
  } else if (p.keys.length > 1) {
    const tail = output.splice(output.length - p.keys.length).sort(comparator);
    output.push(...tail);
  }
}

function overflowText(s: Subject): string {
  const name = ctxStyle(s.value, s.constructor, s.tag).slice(0, -1);
  return `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`;
}

function render(ctx: Ctx, s: Subject, p: Plan): string {
  const recurseTimes = s.recurseTimes + 1;
  const indentation = ctx.indentationLvl;
  ctx.seen.push(s.value);
  ctx.currentDepth = recurseTimes;
  let output: string[];
  try {
    output = p.entries(ctx, recurseTimes);
    for (const key of p.keys) output.push(formatProperty(ctx, s.value, recurseTimes, key, p.kind));
    if (s.protoProps !== undefined) output.push(...s.protoProps);
  } catch (err) {
    ctx.seen.pop();
    ctx.indentationLvl = indentation;
    if (isStackOverflow(err)) return overflowText(s);
    throw err;
  }
  let base = p.base;
  const ref = ctx.circular?.get(s.value);
  if (ref !== undefined) {
    if (ctx.compact !== true) base = base === '' ? `<ref *${ref}>` : `<ref *${ref}> ${base}`;
    else p.braces[0] = `<ref *${ref}> ${p.braces[0]}`;
  }
  ctx.seen.pop();
  if (ctx.sorted) sortEntries(ctx, output, p);
  return reduceToSingleString(ctx, output, base, p.braces, p.kind, recurseTimes, s.value);
}

function formatRaw(ctx: Ctx, value: object, recurseTimes: number, typedArray: boolean): string {
  const wantProto = ctx.showHidden && !isTooDeep(ctx, recurseTimes);
  const protoProps: string[] | undefined = wantProto ? [] : undefined;
  const constructor = getConstructorName(ctx, value, recurseTimes, protoProps);
  const s: Subject = {
    value, constructor, tag: readTag(ctx, value), recurseTimes, typedArray, kinds: intrinsicKinds(value),
    protoProps: protoProps !== undefined && protoProps.length > 0 ? protoProps : undefined,
  };
  const p = planIterable(ctx, s) ?? planObject(ctx, s);
  if (typeof p === 'string') return p;
  if (isTooDeep(ctx, recurseTimes)) {
    const name = ctxStyle(value, constructor, s.tag).slice(0, -1);
    return constructor === null ? name : `[${name}]`;
  }
  return render(ctx, s, p);
}

function isPrototypeObject(value: object): boolean {
  const ctor = Object.getOwnPropertyDescriptor(value, 'constructor')?.value as unknown;
  return (typeof ctor === 'function' || (typeof ctor === 'object' && ctor !== null)) &&
    safeGet(ctor, 'prototype') === value;
}

/** Call a `[nodejs.util.inspect.custom]` method; undefined when there is none. */
function formatCustom(ctx: Ctx, value: object, recurseTimes: number): string | undefined {
  const custom = safeGet(value, customInspectSymbol);
  if (typeof custom !== 'function' || custom === ctx.inspect || isPrototypeObject(value)) return undefined;
  const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
  const options = { ...optionsOf(ctx), ...ctx.userOptions, stylize: (text: unknown) => String(text) };
  const result: unknown = Reflect.apply(custom, value, [depth, options, ctx.inspect]);
  if (result === value) return undefined;
  if (typeof result !== 'string') return ctx.formatValue(ctx, result, recurseTimes);
  return result.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
}

function circularRef(ctx: Ctx, value: object): string {
  ctx.circular ??= new Map();
  let index = ctx.circular.get(value);
  if (index === undefined) {
    index = ctx.circular.size + 1;
    ctx.circular.set(value, index);
  }
  return `[Circular *${index}]`;
}

function failureText(err: unknown): string {
  const message = describeThrown(err);
  if (err instanceof TypeError && message.includes('revoked')) return '<Revoked Proxy>';
  return `<Inspection threw (${message})>`;
}

/**
 * Format any value at nesting level `recurseTimes`. Never throws: a value whose
 * inspection throws (hostile proxy, throwing custom inspector) is printed as
 * `<Inspection threw (message)>` and its siblings are still printed.
 */
export function formatValue(ctx: Ctx, value: unknown, recurseTimes: number, typedArray = false): string {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (value === null) return 'null';
  const seenDepth = ctx.seen.length;
  const indentation = ctx.indentationLvl;
  try {
    if (ctx.customInspect) {
      const custom = formatCustom(ctx, value, recurseTimes);
      if (custom !== undefined) return custom;
    }
    if (ctx.seen.includes(value)) return circularRef(ctx, value);
    return formatRaw(ctx, value, recurseTimes, typedArray);
  } catch (err) {
    ctx.seen.length = seenDepth;
    ctx.indentationLvl = indentation;
    return isStackOverflow(err) ? '[Inspection interrupted prematurely. Maximum call stack size exceeded.]' : failureText(err);
  }
}

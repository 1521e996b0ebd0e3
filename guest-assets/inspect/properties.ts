/**
 * Property enumeration and `key: value` rendering for the guest-side inspector.
 */

import { KIND_ARRAY, KIND_OBJECT, type Ctx, type EntryKind } from './types.js';
import { formatKey } from './primitive.js';
import { stringWidth } from './width.js';
import { describeThrown, hasOwn, isEnumerable, protoOf, safeGet } from './reflect.js';

const { getOwnPropertyDescriptor, getOwnPropertyNames, getOwnPropertySymbols, keys: objectKeys } = Object;
const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** Names of ECMAScript global constructors; Node treats these as built-ins. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'Object', 'Function', 'Array', 'Number', 'Infinity', 'NaN', 'Boolean', 'String', 'Symbol',
  'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
  'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
  'Reflect', 'FinalizationRegistry', 'WeakRef', 'SharedArrayBuffer', 'Atomics', 'WebAssembly',
]);

/** True for canonical array index strings (`'0'`, `'17'`, not `'01'`). */
export function isArrayIndex(key: string): boolean {
  if (key.length === 0 || (key.length > 1 && key.charCodeAt(0) === 0x30)) return false;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return Number(key) <= MAX_ARRAY_INDEX;
}

/**
 * Own keys in Node's order: string keys, then symbols. Without `showHidden`
 * only enumerable keys are listed.
 */
export function listKeys(value: object, showHidden: boolean): PropertyKey[] {
  const symbols = getOwnPropertySymbols(value);
  const names: PropertyKey[] = showHidden ? getOwnPropertyNames(value) : objectKeys(value);
  for (const symbol of symbols) {
    if (showHidden || isEnumerable(value, symbol)) names.push(symbol);
  }
  return names;
}

/** Like {@link listKeys} but without array indices (for arrays and typed arrays). */
export function listNonIndexKeys(value: object, showHidden: boolean): PropertyKey[] {
  const keys = listKeys(value, showHidden);
  // Own keys list array indices first, so the other keys are a suffix.
  let first = keys.length;
  while (first > 0) {
    const key = keys[first - 1];
    if (typeof key === 'string' && isArrayIndex(key)) break;
    first--;
  }
  return keys.slice(first);
}

function threw(err: unknown): string {
  return `<Inspection threw (${describeThrown(err)})>`;
}

function lookup(obj: object, key: PropertyKey): PropertyDescriptor {
  const own = getOwnPropertyDescriptor(obj, key);
  if (own !== undefined) return own;
  return { value: (obj as Record<PropertyKey, unknown>)[key], enumerable: true };
}

function formatDescriptorValue(ctx: Ctx, desc: PropertyDescriptor, recurseTimes: number, kind: EntryKind): [string, string] {
  if (desc.value !== undefined) {
    const diff = ctx.compact !== true || kind !== KIND_OBJECT ? 2 : 3;
    ctx.indentationLvl += diff;
    const str = ctx.formatValue(ctx, desc.value, recurseTimes);
    const extra = diff === 3 && ctx.breakLength < stringWidth(str) ? `\n${' '.repeat(ctx.indentationLvl)}` : ' ';
    ctx.indentationLvl -= diff;
    return [str, extra];
  }
  if (desc.get !== undefined) return [desc.set !== undefined ? '[Getter/Setter]' : '[Getter]', ' '];
  if (desc.set !== undefined) return ['[Setter]', ' '];
  return ['undefined', ' '];
}

/**
 * Render one entry of a container: the value alone for array elements,
 * `name: value` otherwise. Accessors print as `[Getter]`/`[Setter]` without
 * being called; a property whose lookup throws prints `<Inspection threw (...)>`.
 */
export function formatProperty(
  ctx: Ctx, obj: object, recurseTimes: number, key: PropertyKey, kind: EntryKind, given?: PropertyDescriptor,
): string {
  let desc: PropertyDescriptor = { enumerable: true };
  let str: string;
  let extra = ' ';
  const indentation = ctx.indentationLvl;
  try {
    desc = given ?? lookup(obj, key);
    [str, extra] = formatDescriptorValue(ctx, desc, recurseTimes, kind);
  } catch (err) {
    ctx.indentationLvl = indentation;
    str = threw(err);
  }
  if (kind === KIND_ARRAY) return str;
  return `${formatKey(key, desc.enumerable !== false)}:${extra}${str}`;
}

function isBuiltinPrototype(proto: object): boolean {
  const desc = getOwnPropertyDescriptor(proto, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    BUILTIN_NAMES.has(String(safeGet(desc.value as object, 'name')));
}

function formatLayer(ctx: Ctx, main: object, proto: object, recurseTimes: number, skip: Set<PropertyKey>, output: string[]): PropertyKey[] {
  const keys = Reflect.ownKeys(proto);
  ctx.seen.push(main);
  for (const key of keys) {
    if (key === 'constructor' || hasOwn(main, key) || skip.has(key)) continue;
    const desc = getOwnPropertyDescriptor(proto, key);
    if (desc === undefined || typeof desc.value === 'function') continue;
    output.push(formatProperty(ctx, proto, recurseTimes, key, KIND_OBJECT, desc));
  }
  ctx.seen.pop();
  return keys;
}

/**
 * `showHidden` only: list non-method properties (mostly accessors) that user
 * defined prototypes contribute, up to three layers deep, like Node.
 */
export function addPrototypeProperties(ctx: Ctx, main: object, start: object, recurseTimes: number, output: string[]): void {
  const skip = new Set<PropertyKey>();
  let proto: object | null = start;
  for (let layer = 0; layer < 3; layer++) {
    if (layer !== 0 || main === proto) {
      proto = protoOf(proto);
      if (proto === null || isBuiltinPrototype(proto)) return;
    }
    for (const key of formatLayer(ctx, main, proto, recurseTimes, skip, output)) skip.add(key);
  }
}

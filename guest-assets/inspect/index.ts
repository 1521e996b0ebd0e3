/**
 * Guest-side re-implementation of the parts of Node 20's `util.inspect`,
 * `util.format` and `util.formatWithOptions` that `console.log` relies on.
 * The guest runs in a bare V8 context (ECMAScript built-ins only), so
 * everything Node learns from V8 internals is rebuilt from brand checks
 * (see `guest-assets/inspect/reflect.ts`). Output is never colored. The code is split into
 * `inspect/*.ts` helpers: value (recursion, cycles, custom inspectors), plans
 * (per-type dispatch), describe (names and prefixes), properties, lists,
 * errors, layout (line breaking and array grouping), width (display width),
 * primitive (strings, numbers, keys), reflect (brand checks), types.
 *
 * Known differences from Node 20 (everything else is meant to match byte for
 * byte; `test/bridge/inspect.test.ts` compares against `node:util`):
 * - Promises print as `Promise { <unknown> }`: their state and value are only
 *   visible to V8 internals. Objects that merely inherit from
 *   `Promise.prototype` print the same way (Node prints `Promise {}`).
 * - Proxies are inspected through their traps (Node looks at the target
 *   without running traps); `showProxy` is ignored. A revoked proxy still
 *   prints as `<Revoked Proxy>`.
 * - Map/Set iterators (`map.keys()`, ...) cannot be previewed without
 *   consuming them; they print like plain objects (`Object [Map Iterator] {}`).
 *   WeakMap/WeakSet print `<items unknown>` even with `showHidden`.
 * - Module namespace objects get no special treatment.
 * - For objects without a usable `constructor`, V8's internal class name is
 *   approximated (a `Symbol.toStringTag` data property, else Object/Array/
 *   Function); e.g. `Object.setPrototypeOf(new Foo(), null)` prints
 *   `[Object: null prototype] {}` where Node prints `[Foo: null prototype] {}`.
 * - Built-in types are recognised by brand checks, which throw (slowly) on a
 *   mismatch, so they are skipped for objects whose prototype chain reaches
 *   `Object.prototype` without passing the type's prototype. A built-in
 *   re-parented onto an ordinary prototype (`Reflect.construct(Map, [], Foo)`,
 *   `Object.setPrototypeOf(new Date(), Foo.prototype)`) prints as a plain `Foo`.
 * - Async/generator functions are recognised by their prototype chain, so one
 *   whose prototype was replaced prints as a plain `[Function: f]`.
 * - The `getters`, `numericSeparator` and `colors` options are ignored.
 * - Never throws where Node would: a throwing custom inspector, hostile proxy,
 *   throwing accessor read or failing conversion prints
 *   `<Inspection threw (message)>` in place of that value, and `%j` of a value
 *   `JSON.stringify` rejects (other than circular ones) prints the same
 *   instead of throwing.
 * - Stack overflow on absurdly deep structures is reported like Node, but the
 *   exact depth where it happens naturally differs.
 */

import type { Ctx, InspectOptions } from './types.js';
import { customInspectSymbol, formatValue } from './value.js';
import { formatBigInt, formatNumber } from './primitive.js';
import { BUILTIN_NAMES } from './properties.js';
import { MAX_CHAIN, describeThrown, hasOwn, protoOf, safeGet } from './reflect.js';

export type { InspectOptions } from './types.js';
export { customInspectSymbol } from './value.js';

/** Option names Node's inspect recognises; anything else is passed through to custom inspectors. */
const KNOWN_OPTIONS = new Set([
  'showHidden', 'depth', 'colors', 'customInspect', 'showProxy', 'maxArrayLength', 'maxStringLength',
  'breakLength', 'compact', 'sorted', 'getters', 'numericSeparator', 'stylize',
]);

/**
 * Node 20's inspect defaults: the one object behind `util.inspect.defaultOptions` (sealed, as Node's:
 * only these keys may be set). Every inspect starts from it, so a program that changes it changes
 * console.log, util.format and the text of errors too, as in Node.
 */
export const inspectDefaults: InspectOptions = Object.seal({
  showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100,
  maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false,
});

function newContext(): Ctx {
  const ctx: Ctx = {
    depth: 2, showHidden: false, breakLength: 80, compact: 3, sorted: false,
    maxArrayLength: 100, maxStringLength: 10000, customInspect: true,
    indentationLvl: 0, currentDepth: 0, seen: [], circular: undefined, userOptions: undefined,
    formatValue, inspect,
  };
  for (const key of Object.keys(inspectDefaults)) applyOption(ctx, key, inspectDefaults[key]);
  return ctx;
}

function applyOption(ctx: Ctx, key: string, value: unknown): void {
  switch (key) {
    case 'depth': ctx.depth = value === null ? null : typeof value === 'number' ? value : Infinity; break;
    case 'showHidden': ctx.showHidden = Boolean(value); break;
    case 'breakLength': ctx.breakLength = Number(value); break;
    case 'compact': ctx.compact = typeof value === 'number' ? value : Boolean(value); break;
    case 'sorted': ctx.sorted = typeof value === 'function' ? (value as Ctx['sorted']) : Boolean(value); break;
    case 'maxArrayLength': ctx.maxArrayLength = value === null ? Infinity : Number(value); break;
    case 'maxStringLength': ctx.maxStringLength = value === null ? Infinity : Number(value); break;
    case 'customInspect': ctx.customInspect = Boolean(value); break;
    default: break;
  }
}

function contextFor(options: InspectOptions | undefined): Ctx {
  const ctx = newContext();
  if (typeof options !== 'object' || options === null) return ctx;
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key)) applyOption(ctx, key, safeGet(options, key));
    else ctx.userOptions = options;
  }
  return ctx;
}

/**
 * Node 20's `util.inspect`: a string representation of any value, e.g.
 * `{ a: 1, b: [ 'x' ] }`, `Map(1) { 'a' => 1 }`, `[Function: f]`.
 * Never throws, even for hostile proxies or throwing getters.
 *
 * @param value - Anything.
 * @param options - Node's inspect options (`depth` 2, `breakLength` 80 and
 *   `compact` 3 by default); colors are never used.
 * @returns The same text Node would print (see the module comment for the
 *   few known differences).
 */
export function inspect(value: unknown, options?: InspectOptions): string {
  try {
    return formatValue(contextFor(options), value, 0);
  } catch (err) {
    return `<Inspection threw (${describeThrown(err)})>`;
  }
}

/** Node exposes the custom inspection symbol as `inspect.custom`. */
inspect.custom = customInspectSymbol;

function ownsConversion(value: object, key: PropertyKey, enabled: boolean): boolean {
  return enabled && hasOwn(value, key);
}

/** Node's check whether `%s` may inspect an object instead of calling `String()` on it. */
function hasBuiltInToString(value: object): boolean {
  const hasToString = typeof safeGet(value, 'toString') === 'function';
  const hasToPrimitive = typeof safeGet(value, Symbol.toPrimitive) === 'function';
  if (!hasToString && !hasToPrimitive) return true;
  if (ownsConversion(value, 'toString', hasToString) || ownsConversion(value, Symbol.toPrimitive, hasToPrimitive)) {
    return false;
  }
  let holder: object | null = value;
  for (let i = 0; i < MAX_CHAIN; i++) {
    holder = protoOf(holder);
    if (holder === null) return true;
    if (ownsConversion(holder, 'toString', hasToString) || ownsConversion(holder, Symbol.toPrimitive, hasToPrimitive)) break;
  }
  const ctor = holder === null ? undefined : Object.getOwnPropertyDescriptor(holder, 'constructor')?.value as unknown;
  return typeof ctor === 'function' && BUILTIN_NAMES.has(String(safeGet(ctor, 'name')));
}

let circularMessage: string | undefined;

function firstLine(err: unknown): string {
  return describeThrown(err).split('\n', 1)[0] ?? '';
}

function isCircularJsonError(err: unknown): boolean {
  if (circularMessage === undefined) {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    try {
      JSON.stringify(loop);
    } catch (circular) {
      circularMessage = firstLine(circular);
    }
  }
  return err instanceof TypeError && firstLine(err) === circularMessage;
}

function stringify(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch (err) {
    return isCircularJsonError(err) ? '[Circular]' : `<Inspection threw (${describeThrown(err)})>`;
  }
}

function toNumberText(value: unknown, convert: (v: unknown) => number): string {
  if (typeof value === 'bigint') return formatBigInt(value);
  if (typeof value === 'symbol') return 'NaN';
  return formatNumber(convert(value));
}

function toStringText(value: unknown, options: InspectOptions): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return formatBigInt(value);
  if (typeof value !== 'object' || value === null || !hasBuiltInToString(value)) return String(value);
  return inspect(value, { ...options, compact: 3, colors: false, depth: 0 });
}

/** Text for one `%x` placeholder, or undefined when `x` is not a placeholder letter. */
function placeholder(code: string, arg: unknown, options: InspectOptions): string | undefined {
  switch (code) {
    case 's': return toStringText(arg, options);
    case 'j': return stringify(arg);
    case 'd': return toNumberText(arg, Number);
    case 'i': return toNumberText(arg, (v) => Number.parseInt(v as string));
    case 'f': return typeof arg === 'symbol' ? 'NaN' : formatNumber(Number.parseFloat(arg as string));
    case 'O': return inspect(arg, options);
    case 'o': return inspect(arg, { ...options, showHidden: true, showProxy: true, depth: 4 });
    case 'c': return '';
    default: return undefined;
  }
}

function safePlaceholder(code: string, arg: unknown, options: InspectOptions): string | undefined {
  try {
    return placeholder(code, arg, options);
  } catch (err) {
    return `<Inspection threw (${describeThrown(err)})>`;
  }
}

/** Expand the placeholders of `template`; returns the text and how many args were used. */
function expandTemplate(template: string, args: unknown[], options: InspectOptions): [string, number] {
  let out = '';
  let used = 0;
  let copiedUpTo = 0;
  for (let i = 0; i < template.length - 1; i++) {
    if (template[i] !== '%') continue;
    const code = template[++i] ?? '';
    if (code === '%') {
      out += template.slice(copiedUpTo, i);
      copiedUpTo = i + 1;
      continue;
    }
    if (used + 1 >= args.length) continue;
    const text = safePlaceholder(code, args[used + 1], options);
    if (text === undefined) continue;
    used++;
    out += template.slice(copiedUpTo, i - 1) + text;
    copiedUpTo = i + 1;
  }
  if (copiedUpTo === 0) return ['', 0];
  return [out + template.slice(copiedUpTo), used + 1];
}

/**
 * Node 20's `util.formatWithOptions`: like {@link format}, inspecting
 * non-string arguments with the given options.
 *
 * @param options - Inspect options for `%O`, `%o`, `%s` and appended values.
 * @param args - A format string followed by its arguments, or any values.
 * @returns The formatted text (what `console.log` prints, minus the newline).
 */
export function formatWithOptions(options: InspectOptions, ...args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string' && args.length === 1) return first;
  let out = '';
  let next = 0;
  let separator = '';
  if (typeof first === 'string') {
    const [text, used] = expandTemplate(first, args, options);
    if (used > 0) {
      out = text;
      next = used;
      separator = ' ';
    }
  }
  for (; next < args.length; next++) {
    const arg = args[next];
    out += separator + (typeof arg === 'string' ? arg : inspect(arg, options));
    separator = ' ';
  }
  return out;
}

/**
 * Node 20's `util.format`: `printf`-like formatting with `%s %d %i %f %j %o %O
 * %c %%`; remaining arguments are appended separated by spaces, strings raw
 * and everything else through {@link inspect}.
 *
 * @param args - A format string followed by its arguments, or any values.
 * @returns The formatted text.
 */
export function format(...args: unknown[]): string {
  return formatWithOptions({}, ...args);
}

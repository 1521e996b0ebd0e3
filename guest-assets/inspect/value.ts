/**
 * The recursive core of the guest-side inspector (Node's `formatValue` and
 * `formatRaw`): custom inspectors, cycle detection, the depth limit, and
 * rendering a {@link Plan} (from `guest-assets/inspect/plans.ts`) with sorting and layout.
 */

import { KIND_OBJECT, isTooDeep, optionsOf, type Ctx } from './types.js';
import { formatPrimitive } from './primitive.js';
import { formatProperty } from './properties.js';
import { ctxStyle, getConstructorName } from './describe.js';
import { reduceToSingleString } from './layout.js';
import { planFor, type Plan, type Subject } from './plans.js';
import {
  describeThrown, hasOwn, intrinsicKinds, isEnumerable, isStackOverflow, safeGet,
} from './reflect.js';

/** `Symbol.for('nodejs.util.inspect.custom')`, the hook Node's inspect calls. */
export const customInspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom');

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
  const p = planFor(ctx, s);
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

/**
 * Naming helpers for the guest-side inspector: constructor names, the
 * `Foo [tag] ` / `[Object: null prototype] ` prefixes, and the one-line
 * descriptions of functions, classes and boxed primitives.
 */

import { isTooDeep, optionsOf, type Ctx } from './types.js';
import { formatPrimitive } from './primitive.js';
import { BUILTIN_NAMES, addPrototypeProperties } from './properties.js';
import {
  MAX_CHAIN, functionSource, functionType, hasOwn, protoOf, safeGet, safeInstanceOf, type Boxed,
} from './reflect.js';

const { getOwnPropertyDescriptor } = Object;

/**
 * Node's `getPrefix`: `Foo(3) [tag] `, or `[Fallback(3): null prototype] [tag] `
 * when the value has no constructor. Always ends with a space.
 */
export function getPrefix(constructor: string | null, tag: string, fallback: string, size = ''): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function dataTag(value: object): string | undefined {
  let current: object | null = value;
  for (let i = 0; current !== null && i < MAX_CHAIN; i++) {
    const desc = getOwnPropertyDescriptor(current, Symbol.toStringTag);
    if (desc !== undefined) return 'value' in desc && typeof desc.value === 'string' ? desc.value : undefined;
    current = protoOf(current);
  }
  return undefined;
}

/**
 * Approximation of V8's internal constructor name (used for objects without
 * a usable `constructor`): a `Symbol.toStringTag` data property, else the
 * built-in kind. V8 also knows the function that originally created the
 * object, which plain JavaScript cannot recover.
 */
export function internalName(value: object): string {
  try {
    const tag = dataTag(value);
    if (tag !== undefined) return tag;
  } catch {
    // fall through to the structural guess
  }
  if (typeof value === 'function') return 'Function';
  return Array.isArray(value) ? 'Array' : 'Object';
}

/** Whether a value is a module namespace object (a brand only V8 knows; set at install from a capability). */
let isNamespace: (value: object) => boolean = () => false;

/** Installs the namespace check (`[Module: null prototype] {` as Node prints namespaces). */
export function setNamespaceCheck(check: (value: object) => boolean): void {
  isNamespace = check;
}

/** Prefix for generic objects; null-prototype objects use their internal name. */
export function ctxStyle(value: object, constructor: string | null, tag: string): string {
  if (isNamespace(value)) return getPrefix(constructor, tag, 'Module');
  let fallback = '';
  if (constructor === null) {
    fallback = internalName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

function namedConstructor(holder: object): ((...args: never[]) => unknown) | undefined {
  let desc: PropertyDescriptor | undefined;
  try {
    desc = getOwnPropertyDescriptor(holder, 'constructor');
  } catch {
    return undefined; // hostile proxy on the chain: keep looking further up
  }
  if (desc === undefined || typeof desc.value !== 'function') return undefined;
  const ctor = desc.value as (...args: never[]) => unknown;
  return safeGet(ctor, 'name') !== '' ? ctor : undefined;
}

function describeUnnamedChain(ctx: Ctx, value: object, firstProto: object, recurseTimes: number, protoProps?: string[]): string {
  const res = internalName(value);
  if (isTooDeep(ctx, recurseTimes)) return `${res} <Complex prototype>`;
  const protoName = getConstructorName(ctx, firstProto, recurseTimes + 1, protoProps);
  if (protoName !== null) return `${res} <${protoName}>`;
  const options = { ...optionsOf(ctx), customInspect: false, depth: -1 };
  return `${res} <${ctx.inspect(firstProto, options)}>`;
}

/**
 * Node's `getConstructorName`: the name of the first `constructor` on the
 * prototype chain that `value` is an instance of; `null` for null-prototype
 * objects; `Foo <Bar>`-style descriptions for unusual chains. With
 * `protoProps` (showHidden) it also collects user prototype properties.
 */
export function getConstructorName(ctx: Ctx, value: object, recurseTimes: number, protoProps?: string[]): string | null {
  let current: object | null = value;
  let firstProto: object | null | undefined;
  for (let i = 0; current !== null && i < MAX_CHAIN; i++) {
    const ctor = namedConstructor(current);
    if (ctor !== undefined && safeInstanceOf(value, ctor)) {
      const name = String(safeGet(ctor, 'name'));
      if (protoProps !== undefined && (firstProto !== current || !BUILTIN_NAMES.has(name))) {
        addPrototypeProperties(ctx, value, firstProto ?? value, recurseTimes, protoProps);
      }
      return name;
    }
    current = protoOf(current);
    if (firstProto === undefined) firstProto = current;
  }
  if (firstProto === null || firstProto === undefined) return null;
  return describeUnnamedChain(ctx, value, firstProto, recurseTimes, protoProps);
}

const CLASS_HEAD = /^(\s+[^(]*?)\s*{/;
const COMMENTS = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

function looksLikeClass(source: string): boolean {
  if (!source.startsWith('class') || !source.endsWith('}')) return false;
  const body = source.slice(5, -1);
  const brace = body.indexOf('{');
  if (brace === -1) return false;
  return !body.slice(0, brace).includes('(') || CLASS_HEAD.test(body.replace(COMMENTS, ''));
}

function classBase(fn: object, constructor: string | null, tag: string): string {
  const ownName = hasOwn(fn, 'name') ? safeGet(fn, 'name') : undefined;
  let base = `class ${ownName ? String(ownName) : '(anonymous)'}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor === null) return `[${base} extends [null prototype]]`;
  const parent = protoOf(fn);
  const superName = parent === null ? undefined : safeGet(parent, 'name');
  if (superName) base += ` extends ${String(superName)}`;
  return `[${base}]`;
}

/**
 * One-line description of a function: `[Function: f]`, `[AsyncFunction (anonymous)]`,
 * `[class A extends B]`, with constructor and tag annotations like Node.
 */
export function functionBase(fn: object, constructor: string | null, tag: string): string {
  if (looksLikeClass(functionSource(fn))) return classBase(fn, constructor, tag);
  const type = functionType(fn);
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  const name = safeGet(fn, 'name');
  base += name === '' ? ' (anonymous)' : `: ${String(name)}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

/** `[Number: 3]`, `[String (MyString): 'x']`, `[Symbol: Symbol(a)] [tag]`. */
export function boxedBase(ctx: Ctx, boxed: Boxed, constructor: string | null, tag: string): string {
  let base = `[${boxed.type}`;
  if (boxed.type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(ctx, boxed.primitive)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  return base;
}

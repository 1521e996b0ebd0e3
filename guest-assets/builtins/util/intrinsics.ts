/**
 * Built-in functions util and assert call on guest values, captured when the bundle loads (before
 * any guest code), so a guest that replaces `RegExp.prototype.exec` or `Object.keys` does not change
 * how its values are compared, as Node's primordials keep its own comparisons intact.
 */
const { apply } = Reflect;

function uncurry<R>(fn: Function): (self: unknown, ...args: unknown[]) => R {
  return (self, ...args) => apply(fn, self, args) as R;
}

export const { is, keys, getPrototypeOf, getOwnPropertySymbols, getOwnPropertyDescriptors, defineProperty } = Object;
export const { ownKeys } = Reflect;
export const { isArray } = Array;
export const hasOwn = uncurry<boolean>(Object.prototype.hasOwnProperty) as (value: object, key: PropertyKey) => boolean;
export const isEnumerable = uncurry<boolean>(Object.prototype.propertyIsEnumerable) as (value: object, key: PropertyKey) => boolean;
export const isPrototypeOf = uncurry<boolean>(Object.prototype.isPrototypeOf) as (proto: unknown, value: unknown) => boolean;
export const objectToString = uncurry<string>(Object.prototype.toString) as (value: unknown) => string;
export const regexpExec = uncurry<RegExpExecArray | null>(RegExp.prototype.exec) as (re: unknown, text: string) => RegExpExecArray | null;
export const dateGetTime = uncurry<number>(Date.prototype.getTime) as (date: unknown) => number;
export const numberValue = uncurry<number>(Number.prototype.valueOf);
export const stringValue = uncurry<string>(String.prototype.valueOf);
export const booleanValue = uncurry<boolean>(Boolean.prototype.valueOf);
export const bigintValue = uncurry<bigint>(BigInt.prototype.valueOf);
export const symbolValue = uncurry<symbol>(Symbol.prototype.valueOf);
export const typedArrayTag = uncurry<string | undefined>(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!.get!);

/**
 * The guest's URLSearchParams, as Node 20's: a flat name/value list, the same brand checks
 * (ERR_INVALID_THIS), argument checks (ERR_MISSING_ARGS), constructor forms (string, record,
 * sequence of pairs, another URLSearchParams) and inspection. A URL's own instance tells its URL of
 * every change (URL reads it back lazily, as Node's does).
 */
import { inspect } from '../../inspect/index.js';
import { invalidArgType } from '../../node-errors.js';
import { invalidThis, invalidTuple, missingArgs, notIterable } from './errors.js';
import { parseParams, serializeParams } from './params-codec.js';
import { ParamsIterator as URLSearchParamsIterator, type IteratorKind } from './params-iterator.js';
import { paramsFriend } from './params-friend.js';
import { initFromObject } from './params-init.js';

const toWellFormed = (value: unknown): string => `${value as string}`.toWellFormed();
const removeColors = (text: string): string => text.replace(/\u001b\[\d\d?m/g, '');

// Declared inside a function so the bundle keeps the class's own name (V8 uses it in its errors).
function createURLSearchParamsClass() {
  class URLSearchParams {
    #list: string[] = [];
    #url: object | undefined;

    static {
      paramsFriend.list = (p) => (p as URLSearchParams).#list;
      paramsFriend.attach = (p, url) => void ((p as URLSearchParams).#url = url);
      paramsFriend.reset = (p, query) => void ((p as URLSearchParams).#list = query === undefined ? [] : parseParams(query, paramsFriend.unescape));
    }

    constructor(init: unknown = undefined) {
      if (init === null || init === undefined) return;
      if (typeof init === 'object' || typeof init === 'function') {
        const method = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
        if (method === this[Symbol.iterator] && #list in (init as object)) this.#list = (init as URLSearchParams).#list.slice();
        else if (method !== null && method !== undefined) {
          if (typeof method !== 'function') throw notIterable();
          this.#list = fromPairs(init as Iterable<unknown>);
        } else this.#list = initFromObject(init as object, toWellFormed);
        return;
      }
      const text = toWellFormed(init);
      this.#list = text ? parseParams(text, paramsFriend.unescape) : [];
    }

    static #check(value: unknown): asserts value is URLSearchParams {
      if (typeof value !== 'object' || value === null || !(#list in value)) throw invalidThis('URLSearchParams');
    }

    #changed(): void {
      if (this.#url) paramsFriend.modified(this.#url);
    }

    get size(): number {
      URLSearchParams.#check(this);
      return this.#list.length / 2;
    }

    append(name: unknown, value: unknown): void {
      URLSearchParams.#check(this);
      if (arguments.length < 2) throw missingArgs('name', 'value');
      this.#list.push(toWellFormed(name), toWellFormed(value));
      this.#changed();
    }

    delete(name: unknown, value: unknown = undefined): void {
      URLSearchParams.#check(this);
      if (arguments.length < 1) throw missingArgs('name');
      const key = toWellFormed(name);
      const wanted = value === undefined ? undefined : toWellFormed(value);
      const list = this.#list;
      for (let i = 0; i < list.length; ) {
        if (list[i] === key && (wanted === undefined || list[i + 1] === wanted)) list.splice(i, 2);
        else i += 2;
      }
      this.#changed();
    }

    get(name: unknown): string | null {
      URLSearchParams.#check(this);
      if (arguments.length < 1) throw missingArgs('name');
      const key = toWellFormed(name);
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) if (list[i] === key) return list[i + 1]!;
      return null;
    }

    getAll(name: unknown): string[] {
      URLSearchParams.#check(this);
      if (arguments.length < 1) throw missingArgs('name');
      const key = toWellFormed(name);
      const list = this.#list;
      const values: string[] = [];
      for (let i = 0; i < list.length; i += 2) if (list[i] === key) values.push(list[i + 1]!);
      return values;
    }

    has(name: unknown, value: unknown = undefined): boolean {
      URLSearchParams.#check(this);
      if (arguments.length < 1) throw missingArgs('name');
      const key = toWellFormed(name);
      const wanted = value === undefined ? undefined : toWellFormed(value);
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) if (list[i] === key && (wanted === undefined || list[i + 1] === wanted)) return true;
      return false;
    }

    set(name: unknown, value: unknown): void {
      URLSearchParams.#check(this);
      if (arguments.length < 2) throw missingArgs('name', 'value');
      const key = toWellFormed(name);
      const text = toWellFormed(value);
      const list = this.#list;
      let found = false;
      for (let i = 0; i < list.length; ) {
        if (list[i] !== key) i += 2;
        else if (found) list.splice(i, 2);
        else {
          list[i + 1] = text;
          found = true;
          i += 2;
        }
      }
      if (!found) list.push(key, text);
      this.#changed();
    }

    sort(): void {
      URLSearchParams.#check(this);
      const list = this.#list;
      // A stable sort by name in code units, as the standard asks (Array.prototype.sort is stable).
      const pairs: [string, string][] = [];
      for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      pairs.forEach(([k, v], i) => {
        list[2 * i] = k;
        list[2 * i + 1] = v;
      });
      this.#changed();
    }

    entries(): URLSearchParamsIterator {
      URLSearchParams.#check(this);
      return new URLSearchParamsIterator(this, 'key+value');
    }

    forEach(callback: unknown, thisArg: unknown = undefined): void {
      URLSearchParams.#check(this);
      if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
      // The list is read again after each call: the callback may change the URL's search.
      for (let i = 0; i < this.#list.length; i += 2) (callback as Function).call(thisArg, this.#list[i + 1], this.#list[i], this);
    }

    keys(): URLSearchParamsIterator {
      URLSearchParams.#check(this);
      return new URLSearchParamsIterator(this, 'key');
    }

    values(): URLSearchParamsIterator {
      URLSearchParams.#check(this);
      return new URLSearchParamsIterator(this, 'value');
    }

    toString(): string {
      URLSearchParams.#check(this);
      return serializeParams(this.#list);
    }

    [Symbol.for('nodejs.util.inspect.custom')](recurseTimes: unknown, ctx: { stylize(t: string, s: string): string; breakLength: number }): string {
      URLSearchParams.#check(this);
      if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
      const options = { ...ctx } as Record<string, unknown>;
      if (recurseTimes !== null) options.depth = (recurseTimes as number) - 1;
      const list = this.#list;
      const output: string[] = [];
      for (let i = 0; i < list.length; i += 2) output.push(`${inspect(list[i], options)} => ${inspect(list[i + 1], options)}`);
      const width = output.reduce((sum, s) => sum + removeColors(s).length + 2, -2);
      const name = (this.constructor as { name: string }).name;
      if (width > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
      return output.length ? `${name} { ${output.join(', ')} }` : `${name} {}`;
    }

    declare [Symbol.iterator]: () => URLSearchParamsIterator;
  }
  const enumerable = { enumerable: true };
  Object.defineProperties(URLSearchParams.prototype, {
    append: enumerable,
    delete: enumerable,
    get: enumerable,
    getAll: enumerable,
    has: enumerable,
    set: enumerable,
    size: enumerable,
    sort: enumerable,
    entries: enumerable,
    forEach: enumerable,
    keys: enumerable,
    values: enumerable,
    toString: enumerable,
    [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
    [Symbol.iterator]: { configurable: true, writable: true, value: URLSearchParams.prototype.entries },
  });
  return URLSearchParams;
}

/** The guest's URLSearchParams class (also the global). */
export const SearchParams = createURLSearchParamsClass();
export type SearchParams = InstanceType<typeof SearchParams>;

/** A sequence of [name, value] pairs, each checked as Node does while it iterates. */
function fromPairs(init: Iterable<unknown>): string[] {
  const list: string[] = [];
  for (const pair of init) {
    if (pair === null || pair === undefined) throw invalidTuple();
    if (Array.isArray(pair)) {
      if (pair.length !== 2) throw invalidTuple();
      list.push(toWellFormed(pair[0]), toWellFormed(pair[1]));
      continue;
    }
    if ((typeof pair !== 'object' && typeof pair !== 'function') || typeof (pair as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') throw invalidTuple();
    let length = 0;
    for (const element of pair as Iterable<unknown>) {
      length++;
      list.push(toWellFormed(element));
    }
    if (length !== 2) throw invalidTuple();
  }
  return list;
}



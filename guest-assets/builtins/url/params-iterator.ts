/**
 * The iterator of URLSearchParams entries(), keys() and values(): Node's `URLSearchParams Iterator`,
 * live over the list (it reads the list at each step), with Node's inspection.
 */
import { inspect } from '../../inspect/index.js';
import { invalidThis } from './errors.js';
import { paramsFriend } from './params-friend.js';
import type { SearchParams as URLSearchParams } from './search-params.js';

export type IteratorKind = 'key' | 'value' | 'key+value';

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;

// Declared inside a function so the bundle keeps the class's own name (V8 uses it in its errors).
function createURLSearchParamsIteratorClass() {
  class URLSearchParamsIterator {
    #target: URLSearchParams;
    #kind: IteratorKind;
    #index = 0;

    constructor(target: URLSearchParams, kind: IteratorKind) {
      this.#target = target;
      this.#kind = kind;
    }

    static #check(value: unknown): asserts value is URLSearchParamsIterator {
      if (typeof value !== 'object' || value === null || !(#target in value)) throw invalidThis('URLSearchParamsIterator');
    }

    next(): { value: unknown; done: boolean } {
      URLSearchParamsIterator.#check(this);
      const list = paramsFriend.list(this.#target);
      const index = this.#index;
      if (index >= list.length) return { value: undefined, done: true };
      this.#index = index + 2;
      const name = list[index];
      const value = list[index + 1];
      return { value: this.#kind === 'key' ? name : this.#kind === 'value' ? value : [name, value], done: false };
    }

    [Symbol.for('nodejs.util.inspect.custom')](recurseTimes: unknown, ctx: { stylize(t: string, s: string): string }): string {
      URLSearchParamsIterator.#check(this);
      if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
      const options = { ...ctx } as Record<string, unknown>;
      if (recurseTimes !== null) options.depth = (recurseTimes as number) - 1;
      const rest = paramsFriend.list(this.#target).slice(this.#index);
      const output: unknown[] = [];
      for (let i = 0; i < rest.length; i += 2) {
        if (this.#kind === 'key') output.push(rest[i]);
        else if (this.#kind === 'value') output.push(rest[i + 1]);
        else output.push([rest[i], rest[i + 1]]);
      }
      const parts = output.map((p) => inspect(p, options));
      const body = inspect(output, options).includes('\n') ? `\n  ${parts.join(',\n  ')}` : ` ${parts.join(', ')}`;
      return `${(this as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag]} {${body} }`;
    }
  }
  // As Node's (and WebIDL's) iterator prototype: no constructor, %IteratorPrototype% above it.
  delete (URLSearchParamsIterator.prototype as { constructor?: unknown }).constructor;
  Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
  Object.defineProperties(URLSearchParamsIterator.prototype, {
    [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams Iterator' },
    next: { enumerable: true },
  });
  return URLSearchParamsIterator;
}

export const ParamsIterator = createURLSearchParamsIteratorClass();
export type ParamsIterator = InstanceType<typeof ParamsIterator>;


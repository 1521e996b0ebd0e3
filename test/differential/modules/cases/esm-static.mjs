// An .mjs entry with static imports and exports: named, default, renamed, namespace, re-exports,
// export * (which skips default), export * as ns, live bindings, and CommonJS helpers imported by default.
import greet, { a, alias, count, increment } from './lib/esm/named.mjs';
import * as named from './lib/esm/named.mjs';
import * as re from './lib/esm/reexport.mjs';
import { renamed, greet as greet2, m1, nsMore } from './lib/esm/reexport.mjs';
import { default as greet3 } from './lib/esm/named.mjs';
import show from './show.cjs';

show.show('named and renamed', () => [a, alias]);
show.show('default', () => greet('you'));
show.show('default by name', () => greet3 === greet && greet2 === greet);
show.show('namespace keys', () => Object.keys(named));
show.show('namespace tag and prototype', () => [Object.prototype.toString.call(named), Object.getPrototypeOf(named)]);
show.show('namespace is frozen-like', () => [Object.isExtensible(named), Reflect.set(named, 'a', 1), Reflect.deleteProperty(named, 'a')]);
show.show('live binding before', () => [count, named.count]);
increment();
show.show('live binding after increment', () => [count, named.count]);
show.show('re-export renamed', () => renamed);
show.show('re-export namespace keys (export * skips default)', () => Object.keys(re));
show.show('export * as ns', () => [m1, nsMore.m2, nsMore.default]);
show.show('assigning to an import', () => { try { eval('a = 2'); } catch (e) { return e.constructor.name; } });
show.show('this at the top level', () => this);
show.show('typeof require, module, exports, __filename', () => [typeof require, typeof module, typeof exports, typeof __filename]);
export const exported = 'unused';

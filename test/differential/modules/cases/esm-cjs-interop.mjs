// CommonJS from ES modules: default is module.exports; named exports as Node's lexer detects them
// (exports.x =, exports["y"] =, module.exports.z =, Object.defineProperty with enumerable+get or
// value, module.exports = { a, b } (shorthand only), re-exports by module.exports = require(...)), what it misses
// (computed names), __esModule modules (default is still module.exports), functions and primitives.
import assign, * as assignNs from './lib/interop/assign.cjs';
import { x, y, z } from './lib/interop/assign.cjs';
import * as defineNs from './lib/interop/define.cjs';
import literal, { a, b } from './lib/interop/literal.cjs';
import * as literalNs from './lib/interop/literal.cjs';
import esm, * as esmNs from './lib/interop/esmodule.cjs';
import * as reNs from './lib/interop/reexport.cjs';
import fn, { extra } from './lib/interop/function.cjs';
import prim, * as primNs from './lib/interop/primitive.cjs';
import { fmt } from './show.cjs';

const show = (label, f) => { try { console.log(label, '=>', fmt(f())); } catch (e) { console.log(label, '=> THROW', e.constructor.name, e.message); } };
show('assign: named', () => [x, y, z]);
show('assign: namespace keys (computed name missing)', () => Object.keys(assignNs));
show('assign: default is module.exports', () => assign);
show('assign: default in the namespace', () => assignNs.default === assign);
show('defineProperty: namespace', () => defineNs);
show('literal: named (shorthand only)', () => [a, b]);
show('literal: a key with a non-identifier value is not detected', () => 'c' in literalNs);
show('literal: namespace keys', () => Object.keys(literalNs));
show('literal: default', () => literal);
show('__esModule: default is module.exports', () => esm);
show('__esModule: namespace keys', () => Object.keys(esmNs));
show('__esModule: namespace default', () => esmNs.default === esm);
show('re-export: namespace keys', () => Object.keys(reNs));
show('re-export: values', () => [reNs.a, reNs.b, reNs.default === literal]);
show('function: default', () => [typeof fn, fn(), extra]);
show('primitive: default and keys', () => [prim, Object.keys(primNs)]);
show('named bindings are a snapshot of module.exports', () => { assign.x = 99; return [x, assignNs.x, assign.x]; });

/**
 * The application files of the modules fixture (`app/` minus `node_modules`): its package.json with
 * "exports" (self-reference) and "imports", the CommonJS files the cases require, the ES modules and
 * the CommonJS files that ES modules import, and `app/esm/`, a "type": "module" directory.
 */
import type { Files } from './fixture.js';

const named = (name: string) => `exports.name = ${JSON.stringify(name)}; exports.file = __filename;\n`;

/** app/package.json: a name (for self-reference), "exports" and "imports". */
const pkg: Files = {
  'app/package.json': {
    name: 'app',
    version: '1.0.0',
    exports: { '.': './lib/self-main.js', './util': './lib/self-util.js', './esm': { import: './lib/esm/named.mjs', require: './lib/a.js' } },
    imports: {
      '#name': './lib/imp/name.js',
      '#cond': { import: './lib/imp/cond.mjs', require: './lib/imp/cond.cjs' },
      '#pat/*': './lib/imp/pat/*.js',
      '#dep': 'shared',
      '#dep-sub/*': 'pkg-main/lib/*.js',
      '#null': null,
      '#bad': '../outside.js',
      '#missing': './lib/imp/missing.js',
    },
  },
};

/** CommonJS files required by the CommonJS cases. */
const cjs: Files = {
  'app/lib/a.js': named('lib/a.js'),
  'app/lib/pick.js': named('lib/pick.js'),
  'app/lib/pick.json': { name: 'lib/pick.json' },
  'app/lib/pick.node': 'not an addon',
  'app/lib/onlyjson.json': { name: 'lib/onlyjson.json' },
  'app/lib/noext': named('lib/noext (no extension, loaded as JavaScript)'),
  'app/lib/file.txt': named('lib/file.txt (unknown extension, loaded as JavaScript)'),
  'app/lib/both.js': named('lib/both.js'),
  'app/lib/both/index.js': named('lib/both/index.js'),
  'app/lib/dir-json/index.json': { name: 'lib/dir-json/index.json' },
  'app/lib/dir-pkg/package.json': { main: 'entry.js' },
  'app/lib/dir-pkg/entry.js': named('lib/dir-pkg/entry.js'),
  'app/lib/dir-pkg/sub/up.js': 'module.exports = require("..");\n',
  'app/lib/dir-pkg/index.js': named('lib/dir-pkg/index.js'),
  'app/lib/bad-scope/package.json': '{ "type": "commonjs", }\n',
  'app/lib/bad-scope/x.js': named('lib/bad-scope/x.js'),
  'app/lib/addon.node': 'This is not a shared object; dlopen must refuse it. '.repeat(4),
  'app/lib/only-addon.node': 'This is not a shared object either. '.repeat(4),
  'app/lib/data.json': '{ "list": [1, 2, 3], "nested": { "ok": true }, "text": "h\\u00e9llo" }\n',
  'app/lib/bad.json': '{ "a": 1, }\n',
  'app/lib/empty.json': '',
  'app/lib/nested.js': 'exports.before = true;\nrequire("./missing-dep");\n',
  'app/lib/nested-outer.js': 'require("./nested.js");\n',
  'app/lib/counter.js': 'globalThis.loads = (globalThis.loads || 0) + 1;\nexports.loads = globalThis.loads;\n',
  'app/lib/throws-once.js': [
    'globalThis.throwsOnce = (globalThis.throwsOnce || 0) + 1;',
    'exports.partial = true;',
    'if (globalThis.throwsOnce === 1) throw new Error("first load fails");',
    'exports.attempt = globalThis.throwsOnce;',
    '',
  ].join('\n'),
  'app/lib/cycle-a.js': [
    'exports.stage = "a-start";',
    'const b = require("./cycle-b.js");',
    'exports.stage = "a-done";',
    'exports.sawB = b.stage + " " + b.sawA;',
    '',
  ].join('\n'),
  'app/lib/cycle-b.js': [
    'const a = require("./cycle-a.js");',
    'exports.sawA = a.stage + " keys=" + Object.keys(a).join(",");',
    'exports.stage = "b-done";',
    'exports.aLoaded = require.cache[require.resolve("./cycle-a.js")].loaded;',
    '',
  ].join('\n'),
  'app/lib/cycle-swap-a.js': 'const b = require("./cycle-swap-b.js");\nmodule.exports = { replaced: true, bSaw: b.saw };\n',
  'app/lib/cycle-swap-b.js': 'exports.saw = JSON.stringify(require("./cycle-swap-a.js"));\n',
  'app/lib/back.js': 'module.exports = Object.keys(require("../cjs-cycles.js"));\n',
  'app/lib/child.js': [
    'exports.during = { id: module.id === __filename, loaded: module.loaded, parent: module.parent && module.parent.id,',
    '  mainIsParent: require.main === module.parent, isMain: require.main === module, thisIsExports: this === module.exports };',
    'exports.grand = require("./grandchild.js").name;',
    '',
  ].join('\n'),
  'app/lib/grandchild.js': named('lib/grandchild.js'),
  'app/lib/self-main.js': named('lib/self-main.js (app by its own name)'),
  'app/lib/self-util.js': named('lib/self-util.js'),
  'app/lib/imp/name.js': named('lib/imp/name.js'),
  'app/lib/imp/cond.cjs': named('lib/imp/cond.cjs'),
  'app/lib/imp/cond.mjs': 'export const name = "lib/imp/cond.mjs";\n',
  'app/lib/imp/pat/one.js': named('lib/imp/pat/one.js'),
  'app/lib/imp/pat/sub/two.js': named('lib/imp/pat/sub/two.js'),
  'app/lib/uses-imports.js': 'exports.name = require("#name").name;\nexports.from = __filename;\n',
  'app/lib/throw-inside.js': [
    'exports.ok = 1;',
    'function fail(what) {',
    '  const e = new TypeError(`bad ${what} in a required module`);',
    '  e.code = "ERR_CASE";',
    '  throw e;',
    '}',
    'fail("value");',
    '',
  ].join('\n'),
  'app/lib/syntax-error.js': 'exports.a = 1;\nconst x = {\n  a: 1,\n  b: 2 3,\n};\n',
  'app/deep/a/b/walk.js': [
    'exports.shared = require("shared").name;',
    'exports.shadow = require("shadow").name;',
    'exports.top = require("top").name;',
    'exports.paths = module.paths;',
    '',
  ].join('\n'),
  'app/lib/esm.mjs': 'export const name = "lib/esm.mjs";\n',
  'app/lib/esm-tla.mjs': 'export const v = await Promise.resolve("awaited");\n',
  'app/lib/esm-exports-name.mjs': 'const value = { from: "module.exports export" };\nexport { value as "module.exports" };\nexport const other = 1;\n',
  'app/lib/esm-default.mjs': 'export default function dflt() {}\nexport const named = "named";\n',
  'app/lib/esm-imports-missing.mjs': 'import "./no-such.mjs";\n',
  'app/lib/dynamic-from-lib.js': 'exports.load = () => import("./esm/more.mjs").then((ns) => ns.m1 + " (relative to lib/)");\n',
  'app/lib/detect.js': 'export const det = "ESM syntax in a typeless .js";\n',
  'app/lib/deep-require.js': 'module.exports = require("./esm.mjs");\n',
};

/** CommonJS files imported by ES modules: each a way of declaring exports that Node's lexer detects (or not). */
const interop: Files = {
  'app/lib/interop/assign.cjs': 'exports.x = 1;\nexports["y"] = 2;\nmodule.exports.z = 3;\nconst k = "hid" + "den";\nexports[k] = 4;\n',
  'app/lib/interop/define.cjs': [
    'Object.defineProperty(exports, "d", { enumerable: true, get() { return "getter"; } });',
    'Object.defineProperty(exports, "v", { value: "value" });',
    '',
  ].join('\n'),
  'app/lib/interop/literal.cjs': 'const a = "A", b = "B";\nmodule.exports = { a, b, c: "C", "quoted-key": 1 };\n',
  'app/lib/interop/esmodule.cjs': [
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'exports.default = "exports.default";',
    'exports.named = "named";',
    '',
  ].join('\n'),
  'app/lib/interop/reexport.cjs': 'module.exports = require("./literal.cjs");\n',
  'app/lib/interop/function.cjs': 'module.exports = function fn() { return "called"; };\nmodule.exports.extra = "extra";\n',
  'app/lib/interop/primitive.cjs': 'module.exports = 42;\n',
};

/** ES modules imported by the ESM cases. */
const esm: Files = {
  'app/lib/esm/named.mjs': [
    'export const a = "a";',
    'export let count = 0;',
    'export function increment() { count++; }',
    'export default function greet(who) { return `hi ${who}`; }',
    'export { a as alias };',
    '',
  ].join('\n'),
  'app/lib/esm/bad-syntax.mjs': 'export const a = 1;\nconst x = {\n  b: 2 3,\n};\n',
  'app/lib/esm/missing-export.mjs': 'import { m1, nope } from "./more.mjs";\nconsole.log(m1, nope);\n',
  'app/lib/esm/missing-cjs-export.mjs': 'import { name, nope } from "../a.js";\nconsole.log(name, nope);\n',
  'app/lib/esm/imports-bad-cjs.mjs': 'import "../syntax-error.js";\n',
  'app/lib/rethrow-inside.js': [
    'try {',
    '  require("./throw-inside.js");',
    '} catch (e) {',
    '  e.message += " (passed on)";',
    '  throw e;',
    '}',
    '',
  ].join('\n'),
  'app/lib/esm/more.mjs': 'export const m1 = "m1";\nexport const m2 = "m2";\nexport default "more-default";\n',
  'app/lib/esm/reexport.mjs': [
    'export { a as renamed, default as greet } from "./named.mjs";',
    'export * from "./more.mjs";',
    'export * as nsMore from "./more.mjs";',
    '',
  ].join('\n'),
  'app/lib/esm/tla.mjs': 'export const before = "before";\nexport const later = await new Promise((r) => setTimeout(() => r("after a timer"), 5));\n',
  'app/lib/esm/missing-named.mjs': 'import { nope } from "./named.mjs";\nconsole.log(nope);\n',
  'app/lib/esm/missing-named-cjs.mjs': 'import { notThere } from "../interop/assign.cjs";\nconsole.log(notThere);\n',
  'app/lib/esm/data.txt': 'plain text\n',
  'app/lib/esm/dir/index.js': 'export const name = "dir/index.js";\n',
  'app/lib/esm/plain.js': 'exports.name = "lib/esm/plain.js (CommonJS: no type in app/package.json)";\n',
  'app/lib/esm/data.json': '{ "kind": "json", "n": 1 }\n',
  'app/lib/esm/meta.mjs': 'export const url = import.meta.url;\nexport const resolved = import.meta.resolve("./named.mjs");\n',
  'app/lib/esm/before.mjs': 'console.log("evaluated before the throwing module");\n',
  'app/lib/esm/throws.mjs': [
    'export const first = 1;',
    'function explode() {',
    '  throw new RangeError("thrown while evaluating an imported module");',
    '}',
    'explode();',
    '',
  ].join('\n'),
};

/** app/esm: "type": "module", so .js files there are ES modules. */
const typeModule: Files = {
  'app/esm/package.json': { type: 'module' },
  'app/esm/lib.js': 'export const name = "esm/lib.js (an ES module by type)";\nexport const url = import.meta.url;\n',
  'app/esm/helper.cjs': 'exports.name = "esm/helper.cjs"; exports.type = typeof require;\n',
  'app/esm/self-ref.cjs': 'module.exports = require("app");\n',
  'app/esm/sub/deeper.js': 'export const name = "esm/sub/deeper.js";\n',
};

/** Every application file of the fixture. */
export const APP: Files = { ...pkg, ...cjs, ...interop, ...esm, ...typeModule };

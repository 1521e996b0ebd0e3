/**
 * The packages of the modules fixture: `app/node_modules/*` plus the ones above `app/` (found by the
 * walk up the parent directories) and the sources of the symlinked packages. Paths are relative to
 * the tree root; an object is written as JSON, a string as is. Every module says who it is, so a
 * case can print which file a specifier resolved to.
 */
import type { Files } from './fixture.js';

/** A one-line CommonJS module that exports its own name (and its file, to check realpaths). */
const named = (name: string) => `exports.name = ${JSON.stringify(name)}; exports.file = __filename;\n`;

/** Packages that exercise file, directory and node_modules resolution (no "exports"). */
const classic: Files = {
  'app/node_modules/pkg-main/package.json': { name: 'pkg-main', main: './start' },
  'app/node_modules/pkg-main/start.js': named('pkg-main/start.js'),
  'app/node_modules/pkg-main/lib/x.js': named('pkg-main/lib/x.js'),
  'app/node_modules/main-dir/package.json': { name: 'main-dir', main: 'sub' },
  'app/node_modules/main-dir/sub/index.js': named('main-dir/sub/index.js'),
  'app/node_modules/main-json/package.json': { name: 'main-json', main: 'data.json' },
  'app/node_modules/main-json/data.json': { name: 'main-json/data.json' },
  'app/node_modules/index-only/index.js': named('index-only/index.js'),
  'app/node_modules/index-json/index.json': { name: 'index-json/index.json' },
  'app/node_modules/no-main/package.json': { name: 'no-main', version: '1.0.0' },
  'app/node_modules/no-main/index.js': named('no-main/index.js'),
  'app/node_modules/no-main/imports-hash.js': 'module.exports = require("#name");\n',
  'app/node_modules/main-missing/package.json': { name: 'main-missing', main: './nope.js' },
  'app/node_modules/main-missing/index.js': named('main-missing/index.js'),
  'app/node_modules/main-missing-noindex/package.json': { name: 'main-missing-noindex', main: './nope.js' },
  'app/node_modules/main-missing-noindex/other.js': named('main-missing-noindex/other.js'),
  'app/node_modules/shared/index.js': named('app/node_modules/shared'),
  'app/node_modules/shadow/index.js': named('app/node_modules/shadow'),
  'app/deep/node_modules/shadow/index.js': named('app/deep/node_modules/shadow'),
  'app/node_modules/@scope/pkg/package.json': { name: '@scope/pkg', main: 'main.js' },
  'app/node_modules/@scope/pkg/main.js': named('@scope/pkg/main.js'),
  'app/node_modules/nest/index.js': 'exports.inner = require("inner"); exports.paths = module.paths;\n',
  'app/node_modules/nest/node_modules/inner/index.js': `${named('nest/node_modules/inner').trimEnd()}\nexports.paths = module.paths;\n`,
  'app/node_modules/inner/index.js': named('app/node_modules/inner (shadowed for nest)'),
  'node_modules/top/index.js': named('node_modules/top (above app)'),
  'node_modules/shadow/index.js': named('node_modules/shadow (above app)'),
  'app/node_modules/bad-json/package.json': '{ "name": "bad-json", "main": }\n',
  'app/node_modules/bad-json/index.js': named('bad-json/index.js'),
  'app/node_modules/esm-only/package.json': { name: 'esm-only', type: 'module', main: 'index.js' },
  'app/node_modules/esm-only/index.js': 'export const name = "esm-only";\n',
};

/** Packages with "exports": strings, maps, patterns, conditions, arrays, null and invalid targets. */
const exported: Files = {
  'app/node_modules/exp-string/package.json': { name: 'exp-string', main: './not-used.js', exports: './main.js' },
  'app/node_modules/exp-string/main.js': named('exp-string/main.js'),
  'app/node_modules/exp-string/not-used.js': named('exp-string/not-used.js'),
  'app/node_modules/exp-map/package.json': {
    name: 'exp-map',
    exports: { '.': './main.js', './feature': './lib/feature.js', './package.json': './package.json', './hidden': null, './dir/': './lib/' },
  },
  'app/node_modules/exp-map/main.js': named('exp-map/main.js'),
  'app/node_modules/exp-map/lib/feature.js': named('exp-map/lib/feature.js'),
  'app/node_modules/exp-map/lib/secret.js': named('exp-map/lib/secret.js'),
  'app/node_modules/exp-nodot/package.json': { name: 'exp-nodot', exports: { './only': './only.js' } },
  'app/node_modules/exp-nodot/only.js': named('exp-nodot/only.js'),
  'app/node_modules/exp-nodot/index.js': named('exp-nodot/index.js'),
  'app/node_modules/exp-sugar/package.json': { name: 'exp-sugar', exports: { import: './e.mjs', require: './c.js', default: './d.js' } },
  'app/node_modules/exp-sugar/c.js': named('exp-sugar/c.js'),
  'app/node_modules/exp-sugar/d.js': named('exp-sugar/d.js'),
  'app/node_modules/exp-sugar/e.mjs': 'export const name = "exp-sugar/e.mjs";\n',
  'app/node_modules/exp-patterns/package.json': {
    name: 'exp-patterns',
    exports: {
      './features/*': './src/features/*.js',
      './features/internal/*': './src/internal/*.js',
      './features/private/*': null,
      './features/exact': './src/exact.js',
      './styles/*': './src/styles/*',
      './styles/*.css': './src/css/*.css.js',
      './twice/*': './src/twice/*/*.js',
      './deep/*': './src/deep/*.js',
    },
  },
  'app/node_modules/exp-patterns/src/features/a.js': named('exp-patterns/src/features/a.js'),
  'app/node_modules/exp-patterns/src/features/sub/b.js': named('exp-patterns/src/features/sub/b.js'),
  'app/node_modules/exp-patterns/src/features/internal/c.js': named('exp-patterns/src/features/internal/c.js (by the shorter pattern)'),
  'app/node_modules/exp-patterns/src/internal/c.js': named('exp-patterns/src/internal/c.js'),
  'app/node_modules/exp-patterns/src/features/private/p.js': named('exp-patterns/src/features/private/p.js'),
  'app/node_modules/exp-patterns/src/exact.js': named('exp-patterns/src/exact.js'),
  'app/node_modules/exp-patterns/src/features/exact.js': named('exp-patterns/src/features/exact.js'),
  'app/node_modules/exp-patterns/src/styles/main.css': 'exports.name = "exp-patterns/src/styles/main.css";\n',
  'app/node_modules/exp-patterns/src/css/main.css.js': named('exp-patterns/src/css/main.css.js'),
  'app/node_modules/exp-patterns/src/twice/t/t.js': named('exp-patterns/src/twice/t/t.js'),
  'app/node_modules/exp-patterns/src/deep/x.js': named('exp-patterns/src/deep/x.js'),
  'app/node_modules/exp-cond/package.json': {
    name: 'exp-cond',
    exports: {
      '.': { node: { import: './node-import.mjs', require: './node-require.js' }, default: './default.js' },
      './order': { default: './order-default.js', require: './order-require.js' },
      './custom': { browser: './browser.js', worker: './worker.js', require: './custom-require.js' },
      './import-only': { import: './io.mjs' },
      './nested': { node: { browser: './browser.js', default: { require: './nested-require.js' } } },
    },
  },
  'app/node_modules/exp-cond/node-import.mjs': 'export const name = "exp-cond/node-import.mjs";\n',
  ...Object.fromEntries(['node-require', 'default', 'order-default', 'order-require', 'browser', 'worker', 'custom-require', 'nested-require']
    .map((f) => [`app/node_modules/exp-cond/${f}.js`, named(`exp-cond/${f}.js`)])),
  'app/node_modules/exp-cond/io.mjs': 'export const name = "exp-cond/io.mjs";\n',
  'app/node_modules/exp-array/package.json': {
    name: 'exp-array',
    exports: {
      '.': ['not-relative', './ok.js'],
      './missing-first': ['./missing.js', './ok.js'],
      './cond-first': [{ browser: './browser.js' }, './ok.js'],
      './all-bad': ['nope', '../up.js'],
      './null-first': [null, './ok.js'],
    },
  },
  'app/node_modules/exp-array/ok.js': named('exp-array/ok.js'),
  'app/node_modules/exp-array/browser.js': named('exp-array/browser.js'),
  'app/node_modules/exp-bad/package.json': {
    name: 'exp-bad',
    exports: {
      './norel': 'norel.js',
      './up': './../outside.js',
      './nm': './node_modules/dep/index.js',
      './abs': '/etc/hostname',
      './num': 5,
      './pat/*': './src/*.js',
      './keys': { '.': './x.js' },
    },
  },
  'app/node_modules/exp-bad/norel.js': named('exp-bad/norel.js'),
  'app/node_modules/exp-bad/src/x.js': named('exp-bad/src/x.js'),
  'app/node_modules/exp-bad/node_modules/dep/index.js': named('exp-bad/node_modules/dep'),
  'app/node_modules/exp-mixed/package.json': { name: 'exp-mixed', exports: { '.': './a.js', require: './b.js' } },
  'app/node_modules/exp-mixed/a.js': named('exp-mixed/a.js'),
  'app/node_modules/dual/package.json': { name: 'dual', exports: { '.': { import: './esm.mjs', require: './cjs.js' }, './package.json': './package.json' } },
  'app/node_modules/dual/cjs.js': named('dual/cjs.js'),
  'app/node_modules/dual/esm.mjs': 'export const name = "dual/esm.mjs"; export const file = import.meta.url;\n',
};

/**
 * Symlinked packages: npm link (`app/node_modules/linked -> ../../linked-src`) and a pnpm layout
 * where `x` finds its dependency `y` only next to its real path, never through the link.
 */
const linked: Files = {
  'linked-src/package.json': { name: 'linked', main: 'index.js' },
  'linked-src/index.js': [
    named('linked-src/index.js').trimEnd(),
    'exports.dep = require("dep").name;',
    'try { require("shared"); exports.shared = "found"; } catch (e) { exports.shared = e.code; }',
    'exports.paths = module.paths;',
    '',
  ].join('\n'),
  'linked-src/node_modules/dep/index.js': named('linked-src/node_modules/dep'),
  'app/node_modules/.pnpm/x@1.0.0/node_modules/x/package.json': { name: 'x', version: '1.0.0', main: 'lib/index.js' },
  'app/node_modules/.pnpm/x@1.0.0/node_modules/x/lib/index.js': `${named('x@1.0.0').trimEnd()}\nexports.y = require("y");\n`,
  'app/node_modules/.pnpm/y@2.0.0/node_modules/y/package.json': { name: 'y', version: '2.0.0' },
  'app/node_modules/.pnpm/y@2.0.0/node_modules/y/index.js': named('y@2.0.0'),
};

/** Symlinks, as [link path, target as written]. */
export const LINKS: [string, string][] = [
  ['app/node_modules/linked', '../../linked-src'],
  ['app/node_modules/x', '.pnpm/x@1.0.0/node_modules/x'],
  ['app/node_modules/.pnpm/x@1.0.0/node_modules/y', '../../y@2.0.0/node_modules/y'],
  ['app/lib/link-to-a.js', 'a.js'],
];

/** Every package file of the fixture. */
export const PACKAGES: Files = { ...classic, ...exported, ...linked };

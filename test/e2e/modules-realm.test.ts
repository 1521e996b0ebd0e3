import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { CodeCache } from '../../host/index.js';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for everything the module loader hands the guest: module objects, require and
 * its cache, the Module class, namespace objects, import.meta, the promises of import(), and the
 * errors of resolution, compilation and linking (some of which V8's module machinery raises in the
 * Worker). One foreign object would be an escape.
 */
function tree(): Volume {
  const vol = new Volume();
  vol.mkdirSync('/app/node_modules/pkg', { recursive: true });
  vol.writeFileSync('/app/node_modules/pkg/package.json', JSON.stringify({ name: 'pkg', exports: { '.': { import: './e.mjs', require: './c.js' } } }));
  vol.writeFileSync('/app/node_modules/pkg/c.js', 'exports.kind = "cjs"; exports.fn = function () { return this; };');
  vol.writeFileSync('/app/node_modules/pkg/e.mjs', 'export const kind = "esm"; export default function () { return import.meta; }');
  vol.writeFileSync('/app/lib.cjs', 'exports.a = 1; exports.nested = { b: [2] };');
  vol.writeFileSync('/app/data.json', '{"x": [1, {"y": 2}]}');
  vol.writeFileSync('/app/esm.mjs', 'import * as ns from "pkg"; import cjs, { a } from "./lib.cjs"; import data from "./data.json" with { type: "json" }; import fs, { readFileSync } from "node:fs";\nexport { ns, cjs, a, data, fs, readFileSync }; export const meta = import.meta; export const later = import("./lib.cjs");');
  vol.writeFileSync('/app/bad-syntax.js', 'let let = 1;');
  vol.writeFileSync('/app/bad-syntax.mjs', 'export let = ;');
  vol.writeFileSync('/app/bad-link.mjs', 'import { nope } from "./lib.cjs";');
  vol.writeFileSync('/app/throws.mjs', 'throw new RangeError("thrown while evaluating");');
  return vol;
}

describe('realm isolation of modules', () => {
  it('every object reachable from modules, namespaces, import.meta and loader errors is the guest realm own', async () => {
    const r = await runGuest(
      `${PROBE}
const roots = { module, require, cache: require.cache, Module: require('module'), pkg: require('pkg'), lib: require('./lib.cjs'), json: require('./data.json') };
roots.createRequire = require('module').createRequire('/app/x.js');
const caught = (name, f) => { try { f(); } catch (e) { roots[name] = e; } };
caught('notFound', () => require('./nope'));
caught('syntax', () => require('./bad-syntax.js'));
caught('requireEsm', () => require('./esm.mjs'));
caught('notExported', () => require('pkg/x'));
caught('badArg', () => require(5));
const imports = {
  esm: import('./esm.mjs'), pkgEsm: import('pkg'), builtin: import('node:path'),
  missing: import('./nope.mjs'), dir: import('./node_modules'), ext: import('./data.txt'),
  syntax: import('./bad-syntax.mjs'), link: import('./bad-link.mjs'), throws: import('./throws.mjs'),
  attr: import('./data.json'), scheme: import('https://example.com/x.mjs'),
};
roots.importPromise = imports.esm;
const names = Object.keys(imports);
Promise.allSettled(Object.values(imports)).then(async (results) => {
  results.forEach((res, i) => { roots[names[i]] = res.status === 'fulfilled' ? res.value : res.reason; });
  roots.later = await roots.esm.later;
  roots.metaFromDefault = roots.pkgEsm.default();
  const out = probe(roots);
  out.statuses = results.map((res) => res.status).join(',');
  console.log(JSON.stringify(out));
});`,
      { vol: tree(), filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; statuses: string };
    expect(out.statuses).toBe('fulfilled,fulfilled,fulfilled,rejected,rejected,rejected,rejected,rejected,rejected,rejected,rejected');
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(300);
  });

  it('a module cannot read outside the guest filesystem, and an escape through import.meta finds no host', async () => {
    const r = await runGuest(
      `
const results = {};
try { require('/etc/passwd'); } catch (e) { results.etc = e.code; }
try { require('../../../../../../etc/hostname'); } catch (e) { results.up = e.code; }
import('/app/esm.mjs').then((ns) => {
  results.metaCtor = ns.meta.resolve.constructor('return typeof process === "object" && typeof process.reallyExit')();
  results.nsProto = Object.getPrototypeOf(ns) === null;
  return import('file:///etc/passwd').catch((e) => { results.fileUrl = e.code; });
}).then(() => console.log(JSON.stringify(results)));`,
      { vol: tree(), filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ etc: 'MODULE_NOT_FOUND', up: 'MODULE_NOT_FOUND', metaCtor: 'undefined', nsProto: true, fileUrl: 'ERR_MODULE_NOT_FOUND' });
  });

  it('import() from code V8 cannot attribute to a script, and from modules made from the code cache, stays in the guest realm', async () => {
    const vol = tree();
    vol.writeFileSync('/app/n.mjs', 'export default 7;');
    // Built so that no source contains the text of an import call.
    const call = `'imp' + 'ort("/app/n.mjs")'`;
    vol.writeFileSync('/app/cached.js', `exports.viaEval = () => eval(${call}); exports.viaFunction = () => new Function('return ' + ${call})();`);
    vol.writeFileSync('/app/cached.mjs', `export const viaEval = () => eval(${call});`);
    const source = `
const report = (name, p) => p.then((ns) => name + ' ok ' + ns.default, (e) => { let host; try { host = e.constructor.constructor('return typeof process.reallyExit')(); } catch { host = 'threw'; } return name + ' rejected ' + host; });
const lib = require('./cached.js');
const checks = [
  report('microtask Function', Promise.resolve('return ' + ${call}).then(Function).then((f) => f())),
  report('cached eval', lib.viaEval()),
  report('cached Function', lib.viaFunction()),
  import('./cached.mjs').then((m) => report('cached module eval', m.viaEval())),
];
Promise.all(checks).then((lines) => console.log(lines.join('\\n')));`;
    const codeCache = new CodeCache();
    const expected = ['microtask Function ok 7', 'cached eval ok 7', 'cached Function ok 7', 'cached module eval ok 7'].join('\n') + '\n';
    for (let run = 0; run < 2; run++) {
      const r = await runGuest(source, { vol, filename: '/app/main.js', codeCache });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(expected);
    }
    expect(codeCache.size).toBeGreaterThanOrEqual(2);
  });

  it('the entry runs with nothing of the runner on its global, and an uncaught error keeps its own stack', async () => {
    const vol = tree();
    vol.writeFileSync('/app/rethrow.js', 'try { require("./throws-cjs.js"); } catch (e) { globalThis.seen = e; throw e; }');
    vol.writeFileSync('/app/throws-cjs.js', 'throw new TypeError("from a module");');
    const r = await runGuest(
      `const own = [...Object.getOwnPropertyNames(globalThis), ...Object.getOwnPropertySymbols(globalThis).map(String)];
console.log(JSON.stringify(own.filter((k) => /v8fs|bridge/i.test(k))));
process.on('exit', () => console.log(String(globalThis.seen.stack).split('\\n')[0]));
require('./rethrow.js');`,
      { vol, filename: '/app/main.js' },
    );
    expect(r.stdout).toBe('[]\nTypeError: from a module\n');
    expect(r.exitCode).toBe(1);
    // Node's report: the rethrowing line of the module, its source and caret, then the error.
    expect(r.stderr.startsWith('/app/rethrow.js:1\ntry { require("./throws-cjs.js"); } catch (e) { globalThis.seen = e; throw e; }\n')).toBe(true);
    expect(r.stderr).toContain('TypeError: from a module\n    at ');
  });
});

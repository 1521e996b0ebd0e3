// JSON and built-ins from ES modules: JSON with `with { type: 'json' }` (default export only, one
// instance), JSON without the attribute and with a wrong type (the errors), built-ins by default,
// named and namespace import with and without node:, and require made by createRequire(import.meta.url).
import data from './lib/esm/data.json' with { type: 'json' };
import fs, { readFileSync } from 'node:fs';
import fs2, { existsSync } from 'fs';
import * as pathNs from 'path';
import { promises as fsp } from 'fs';
import fsPromises from 'fs/promises';
import { EventEmitter } from 'events';
import { Buffer as B } from 'buffer';
import Module from 'module';
import { err, fmt } from './show.cjs';

const show = async (label, f) => { try { console.log(label, '=>', fmt(await f())); } catch (e) { console.log(label, '=>', err(e)); } };
await show('JSON default', () => data);
await show('JSON again is the same object', async () => (await import('./lib/esm/data.json', { with: { type: 'json' } })).default === data);
await show('JSON namespace keys', async () => Object.keys(await import('./lib/esm/data.json', { with: { type: 'json' } })));
await show('JSON without the attribute', () => import('./lib/esm/data.json'));
await show('JSON with type javascript', () => import('./lib/esm/data.json', { with: { type: 'javascript' } }));
await show('a JavaScript module with type json', () => import('./lib/esm/more.mjs', { with: { type: 'json' } }));
await show('an unknown attribute', () => import('./lib/esm/more.mjs', { with: { foo: 'bar' } }));
await show('node:fs default is fs', () => fs === fs2 && fs.readFileSync === readFileSync);
await show('named built-in exports', () => [typeof readFileSync, typeof existsSync, fsp === fs.promises, fsPromises === fs.promises]);
await show('readFileSync through the import', () => readFileSync(`${import.meta.dirname}/lib/esm/data.txt`, 'utf8'));
await show('path namespace', () => [typeof pathNs.join, pathNs.default.join === pathNs.join, pathNs.join('a', 'b')]);
await show('events and buffer', () => [typeof EventEmitter, B === Buffer]);
const require = Module.createRequire(import.meta.url);
await show('named import of module.createRequire', async () => (await import('node:module')).createRequire === Module.createRequire);
await show('createRequire(import.meta.url)', () => require('./lib/a.js').name);
await show('createRequire: require condition', () => require('dual').name);
await show('createRequire: JSON', () => require('./lib/esm/data.json').kind);
await show('built-in namespaces mirror their default export', async () => {
  const out = [];
  for (const m of ['fs', 'path', 'module', 'events', 'util', 'buffer', 'timers']) {
    const ns = await import(m);
    out.push(`${m}:${'default' in ns && Object.keys(ns).every((k) => k === 'default' || ns[k] === ns.default[k])}`);
  }
  return out;
});
await show('unknown built-in', () => import('node:nope'));

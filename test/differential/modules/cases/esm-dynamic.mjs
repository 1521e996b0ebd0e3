// Dynamic import() from an ES module and top-level await: the namespace it gives, one instance per
// URL (query strings make another), CommonJS and JSON and built-ins by import(), a module with
// top-level await, and rejections (their code and message) without losing the next import.
import { fmt, err } from './show.cjs';

const show = async (label, f) => { try { console.log(label, '=>', fmt(await f())); } catch (e) { console.log(label, '=>', err(e)); } };
await show('await a value', async () => 'awaited');
await show('import() a namespace', () => import('./lib/esm/named.mjs'));
await show('same instance', async () => (await import('./lib/esm/named.mjs')) === (await import('./lib/esm/named.mjs')));
await show('query string: another instance', async () => (await import('./lib/esm/named.mjs?x=1')) !== (await import('./lib/esm/named.mjs')));
await show('import() CommonJS', () => import('./lib/interop/literal.cjs'));
await show('import() a module with top-level await', () => import('./lib/esm/tla.mjs'));
await show('import() a built-in', async () => (await import('node:path')).default === (await import('path')).default);
await show('import() a package (import condition)', async () => (await import('dual')).name);
await show('import() a missing file', () => import('./lib/esm/nope.mjs'));
await show('import() a missing package', () => import('no-such-package'));
await show('import() not a string', () => import(42));
await show('import() an unknown scheme', () => import('https://example.com/x.mjs'));
await show('import() a file URL', async () => (await import(`${import.meta.url.slice(0, import.meta.url.lastIndexOf('/'))}/lib/esm/more.mjs`)).m1);
await show('still works', async () => (await import('./lib/esm/more.mjs')).m2);
const order = [];
const p = import('./lib/esm/more.mjs').then(() => order.push('import'));
order.push('sync');
await p;
console.log('import() is asynchronous:', order.join(','));

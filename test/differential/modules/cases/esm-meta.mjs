// import.meta: url, filename and dirname (Node 20.11+ has them), resolve() of relative, bare,
// exports-mapped, imports (#) and built-in specifiers, and of what does not exist; the keys of import.meta.
import { fmt } from './show.cjs';
import * as meta from './lib/esm/meta.mjs';

const show = (label, f) => { try { console.log(label, '=>', fmt(f())); } catch (e) { console.log(label, '=> THROW', e.constructor.name, e.code, '|', e.message); } };
show('url', () => import.meta.url);
show('typeof filename, dirname', () => [typeof import.meta.filename, typeof import.meta.dirname]);
show('filename, dirname', () => [import.meta.filename, import.meta.dirname]);
show('keys', () => Object.keys(import.meta).sort());
show('prototype', () => Object.getPrototypeOf(import.meta));
show('typeof resolve', () => typeof import.meta.resolve);
show('resolve relative', () => import.meta.resolve('./lib/esm/named.mjs'));
show('resolve relative missing file (no check)', () => import.meta.resolve('./lib/esm/nope.mjs'));
show('resolve bare', () => import.meta.resolve('pkg-main'));
show('resolve exports import branch', () => import.meta.resolve('dual'));
show('resolve exports pattern', () => import.meta.resolve('exp-patterns/features/a'));
show('resolve #imports (import branch)', () => import.meta.resolve('#cond'));
show('resolve built-in', () => [import.meta.resolve('fs'), import.meta.resolve('node:fs')]);
show('resolve missing package', () => import.meta.resolve('no-such-package'));
show('resolve not exported', () => import.meta.resolve('exp-map/lib/secret.js'));
show('resolve with a parent URL argument', () => import.meta.resolve('./a.js', 'file:///elsewhere/'));
show('another module\'s meta', () => [meta.url, meta.resolved]);
show('meta is per module', () => meta.url !== import.meta.url);

// How ESM resolution differs from require: no extension guessing and no directory index
// (ERR_MODULE_NOT_FOUND, ERR_UNSUPPORTED_DIR_IMPORT), unknown extensions (ERR_UNKNOWN_FILE_EXTENSION),
// a missing named export (SyntaxError from an ES module and from CommonJS), packages not found or
// not exported, invalid package configs (ERR_INVALID_PACKAGE_CONFIG) and percent-encoded paths.
import { err, fmt } from './show.cjs';

const show = async (label, f) => { try { console.log(label, '=>', fmt(await f())); } catch (e) { console.log(label, '=>', err(e)); } };
await show('no extension guessing', () => import('./lib/esm/named'));
await show('no extension guessing for .js', () => import('./lib/a'));
await show('directory import', () => import('./lib/esm/dir'));
await show('directory import with slash', () => import('./lib/esm/dir/'));
await show('directory index by name works', async () => (await import('./lib/esm/dir/index.js')).name);
await show('unknown extension', () => import('./lib/esm/data.txt'));
await show('no extension at all', () => import('./lib/noext'));
await show('ESM syntax in a typeless .js is detected (Node 20.19+)', async () => (await import('./lib/detect.js')).det);
await show('.js under app/ (no type) is CommonJS', async () => (await import('./lib/esm/plain.js')).default.name);
await show('missing named export from an ES module', () => import('./lib/esm/missing-named.mjs'));
await show('missing named export from CommonJS', () => import('./lib/esm/missing-named-cjs.mjs'));
await show('bare package not found', () => import('no-such-package'));
await show('bare subpath of a package without exports', async () => (await import('pkg-main/lib/x.js')).default.name);
await show('bare subpath without extension', () => import('pkg-main/lib/x'));
await show('package main without extension (legacy main)', async () => (await import('pkg-main')).default.name);
await show('package main missing', () => import('main-missing-noindex'));
await show('not exported', () => import('exp-map/lib/secret.js'));
await show('invalid target', () => import('exp-bad/norel'));
await show('invalid package.json', () => import('bad-json'));
await show('invalid package.json of a file\'s scope', () => import('./lib/bad-scope/x.js'));
await show('#imports not defined', () => import('#nope'));
await show('percent-encoded path', async () => (await import('./lib/esm/%6Dore.mjs')).m1);
await show('encoded slash', () => import('./lib%2Fesm/more.mjs'));
await show('absolute path (not a URL)', async () => (await import(`${import.meta.dirname}/lib/esm/more.mjs`)).m1);

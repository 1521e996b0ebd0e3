// import() from CommonJS: an ES module, a CommonJS module (default is module.exports), a package
// by its "import" condition, the same module the loader caches for require, and a rejection.
const { fmt, err } = require('./show.cjs');

const show = async (label, f) => { try { console.log(label, '=>', fmt(await f())); } catch (e) { console.log(label, '=>', err(e)); } };
(async () => {
  await show('ES module', () => import('./lib/esm/named.mjs'));
  await show('CommonJS: default is module.exports', async () => (await import('./lib/a.js')).default === require('./lib/a.js'));
  await show('CommonJS namespace keys', async () => Object.keys(await import('./lib/interop/literal.cjs')));
  await show('package, import condition', async () => (await import('dual')).name);
  await show('package, require condition for require', () => require('dual').name);
  await show('#imports, import condition', async () => (await import('#cond')).name);
  await show('relative to this file, not the cwd', async () => (await import('./lib/esm/more.mjs')).m1);
  await show('from a module in lib/', () => require('./lib/dynamic-from-lib.js').load());
  await show('a .js file under "type": "module"', async () => (await import('./esm/lib.js')).name);
  await show('missing', () => import('./lib/nope.js'));
  await show('no extension guessing', () => import('./lib/a'));
  console.log('done');
})();

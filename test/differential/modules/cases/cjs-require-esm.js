// require of what is not CommonJS. Node 20.19+ loads a synchronous ES module with require() by default
// (the namespace, with __esModule added when there is a default export, or the export named
// "module.exports"), ESM syntax in a typeless .js included (syntax detection); an ES module with
// top-level await is ERR_REQUIRE_ASYNC_MODULE, one whose import is missing ERR_MODULE_NOT_FOUND;
// a .node file that is not an addon is ERR_DLOPEN_FAILED (by its exact name and by extension probing).
const { show, fmt } = require('./show.cjs');

show('.mjs', () => require('./lib/esm.mjs'));
show('.mjs with a default export', () => { const ns = require('./lib/esm-default.mjs'); return [Object.keys(ns), ns.__esModule, typeof ns.default]; });
show('.mjs exporting "module.exports"', () => require('./lib/esm-exports-name.mjs'));
show('.js under "type": "module"', () => require('./esm/lib.js'));
show('.js under "type": "module", nested dir', () => require('./esm/sub/deeper.js'));
show('package with "type": "module"', () => require('esm-only'));
show('required twice: one namespace', () => require('./lib/esm.mjs') === require('./lib/esm.mjs'));
show('cache entry of an ES module', () => { const m = require.cache[require.resolve('./lib/esm.mjs')]; return [m.loaded, fmt(m.exports), m.id === m.filename]; });
show('ES module through a CommonJS module', () => require('./lib/deep-require.js'));
show('ESM syntax in a typeless .js (detected)', () => require('./lib/detect.js'));
show('top-level await', () => require('./lib/esm-tla.mjs'));
show('an ES module whose import is missing', () => require('./lib/esm-imports-missing.mjs'));
show('.node file', () => require('./lib/addon.node'));
show('.node by probing', () => require('./lib/only-addon'));
show('.js beats .node', () => require('./lib/pick').name);
show('still works', () => require('./lib/a.js').name);

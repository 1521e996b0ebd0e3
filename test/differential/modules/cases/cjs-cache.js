// require.cache: keyed by the resolved filename, one entry per file whatever the spelling, built-ins
// not in it, delete makes the next require load again, and a module that throws while loading is
// removed (the next require runs it again); JSON modules are cached too.
const { show, ROOT } = require('./show.cjs');

const counter = `${__dirname}/lib/counter.js`;
show('first load', () => require('./lib/counter').loads);
show('cached', () => require('./lib/counter.js').loads);
show('keyed by filename', () => require.cache[counter].exports.loads);
show('entry id and filename', () => [require.cache[counter].id === counter, require.cache[counter].filename === counter]);
show('cache keys inside the tree', () => Object.keys(require.cache).filter((k) => k.startsWith(`${ROOT}/`)).sort());
show('built-ins are not cached', () => { require('fs'); return ['fs', 'node:fs'].some((k) => k in require.cache); });
show('delete the entry', () => delete require.cache[counter]);
show('loads again', () => require('./lib/counter').loads);
show('the new entry is loaded', () => require.cache[counter].loaded);
show('replace the entry', () => { require.cache[counter] = { exports: { loads: 'planted' } }; return require('./lib/counter').loads; });
show('throws while loading', () => require('./lib/throws-once.js'));
show('removed from the cache', () => `${__dirname}/lib/throws-once.js` in require.cache);
show('runs again', () => require('./lib/throws-once.js').attempt);
show('now cached', () => require.cache[`${__dirname}/lib/throws-once.js`].loaded);
const json = require('./lib/data.json');
json.added = true;
show('JSON cached (same object)', () => require('./lib/data.json').added);
show('module.constructor._cache is require.cache', () => module.constructor._cache === require.cache);

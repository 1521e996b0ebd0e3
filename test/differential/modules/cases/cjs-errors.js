// Errors of require with their requireStack: a nested chain (main -> outer -> nested -> missing),
// the partial module left behind, and invalid arguments (empty string, not a string).
const { show } = require('./show.cjs');

show('nested chain', () => require('./lib/nested-outer.js'));
show('the failed modules are not cached', () => [`${__dirname}/lib/nested.js`, `${__dirname}/lib/nested-outer.js`].map((f) => f in require.cache));
show('from a deeper directory', () => require('./deep/a/b/nope.js'));
show('empty string', () => require(''));
show('a number', () => require(42));
show('undefined', () => require());
show('an object', () => require({}));
show('missing package error fields', () => {
  try { require('no-such-package/sub'); } catch (e) { return [e.code, e.requireStack.length, Object.keys(e).sort()]; }
});

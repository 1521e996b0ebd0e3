// The node_modules walk: from a module deep in the tree up through every parent directory, the
// nearest package shadowing farther ones, packages above app/, nested node_modules, and module.paths.
const { show, inTree } = require('./show.cjs');

const walk = require('./deep/a/b/walk.js');
show('from deep/a/b: shared (app/node_modules)', () => walk.shared);
show('from deep/a/b: shadow (app/deep/node_modules wins)', () => walk.shadow);
show('from deep/a/b: top (above app)', () => walk.top);
show('deep module paths', () => inTree(walk.paths));
show('main: shadow (app/node_modules)', () => require('shadow').name);
show('main: top', () => require('top').name);
show('main: inner', () => require('inner').name);
show('main module.paths', () => inTree(module.paths));
const nest = require('nest');
show('a package finds its own node_modules first', () => nest.inner.name);
show('paths of a package (no node_modules/node_modules)', () => inTree(nest.paths));
show('paths of a nested package', () => inTree(nest.inner.paths));
show('require.resolve.paths of a bare name', () => inTree(require.resolve.paths('shared')));
show('missing from deep', () => require('./deep/a/b/nope'));

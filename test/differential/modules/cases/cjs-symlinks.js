// Symlinked packages load from their real paths: npm link (app/node_modules/linked -> ../../linked-src)
// and pnpm (app/node_modules/x -> .pnpm/x@1.0.0/node_modules/x, whose dependency y is found only next
// to x's real path); two routes to one real file give one module.
const { show, inTree, ROOT } = require('./show.cjs');

const linked = require('linked');
show('linked __filename is the real path', () => linked.file);
show('linked resolves its dependency from its real directory', () => linked.dep);
show('a package only in app/node_modules is not found from the link target', () => linked.shared);
show('linked module paths', () => inTree(linked.paths));
show('require.resolve gives the real path', () => require.resolve('linked'));
show('linked by the link and by the real path: one module', () => require('linked') === require('../linked-src'));
show('by the link with a subpath', () => require('linked/index.js') === linked);
show('cache keys are real paths', () => Object.keys(require.cache).filter((k) => k.startsWith(`${ROOT}/`) && k.slice(ROOT.length).includes('linked')));
const x = require('x');
show('pnpm: x real file', () => x.file);
show('pnpm: y found through x real path', () => x.y.name);
show('pnpm: y real file', () => x.y.file);
show('pnpm: y is not reachable from app', () => require('y'));
show('pnpm: x module paths', () => inTree(require.cache[x.file].paths));
show('pnpm: by the link and through .pnpm: one module', () => require('./node_modules/.pnpm/x@1.0.0/node_modules/x') === x);
show('a symlinked file is cached by its target', () => require('./lib/link-to-a.js') === require('./lib/a.js'));
show('__filename through a symlinked file', () => require('./lib/link-to-a.js').file);

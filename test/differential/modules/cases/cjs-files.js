// CommonJS file resolution: relative, absolute and bare specifiers; the exact file first, then
// .js, .json, .node; a file wins over a directory of the same name; a trailing slash means the directory.
const { show } = require('./show.cjs');

show('relative with extension', () => require('./lib/a.js').name);
show('relative without extension', () => require('./lib/a').name);
show('relative from a parent segment', () => require('./lib/../lib/a').name);
show('absolute', () => require(`${__dirname}/lib/a`).name);
show('absolute with extension', () => require(`${__dirname}/lib/a.js`).file);
show('bare', () => require('pkg-main').name);
show('bare scoped', () => require('@scope/pkg').name);
show('bare subpath (no exports)', () => require('pkg-main/lib/x').name);
show('.js before .json and .node', () => require('./lib/pick').name);
show('exact .json', () => require('./lib/pick.json').name);
show('.json when there is no .js', () => require('./lib/onlyjson').name);
show('exact file without extension', () => require('./lib/noext').name);
show('exact file, unknown extension (as .js)', () => require('./lib/file.txt').name);
show('file before directory', () => require('./lib/both').name);
show('trailing slash: the directory', () => require('./lib/both/').name);
show('directory index.js', () => require('./lib/both/index').name);
show('directory index.json', () => require('./lib/dir-json').name);
show('directory package.json main', () => require('./lib/dir-pkg').name);
show('"." is this directory (no main, no index: exports do not apply)', () => require('.'));
show('"./" the same', () => require('./'));
show('".." is the parent directory (its main)', () => require('./lib/dir-pkg/sub/up.js').name);
show('same module by two spellings', () => require('./lib/a') === require(`${__dirname}/lib/../lib/a.js`));
show('a symlinked file is its target', () => require('./lib/link-to-a.js') === require('./lib/a.js'));
show('missing relative', () => require('./lib/nope'));
show('missing absolute', () => require('/no/such/file'));
show('missing bare', () => require('no-such-package'));
show('missing bare subpath', () => require('pkg-main/nope'));
show('file as a directory', () => require('./lib/a.js/x'));

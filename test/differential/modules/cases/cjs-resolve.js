// require.resolve and require.resolve.paths: files, packages, built-ins (with and without node:),
// { paths } (each path as a start directory, the order, a relative id), and the errors.
const { show, inTree } = require('./show.cjs');

show('relative', () => require.resolve('./lib/a'));
show('directory', () => require.resolve('./lib/dir-pkg'));
show('package', () => require.resolve('pkg-main'));
show('package subpath', () => require.resolve('pkg-main/lib/x'));
show('built-in', () => require.resolve('fs'));
show('built-in with node:', () => require.resolve('node:path'));
show('does not load the module', () => require.resolve('./lib/counter.js') in require.cache);
show('paths: a bare name from another start', () => require.resolve('shadow', { paths: [`${__dirname}/deep`] }));
show('paths: the first that has it wins', () => require.resolve('shadow', { paths: [__dirname, `${__dirname}/deep`] }));
show('paths: relative id against each path', () => require.resolve('./a', { paths: [`${__dirname}/nowhere`, `${__dirname}/lib`] }));
show('paths: up from the given directory', () => require.resolve('top', { paths: [`${__dirname}/lib/imp/pat`] }));
show('paths: empty list', () => require.resolve('shared', { paths: [] }));
show('paths: not found', () => require.resolve('nope', { paths: [`${__dirname}/lib`] }));
show('not found', () => require.resolve('./lib/nope'));
show('resolve.paths of a bare name', () => inTree(require.resolve.paths('anything')));
show('resolve.paths of a relative id', () => require.resolve.paths('./lib/a'));
show('resolve.paths of a built-in', () => require.resolve.paths('fs'));
show('resolve.paths of node:fs', () => require.resolve.paths('node:fs'));
show('invalid id', () => require.resolve(''));
show('not a string', () => require.resolve(42));

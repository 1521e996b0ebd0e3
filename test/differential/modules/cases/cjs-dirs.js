// Directories as modules: package.json "main" (with and without extension, a directory, a JSON
// file), then index.js / index.json; "main" naming a missing file (Node falls back to index.js,
// or fails with its "valid main" message); a package.json without "main"; an invalid package.json.
const { show } = require('./show.cjs');

show('main without extension', () => require('pkg-main').name);
show('main naming a directory', () => require('main-dir').name);
show('main naming a JSON file', () => require('main-json').name);
show('no package.json: index.js', () => require('index-only').name);
show('no package.json: index.json', () => require('index-json').name);
show('package.json without main: index.js', () => require('no-main').name);
show('main missing, index.js present (fallback)', () => require('main-missing').name);
show('main missing, no index', () => require('main-missing-noindex'));
show('main missing, a file of the package still loads', () => require('main-missing-noindex/other').name);
show('main missing: resolve', () => require.resolve('main-missing'));
show('invalid package.json', () => require('bad-json'));
show('invalid package.json, subpath', () => require('bad-json/index.js'));
show('local directory with main', () => require('./lib/dir-pkg').name);
show('local directory, its index.js by name', () => require('./lib/dir-pkg/index').name);

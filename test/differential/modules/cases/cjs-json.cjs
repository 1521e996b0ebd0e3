// JSON modules, from a .cjs entry (CommonJS by its extension): parsed values, via package main and
// directory index, one shared object, an empty file, a parse error (SyntaxError naming the file), package.json.
const { show } = require('./show.cjs');

show('values', () => require('./lib/data.json'));
show('unicode escape', () => require('./lib/data.json').text);
show('without extension', () => require('./lib/onlyjson').name);
show('package main', () => require('main-json').name);
show('directory index.json', () => require('index-json').name);
show('package.json itself', () => require('./package.json').name);
show('parse error', () => require('./lib/bad.json'));
show('parse error again (not cached)', () => require('./lib/bad.json'));
show('empty file', () => require('./lib/empty.json'));
show('exports of a JSON module entry', () => require.cache[require.resolve('./lib/data.json')].exports.nested);

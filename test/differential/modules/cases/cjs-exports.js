// package.json "exports" from require: a string (which hides "main"), a subpath map, "./package.json",
// a null target, subpaths that are not exported, a map without ".", conditions as sugar for ".",
// and folder mappings ("./dir/", removed in Node 17).
const { show } = require('./show.cjs');

show('string exports', () => require('exp-string').name);
show('string exports hides main', () => require('exp-string/not-used.js'));
show('string exports: subpath', () => require('exp-string/main.js'));
show('map "."', () => require('exp-map').name);
show('map subpath', () => require('exp-map/feature').name);
show('map subpath with extension (not a key)', () => require('exp-map/feature.js'));
show('map: unexported file', () => require('exp-map/lib/secret.js'));
show('map: ./package.json', () => require('exp-map/package.json').name);
show('map: null target', () => require('exp-map/hidden'));
show('map: folder mapping "./dir/"', () => require('exp-map/dir/feature.js'));
show('map without "."', () => require('exp-nodot'));
show('map without ".": its subpath', () => require('exp-nodot/only').name);
show('conditions sugar picks require', () => require('exp-sugar').name);
show('resolve of an exported subpath', () => require.resolve('exp-map/feature'));
show('resolve of an unexported subpath', () => require.resolve('exp-map/lib/secret.js'));
show('exports apply only to bare names: relative path works', () => require('./node_modules/exp-map/lib/secret.js').name);

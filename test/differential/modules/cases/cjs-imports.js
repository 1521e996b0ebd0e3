// package.json "imports" from require: "#name", conditional "#cond" (require branch), "#pat/*",
// a bare package as a target and as a pattern target, null, an invalid target, a missing file,
// an undefined name (ERR_PACKAGE_IMPORT_NOT_DEFINED) and invalid "#" specifiers (ERR_INVALID_MODULE_SPECIFIER).
const { show } = require('./show.cjs');

show('#name', () => require('#name').name);
show('#cond picks require', () => require('#cond').name);
show('#pat/* one segment', () => require('#pat/one').name);
show('#pat/* two segments', () => require('#pat/sub/two').name);
show('#dep: a package', () => require('#dep').name);
show('#dep-sub/*: a package subpath', () => require('#dep-sub/x').name);
show('from a file in lib/ (same package.json)', () => require('./lib/uses-imports.js').name);
show('resolve #name', () => require.resolve('#name'));
show('null target', () => require('#null'));
show('target leaving the package', () => require('#bad'));
show('missing file', () => require('#missing'));
show('not defined', () => require('#nope'));
show('pattern without a match', () => require('#pat'));
show('"#" alone', () => require('#'));
show('"#/" prefix', () => require('#/x'));
show('from a package without imports', () => require('no-main/imports-hash.js'));

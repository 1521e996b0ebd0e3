// Self-reference: a package requiring itself by its own name goes through its "exports"
// ("app" here), its subpaths, conditions, an unexported subpath; only from inside that package scope (a
// nested package.json without a name ends it); and the "type" field's effect on .js and .cjs files.
const { show } = require('./show.cjs');

show('own name', () => require('app').name);
show('own name, subpath', () => require('app/util').name);
show('own name, conditions pick require', () => require('app/esm').name);
show('own name, unexported subpath', () => require('app/lib/a.js'));
show('own name resolves to the file', () => require.resolve('app'));
show('same module as by relative path', () => require('app') === require('./lib/self-main.js'));
show('app/package.json is not exported', () => require('app/package.json'));
show('from app/esm (its package.json has no name)', () => require('./esm/self-ref.cjs'));
show('.js under "type": "module"', () => require('./esm/lib.js'));
show('.cjs under "type": "module"', () => require('./esm/helper.cjs').name);
show('.js in a package with "type": "module"', () => require('esm-only'));

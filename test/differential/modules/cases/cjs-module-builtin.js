// require('module'): builtinModules, isBuiltin, createRequire from a path, a directory path and a
// file URL (and its errors), the Module class; node: built-ins and the built-ins the sandbox has.
const { show } = require('./show.cjs');
const Module = require('module');

show('builtinModules has fs, path, module', () => ['fs', 'fs/promises', 'path', 'module'].map((m) => Module.builtinModules.includes(m)));
show('builtinModules has no node: prefix entries for fs', () => Module.builtinModules.includes('node:fs'));
show('isBuiltin', () => ['fs', 'node:fs', 'fs/promises', 'node:test', 'test', 'nope', 'node:nope', 'pkg-main'].map((m) => Module.isBuiltin(m)));
show('Module.Module === Module', () => Module.Module === Module);
show('module instanceof Module', () => module instanceof Module);
show('node: and plain names give the same object', () => require('node:fs') === require('fs') && require('node:path') === require('path'));
show('fs/promises is fs.promises', () => require('fs/promises') === require('fs').promises);
show('built-ins load', () => ['buffer', 'util', 'events', 'stream', 'timers', 'process', 'console'].map((m) => typeof require(m)));
show('process built-in is process', () => require('process') === process);
show('unknown node: built-in', () => require('node:nope'));
const fromFile = Module.createRequire(`${__dirname}/lib/imp/x.js`);
show('createRequire(path): relative', () => fromFile('./name.js').name);
show('createRequire(path): bare', () => fromFile('shared').name);
show('createRequire(path): resolve', () => fromFile.resolve('./pat/one'));
show('createRequire(path): the same cache', () => fromFile.cache === require.cache);
const fromUrl = Module.createRequire(`file://${__dirname}/lib/imp/pat/`);
show('createRequire(file URL of a directory)', () => fromUrl('./one.js').name);
show('createRequire(file URL): resolve', () => fromUrl.resolve('../name'));
show('createRequire(directory path without slash)', () => Module.createRequire(`${__dirname}/lib`)('./a.js'));
show('createRequire(relative path)', () => Module.createRequire('lib/a.js'));
show('createRequire(a number)', () => Module.createRequire(5));
show('createRequire(http URL)', () => Module.createRequire('https://example.com/x.js'));

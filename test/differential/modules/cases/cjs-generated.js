// A program that writes a module and then requires it finds it, even though an earlier require of the
// same name failed in the same run (what is missing is not remembered past a write), for a sync write,
// an async one, a new directory with an index, and a package written into node_modules.
const fs = require('fs');
const path = require('path');
const tryRequire = (id) => { try { return require(id); } catch (e) { return e.code; } };
const dir = path.join(__dirname, 'generated-' + process.pid);
console.log('before', tryRequire(dir + '/gen.js'), tryRequire(dir + '/gen'), tryRequire('generated-pkg'));
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(dir + '/gen.js', 'module.exports = "written sync";');
console.log('after sync write', tryRequire(dir + '/gen'));
fs.promises.writeFile(dir + '/later.js', 'module.exports = "written async";').then(() => {
  console.log('after async write', tryRequire(dir + '/later'));
  fs.mkdirSync(dir + '/sub');
  console.log('empty dir', tryRequire(dir + '/sub'));
  fs.writeFileSync(dir + '/sub/index.js', 'module.exports = "an index";');
  console.log('with index', tryRequire(dir + '/sub'));
  fs.mkdirSync(path.join(__dirname, 'node_modules/generated-pkg'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'node_modules/generated-pkg/index.js'), 'module.exports = "a package";');
  console.log('package', tryRequire('generated-pkg'));
  fs.rmSync(dir, { recursive: true });
  fs.rmSync(path.join(__dirname, 'node_modules/generated-pkg'), { recursive: true });
});

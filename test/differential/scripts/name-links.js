'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// symlink, readlink and link in every form, with Node's argument checks and the kernel's errors.
(async () => {
  const symlink = (target, type) => ({
    sync: (p) => fs.symlinkSync(target, p, type),
    cb: (p, done) => (type === undefined ? fs.symlink(target, p, done) : fs.symlink(target, p, type, done)),
    promise: (p) => fs.promises.symlink(target, p, type),
  });
  for (const p of ['new', 'f.txt', 'd', 'dangling', 'ld', 'nope/x', 'f.txt/x', 'new/', 'd/', 'd/.', 'ld/new', '']) {
    await forms(`symlink x -> ${p}`, [p], symlink('x'));
  }
  for (const [target, type] of [['', undefined], ['../../etc', 'dir'], ['/abs/path', 'file'], ['f.txt', 'junction'], ['f.txt', 5], ['f.txt', 'bogus'], ['f.txt', '']]) {
    await forms(`symlink ${JSON.stringify(target)} type ${JSON.stringify(type)}`, ['new'], symlink(target, type));
  }
  const readlink = (options) => ({
    sync: (p) => fs.readlinkSync(p, options),
    cb: (p, done) => (options === undefined ? fs.readlink(p, done) : fs.readlink(p, options, done)),
    promise: (p) => fs.promises.readlink(p, options),
  });
  for (const p of ['ld', 'lf', 'dangling', 'f.txt', 'd', 'nope', 'ld/', 'lf/', 'dangling/', 'f.txt/', 'ld/g.txt', 'd/.', 'nope/x', '']) {
    await forms(`readlink ${p}`, [p], readlink());
  }
  for (const o of ['hex', 'buffer', { encoding: 'base64' }, { encoding: 'buffer' }, 'nope', 5, null]) await forms(`readlink options ${JSON.stringify(o)}`, ['ld'], readlink(o));
  sync('readlink fixture', () => ['links/to-file', 'links/to-dir', 'links/dangling'].map((l) => fs.readlinkSync(l)));
  sync('readlink bad path', () => fs.readlinkSync(5));
  const link = { sync: (a, b) => fs.linkSync(a, b), cb: (a, b, done) => fs.link(a, b, done), promise: (a, b) => fs.promises.link(a, b) };
  for (const [a, b] of [['f.txt', 'h'], ['d', 'h'], ['f.txt', 'd/g.txt'], ['d', 'd/g.txt'], ['nope', 'h'], ['f.txt', 'nope/h'], ['lf', 'h'], ['dangling', 'h'], ['ld', 'h'],
    ['f.txt/', 'h'], ['f.txt', 'h/'], ['ld/', 'h'], ['f.txt', 'ld/h'], ['f.txt', 'dangling'], ['d/.', 'h'], ['f.txt', 'd/..'], ['', 'h'], ['f.txt', '']]) {
    await forms(`link ${a} -> ${b}`, [a, b], link);
  }
  // A hard link shares the data; a symlink to a link resolves through it.
  fs.writeFileSync('orig.txt', 'one');
  fs.linkSync('orig.txt', 'hard.txt');
  fs.writeFileSync('hard.txt', 'two');
  sync('shared data', () => fs.readFileSync('orig.txt', 'utf8'));
  fs.symlinkSync('hard.txt', 'soft.txt');
  fs.unlinkSync('hard.txt');
  sync('soft after unlink', () => fs.readFileSync('soft.txt', 'utf8'));
  sync('orig after unlink', () => fs.readFileSync('orig.txt', 'utf8'));
  fs.symlinkSync('../dir', 'links/again');
  sync('new link lists', () => fs.readdirSync('links/again'));
  for (const [a, b] of [[5, 'x'], ['x', 5], [null, 'x'], ['x', 'a\u0000']]) {
    sync(`symlink bad ${typeof a} ${typeof b}`, () => fs.symlinkSync(a, b));
    sync(`link bad ${typeof a} ${typeof b}`, () => fs.linkSync(a, b));
    await prom(`symlink promise bad ${typeof a} ${typeof b}`, () => fs.promises.symlink(a, b));
    await prom(`link promise bad ${typeof a} ${typeof b}`, () => fs.promises.link(a, b));
  }
  sync('symlink no callback', () => fs.symlink('x', 'y'));
  sync('link no callback', () => fs.link('bin/a.bin', 'y'));
  sync('readlink no callback', () => fs.readlink('links/to-dir'));
})();

'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// mkdir against more of Node's cases: modes, recursive (its return value), existing entries, links, errors, every form.
(async () => {
  const mkdir = (o) => ({
    sync: (p) => fs.mkdirSync(p, o),
    cb: (p, done) => (o === undefined ? fs.mkdir(p, done) : fs.mkdir(p, o, done)),
    promise: (p) => fs.promises.mkdir(p, o),
  });
  const PATHS = ['new', 'new/', 'new/x', 'f.txt', 'd', 'e/', 'ld', 'lf', 'dangling', 'd/sub/new', 'ld/new', 'f.txt/x', 'nope/x/y', 'd/./new', 'd/sub/../new', 'e/.', 'e/..', ''];
  for (const o of [undefined, { recursive: true }, 0o700, '755', { mode: 0o711, recursive: true }]) {
    for (const p of PATHS) await forms(`mkdir ${p} ${JSON.stringify(o)}`, [p], mkdir(o));
  }
  sync('recursive returns first created', () => fs.mkdirSync('dir/b/x/y/z', { recursive: true }));
  sync('recursive relative dot', () => fs.mkdirSync('./dir/./q/r', { recursive: true }));
  sync('recursive existing', () => fs.mkdirSync('dir/b', { recursive: true }));
  sync('recursive over a file', () => fs.mkdirSync('dir/a.txt/x', { recursive: true }));
  sync('recursive file itself', () => fs.mkdirSync('dir/a.txt', { recursive: true }));
  sync('recursive through link', () => fs.mkdirSync('links/to-dir/m/n', { recursive: true }));
  sync('recursive dangling', () => fs.mkdirSync('links/dangling', { recursive: true }));
  sync('recursive under dangling', () => fs.mkdirSync('links/dangling/x', { recursive: true }));
  sync('recursive trailing slashes', () => fs.mkdirSync('s1/s2//', { recursive: true }));
  // The async walk reports the path it was working on, and ENOTDIR where the sync one says ENOENT.
  for (const p of ['links/dangling/x/y', 'dir/a.txt/x/y', 'links/to-file/x', 'links/to-file', 'nope/../dir/new/x', 'dir/b/c.txt/x']) {
    sync(`walk ${p}`, () => fs.mkdirSync(p, { recursive: true }));
    await cb(`walk cb ${p}`, (done) => fs.mkdir(p, { recursive: true }, done));
    await prom(`walk promise ${p}`, () => fs.promises.mkdir(p, { recursive: true }));
  }
  for (const bad of [{ recursive: 1 }, { recursive: 'yes' }, { mode: 'abc' }, { mode: -1 }, { mode: 2 ** 32 }, { mode: 1.5 }, 'x9', true, null, []]) {
    sync(`bad options ${JSON.stringify(bad)}`, () => fs.mkdirSync('badopt', bad));
    await cb(`bad options cb ${JSON.stringify(bad)}`, (done) => fs.mkdir('badopt', bad, done));
    await prom(`bad options promise ${JSON.stringify(bad)}`, () => fs.promises.mkdir('badopt', bad));
  }
  for (const bad of [5, undefined, {}, 'a\u0000b']) {
    sync(`bad path ${typeof bad}`, () => fs.mkdirSync(bad));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.mkdir(bad));
  }
  sync('no callback', () => fs.mkdir('nocb'));
  if (fs.existsSync('badopt')) fs.rmdirSync('badopt');
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links|s1)\//.test(n)).join(' '));
})();

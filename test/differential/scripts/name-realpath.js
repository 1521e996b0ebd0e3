'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// realpath: the JavaScript walk (realpathSync, realpath) and realpath(3) (.native, fs.promises.realpath), every form and error.
(async () => {
  fs.symlinkSync('loop2', 'loop1');
  fs.symlinkSync('loop1', 'loop2');
  fs.symlinkSync('to-dir/b', 'links/chain');
  fs.symlinkSync('chain/../..', 'links/up');
  const PATHS = ['dir', 'dir/', './dir/b/../a.txt', 'links/to-dir', 'links/to-dir/b/c.txt', 'links/to-file', 'links/chain', 'links/chain/c.txt', 'links/up', 'links/up/text',
    'links/to-dir/../text', 'links/dangling', 'links/dangling/x', 'loop1', 'loop1/x', 'nope', 'nope/x', 'dir/a.txt/', 'dir/a.txt/x', 'links/to-file/', '.', '', 'links/to-dir/b/../../dir'];
  const js = (o) => ({ sync: (p) => fs.realpathSync(p, o), cb: (p, done) => (o === undefined ? fs.realpath(p, done) : fs.realpath(p, o, done)), promise: (p) => fs.promises.realpath(p, o) });
  const native = (o) => ({ sync: (p) => fs.realpathSync.native(p, o), cb: (p, done) => (o === undefined ? fs.realpath.native(p, done) : fs.realpath.native(p, o, done)) });
  for (const p of PATHS) {
    sync(`realpathSync ${p}`, () => fs.realpathSync(p));
    await cb(`realpath ${p}`, (done) => js().cb(p, done));
    sync(`realpathSync.native ${p}`, () => fs.realpathSync.native(p));
    await cb(`realpath.native ${p}`, (done) => native().cb(p, done));
    await prom(`promises.realpath ${p}`, () => fs.promises.realpath(p));
  }
  // Encoded results hold the absolute path: decode them before printing.
  const decode = (o, r) => {
    const enc = typeof o === 'string' ? o : o && o.encoding;
    if (Buffer.isBuffer(r)) return `Buffer ${fix(r.toString())}`;
    return enc && enc !== 'buffer' && enc !== 'utf8' ? `${enc} ${fix(Buffer.from(r, enc).toString())}` : r;
  };
  for (const o of ['hex', 'buffer', { encoding: 'latin1' }, { encoding: 'buffer' }, 'utf8', '', null, 'nope', 5]) {
    const l = JSON.stringify(o);
    sync(`options ${l}`, () => decode(o, js(o).sync('links/to-dir')));
    await cb(`options cb ${l}`, (done) => js(o).cb('links/to-dir', (e, r) => (e ? done(e) : done(e, decode(o, r)))));
    sync(`options native ${l}`, () => decode(o, native(o).sync('links/to-dir')));
    await cb(`options native cb ${l}`, (done) => native(o).cb('links/to-dir', (e, r) => (e ? done(e) : done(e, decode(o, r)))));
    await prom(`options promise ${l}`, () => js(o).promise('links/to-dir').then((r) => decode(o, r)));
  }
  // The JavaScript walk coerces any path to a string; realpath(3) checks the type.
  for (const bad of [5, null, undefined, { toString: () => 'dir' }, { valueOf: () => 'text', toString: () => 'dir' }, true, 'a\u0000b', Buffer.from('links/to-dir')]) {
    const l = typeof bad;
    sync(`coerce ${l}`, () => fs.realpathSync(bad));
    await cb(`coerce cb ${l}`, (done) => fs.realpath(bad, done));
    sync(`native bad ${l}`, () => fs.realpathSync.native(bad));
    await prom(`promise bad ${l}`, () => fs.promises.realpath(bad));
  }
  sync('no callback', () => fs.realpath('dir'));
  sync('native no callback', () => fs.realpath.native('dir'));
  sync('callback not a function', () => fs.realpath('dir', {}, 5));
  console.log(typeof fs.realpathSync.native, typeof fs.realpath.native, fs.realpath.native.name, fs.realpathSync.native.name);
  fs.unlinkSync('loop1');
  fs.unlinkSync('loop2');
})();

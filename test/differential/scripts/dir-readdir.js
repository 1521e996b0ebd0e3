'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// readdir: every form, encoding, withFileTypes, recursive order, and every error Node gives.
(async () => {
  // Names that sort differently by bytes (libuv strcmp) than by UTF-16 or locale.
  fs.mkdirSync('sorted');
  for (const n of ['b', 'B', 'a', '_', 'é', 'z', '😀', '\uffee', '10', '9', '.hidden', 'A b']) fs.writeFileSync(`sorted/${n}`, n);
  sync('sorted', () => fs.readdirSync('sorted'));
  sync('sorted buffer', () => fs.readdirSync('sorted', 'buffer'));
  for (const enc of ['utf8', 'UTF-8', 'hex', 'base64', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le', '', null, undefined, false, 0, 'buffer']) {
    sync(`encoding ${JSON.stringify(enc)}`, () => fs.readdirSync('dir', enc));
    sync(`encoding option ${JSON.stringify(enc)}`, () => fs.readdirSync('dir', { encoding: enc }));
  }
  sync('root of fixture', () => fs.readdirSync('.'));
  sync('dot slash', () => fs.readdirSync('./dir/'));
  sync('dotdot', () => fs.readdirSync('dir/b/..'));
  sync('through link', () => fs.readdirSync('links/to-dir'));
  sync('through link slash', () => fs.readdirSync('links/to-dir/'));
  sync('through link then dotdot', () => fs.readdirSync('links/to-dir/b/..'));
  sync('buffer path', () => fs.readdirSync(Buffer.from('dir')));
  sync('empty dir', () => fs.readdirSync('dir/empty'));
  sync('links', () => fs.readdirSync('links'));

  // withFileTypes: Dirent objects like Node's (fields, methods, class, inspect).
  const ds = fs.readdirSync('links', { withFileTypes: true });
  sync('dirents', () => ds);
  console.log('instanceof', ds.every((d) => d instanceof fs.Dirent), 'keys', Object.keys(ds[0]).join(','), 'symbols', Object.getOwnPropertySymbols(ds[0]).length);
  console.log('inspect', require('util').inspect(ds[0]));
  console.log(fs.readdirSync('dir', { withFileTypes: true }));
  sync('dirents hex', () => fs.readdirSync('dir', { withFileTypes: true, encoding: 'hex' }));
  sync('dirents buffer', () => fs.readdirSync('dir', { withFileTypes: true, encoding: 'buffer' }));
  sync('dirents buffer path', () => fs.readdirSync(Buffer.from('dir'), { withFileTypes: true }));
  sync('dirents truthy flag', () => fs.readdirSync('dir', { withFileTypes: 'yes' }));

  // recursive: the sync walk is breadth-first and follows links to directories for names only.
  sync('recursive', () => fs.readdirSync('.', { recursive: true }).filter((n) => !n.startsWith('b')));
  sync('recursive dir', () => fs.readdirSync('dir', { recursive: true }));
  sync('recursive links', () => fs.readdirSync('links', { recursive: true }));
  sync('recursive dirents', () => fs.readdirSync('dir', { recursive: true, withFileTypes: true }));
  sync('recursive dirents dot', () => fs.readdirSync('.', { recursive: true, withFileTypes: true }).filter((d) => !d.parentPath.startsWith('b')));
  sync('recursive slash', () => fs.readdirSync('./dir/', { recursive: true }));
  sync('recursive hex', () => fs.readdirSync('dir', { recursive: true, encoding: 'hex' }));
  sync('recursive hex dirents', () => fs.readdirSync('dir', { recursive: true, encoding: 'hex', withFileTypes: true }));
  sync('recursive buffer', () => fs.readdirSync('dir', { recursive: true, encoding: 'buffer' }));
  sync('recursive buffer dirents', () => fs.readdirSync('dir', { recursive: true, encoding: 'buffer', withFileTypes: true }));
  // (A Uint8Array, not a Buffer: the error names the class.)
  sync('recursive buffer path', () => fs.readdirSync(new Uint8Array(Buffer.from('dir')), { recursive: true }));
  sync('recursive buffer path empty', () => fs.readdirSync(Buffer.from('dir/empty'), { recursive: true }));
  sync('recursive buffer path files only', () => fs.readdirSync(Buffer.from('dir/b'), { recursive: true, withFileTypes: true }));
  sync('recursive false', () => fs.readdirSync('dir', { recursive: false }));
  sync('recursive null', () => fs.readdirSync('dir', { recursive: null }));

  // Errors.
  fs.symlinkSync('loop2', 'loop1');
  fs.symlinkSync('loop1', 'loop2');
  for (const p of ['nope', 'dir/a.txt', 'dir/a.txt/', 'dir/a.txt/x', 'nope/x', 'links/dangling', 'links/to-file', 'loop1', '', 'dir/empty/../a.txt']) {
    sync(`error ${p}`, () => fs.readdirSync(p));
    await cb(`error cb ${p}`, (done) => fs.readdir(p, done));
    await prom(`error promise ${p}`, () => fs.promises.readdir(p));
  }
  sync('recursive missing', () => fs.readdirSync('nope', { recursive: true }));
  for (const bad of [5, null, undefined, {}, true, 'a\u0000b', Buffer.from('a\u0000b')]) {
    sync(`bad path ${typeof bad}`, () => fs.readdirSync(bad));
    await cb(`bad path cb ${typeof bad}`, (done) => fs.readdir(bad, done));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.readdir(bad));
  }
  for (const bad of [5, true, 'nope', { encoding: 'nope' }, { encoding: 5 }, { recursive: 1 }, { recursive: 'yes' }, []]) {
    sync(`bad options ${JSON.stringify(bad)}`, () => fs.readdirSync('dir', bad));
    await cb(`bad options cb ${JSON.stringify(bad)}`, (done) => fs.readdir('dir', bad, done));
    await prom(`bad options promise ${JSON.stringify(bad)}`, () => fs.promises.readdir('dir', bad));
  }
  sync('no callback', () => fs.readdir('dir'));
  sync('callback not a function', () => fs.readdir('dir', {}, 'nope'));

  // Callback and promise forms.
  await cb('cb', (done) => fs.readdir('dir', done));
  await cb('cb options', (done) => fs.readdir('dir', 'hex', done));
  await cb('cb dirents', (done) => fs.readdir('links', { withFileTypes: true }, done));
  await cb('cb recursive (synchronous callback)', (done) => fs.readdir('dir', { recursive: true }, done));
  await cb('cb recursive missing', (done) => fs.readdir('nope', { recursive: true }, done));
  await prom('promise', () => fs.promises.readdir('dir'));
  await prom('promise dirents', () => fs.promises.readdir('links', { withFileTypes: true }));
  // The promise walk takes the last queued directory first.
  await prom('promise recursive', () => fs.promises.readdir('.', { recursive: true }).then((r) => r.filter((n) => !n.startsWith('b'))));
  await prom('promise recursive dirents', () => fs.promises.readdir('.', { recursive: true, withFileTypes: true }).then((r) => r.filter((d) => !`${d.parentPath}/${d.name}`.startsWith('b'))));
  await prom('promise recursive truthy', () => fs.promises.readdir('dir', { recursive: 1 }));
  await prom('promise recursive hex dirents', () => fs.promises.readdir('dir', { recursive: true, encoding: 'hex', withFileTypes: true }));
  await prom('promise recursive buffer path', () => fs.promises.readdir(new Uint8Array(Buffer.from('dir')), { recursive: true }));
  console.log('same promises object', require('fs/promises') === fs.promises, require('fs/promises').readdir === fs.promises.readdir);
  fs.unlinkSync('loop1');
  fs.unlinkSync('loop2');
  fs.rmSync('sorted', { recursive: true });
  console.log('tree', tree('.').split(' ').filter((n) => !n.startsWith('./b')).join(' '));
})();

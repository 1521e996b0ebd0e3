'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// access and exists: modes, fs.constants, permission bits (as the same user Node runs as), errors, odd arguments.
(async () => {
  const { F_OK, R_OK, W_OK, X_OK } = fs.constants;
  console.log('modes', F_OK, R_OK, W_OK, X_OK, fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK, fs.constants === fs.promises.constants);
  console.log('constants', JSON.stringify(fs.constants), Object.getPrototypeOf(fs.constants), Object.isFrozen(fs.constants));
  const d = Object.getOwnPropertyDescriptor(fs.constants, 'O_CREAT');
  console.log('descriptor', d.writable, d.enumerable, d.configurable, JSON.stringify(Object.getOwnPropertyDescriptor(fs, 'X_OK')));
  try { fs.constants.F_OK = 99; } catch (e) { console.log('assign', e.name); }
  console.log('still', fs.constants.F_OK);
  fs.writeFileSync('exec.sh', '#!/bin/sh\n');
  fs.chmodSync('exec.sh', 0o755);
  fs.writeFileSync('none.txt', 'x');
  fs.chmodSync('none.txt', 0);
  fs.writeFileSync('ro.txt', 'x');
  fs.chmodSync('ro.txt', '444');
  fs.symlinkSync('exec.sh', 'exec-link');
  const PATHS = ['dir', 'dir/a.txt', 'exec.sh', 'none.txt', 'ro.txt', 'exec-link', 'links/to-dir', 'links/dangling', 'links/to-file', 'nope', 'nope/x', 'dir/a.txt/', 'dir/', 'dir/a.txt/x', '', '.', 'links/to-dir/../text'];
  for (const p of PATHS) {
    for (const mode of [undefined, F_OK, R_OK, W_OK, X_OK, R_OK | W_OK, R_OK | X_OK, 7]) {
      sync(`access ${p} ${mode}`, () => fs.accessSync(p, mode));
    }
    await cb(`access cb ${p}`, (done) => fs.access(p, done));
    await cb(`access cb ${p} X_OK`, (done) => fs.access(p, X_OK, done));
    await prom(`access promise ${p}`, () => fs.promises.access(p));
    await prom(`access promise ${p} X_OK`, () => fs.promises.access(p, X_OK));
    console.log(`existsSync ${p}`, fs.existsSync(p));
    await new Promise((resolve) => fs.exists(p, (...args) => { console.log(`exists ${p}`, args.length, args[0]); resolve(); }));
  }
  for (const mode of [8, -1, 'r', 1.5, 7.9, -0.5, null, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32 + 1, {}, true, '4']) {
    sync(`bad mode ${String(mode)}`, () => fs.accessSync('dir', mode));
    await cb(`bad mode cb ${String(mode)}`, (done) => fs.access('dir', mode, done));
    await prom(`bad mode promise ${String(mode)}`, () => fs.promises.access('dir', mode));
  }
  for (const bad of [5, null, undefined, {}, 'a\u0000b', Buffer.from('dir'), Buffer.from('a\u0000')]) {
    sync(`bad path ${typeof bad}`, () => fs.accessSync(bad));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.access(bad));
    console.log(`existsSync bad ${typeof bad}`, fs.existsSync(bad));
    let order = 'sync';
    await new Promise((resolve) => { fs.exists(bad, (...args) => { console.log(`exists bad ${typeof bad}`, order, args.length, args[0]); resolve(); }); order = 'async'; });
  }
  console.log('existsSync no args', fs.existsSync());
  sync('exists no callback', () => fs.exists('dir'));
  sync('access no callback', () => fs.access('dir'));
  sync('access mode no callback', () => fs.access('dir', R_OK));
  const promisified = fs.exists[Symbol.for('nodejs.util.promisify.custom')];
  console.log('promisify custom', typeof promisified, await promisified('dir'), await promisified('nope'));
  for (const f of ['exec.sh', 'none.txt', 'ro.txt']) fs.chmodSync(f, 0o644);
})();

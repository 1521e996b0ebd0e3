'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// chmod, chown, lchown, utimes, lutimes: every form, path errors, Node's argument checks. (Effects: test/e2e/dirs-meta.test.ts.)
(async () => {
  const PATHS = ['f.txt', 'd', 'ld', 'lf', 'dangling', 'nope', 'nope/x', 'f.txt/', 'f.txt/x', 'd/', 'ld/', 'lf/', '', 'd/sub/..'];
  const op = (name, ...rest) => ({
    sync: (p) => fs[`${name}Sync`](p, ...rest),
    cb: (p, done) => fs[name](p, ...rest, done),
    promise: (p) => fs.promises[name](p, ...rest),
  });
  for (const p of PATHS) {
    await forms(`chmod ${p}`, [p], op('chmod', 0o750));
    await forms(`chown ${p}`, [p], op('chown', 0, 0));
    await forms(`lchown ${p}`, [p], op('lchown', -1, -1));
    await forms(`utimes ${p}`, [p], op('utimes', 1000, new Date(2000000)));
    await forms(`lutimes ${p}`, [p], op('lutimes', '12.5', 3));
  }
  // chmod to 0o755 makes a file executable for X_OK, to 0o644 not.
  fs.writeFileSync('x.sh', '');
  for (const mode of [0o755, '644', 0o100, 0o7777 + 0o170000, 0]) {
    sync(`chmod ${mode}`, () => fs.chmodSync('x.sh', mode));
    sync(`  then X_OK`, () => fs.accessSync('x.sh', fs.constants.X_OK));
  }
  fs.chmodSync('x.sh', 0o644);
  for (const mode of ['abc', -1, 2 ** 32, null, undefined, {}, 1.5, '0o7', '8', '']) {
    sync(`chmod bad ${JSON.stringify(mode)}`, () => fs.chmodSync('x.sh', mode));
    await cb(`chmod bad cb ${JSON.stringify(mode)}`, (done) => fs.chmod('x.sh', mode, done));
    await prom(`chmod bad promise ${JSON.stringify(mode)}`, () => fs.promises.chmod('x.sh', mode));
  }
  for (const [uid, gid] of [[-2, 0], [0, -2], [2 ** 32, 0], [0, 2 ** 32 - 1 + 0.5], ['0', 0], [0, null], [undefined, 0], [1.5, 0], [NaN, 0], [2 ** 53, 0]]) {
    const l = `${String(uid)} ${String(gid)}`;
    sync(`chown bad ${l}`, () => fs.chownSync('x.sh', uid, gid));
    sync(`lchown bad ${l}`, () => fs.lchownSync('x.sh', uid, gid));
    await cb(`chown bad cb ${l}`, (done) => fs.chown('x.sh', uid, gid, done));
    await prom(`chown bad promise ${l}`, () => fs.promises.chown('x.sh', uid, gid));
  }
  for (const t of ['abc', {}, undefined, NaN, Infinity, null, true, [], '', ' 12 ', '1e3', -5, new Date(NaN)]) {
    const l = String(t instanceof Date ? 'Invalid Date' : JSON.stringify(t));
    sync(`utimes bad atime ${l}`, () => fs.utimesSync('x.sh', t, 0));
    sync(`utimes bad mtime ${l}`, () => fs.utimesSync('x.sh', 0, t));
    sync(`lutimes bad ${l}`, () => fs.lutimesSync('x.sh', t, 0));
    await cb(`utimes bad cb ${l}`, (done) => fs.utimes('x.sh', t, 0, done));
    await prom(`utimes bad promise ${l}`, () => fs.promises.utimes('x.sh', t, 0));
  }
  for (const bad of [5, undefined, {}, 'a\u0000b']) {
    sync(`chmod bad path ${typeof bad}`, () => fs.chmodSync(bad, 0o644));
    sync(`chown bad path ${typeof bad}`, () => fs.chownSync(bad, 0, 0));
    sync(`utimes bad path ${typeof bad}`, () => fs.utimesSync(bad, 0, 0));
    sync(`lutimes bad path ${typeof bad}`, () => fs.lutimesSync(bad, 0, 0));
  }
  sync('chmod no callback', () => fs.chmod('x.sh', 0o644));
  sync('chown no callback', () => fs.chown('x.sh', 0, 0));
  sync('utimes no callback', () => fs.utimes('x.sh', 0, 0));
  sync('lutimes no callback', () => fs.lutimes('x.sh', 0, 0));
})();

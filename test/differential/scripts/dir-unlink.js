'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// unlink in every form: files, links (never followed), directories (EISDIR), trailing slashes, errors.
(async () => {
  const unlink = { sync: (p) => fs.unlinkSync(p), cb: (p, done) => fs.unlink(p, done), promise: (p) => fs.promises.unlink(p) };
  for (const p of ['f.txt', 'lf', 'ld', 'dangling', 'd', 'e', 'd/', 'f.txt/', 'ld/', 'lf/', 'nope', 'nope/', 'nope/x', 'f.txt/x', 'd/g.txt', 'ld/g.txt', 'd/sub/../g.txt', '.', 'd/..']) {
    await forms(`unlink ${p}`, [p], unlink);
  }
  sync('unlink empty', () => fs.unlinkSync(''));
  for (const bad of [5, undefined, null, {}, 'a\u0000b', Buffer.from('x\u0000')]) {
    sync(`bad path ${typeof bad}`, () => fs.unlinkSync(bad));
    await cb(`bad path cb ${typeof bad}`, (done) => fs.unlink(bad, done));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.unlink(bad));
  }
  sync('no callback', () => fs.unlink('bin/a.bin'));
  sync('buffer path', () => fs.unlinkSync(Buffer.from('bin/a.bin')));
  sync('fixture link', () => fs.unlinkSync('links/dangling'));
  sync('fixture link to dir', () => fs.unlinkSync('links/to-dir'));
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links)\//.test(n)).join(' '));
})();

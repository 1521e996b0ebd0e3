'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// rename in every form, with the kernel's answers memfs does not give (EINVAL, EISDIR, ENOTDIR, ENOTEMPTY, EBUSY).
(async () => {
  const rename = { sync: (a, b) => fs.renameSync(a, b), cb: (a, b, done) => fs.rename(a, b, done), promise: (a, b) => fs.promises.rename(a, b) };
  const CASES = [
    ['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['f.txt', 'd'], ['f.txt', 'e'], ['d', 'e'], ['e', 'd'], ['d', 'f.txt'], ['d', 'd/sub/x'], ['d', 'd/x'],
    ['d/sub', 'd'], ['d', 'd'], ['d', 'd/'], ['f.txt', 'f.txt'], ['nope', 'x'], ['f.txt', 'nope/x'], ['f.txt', 'f.txt/x'], ['f.txt/', 'x'], ['f.txt', 'x/'],
    ['d', 'newd/'], ['d/', 'newd'], ['ld', 'newl'], ['ld/', 'newl'], ['lf', 'newl'], ['dangling', 'newl'], ['d', 'ld'], ['ld', 'd'], ['ld', 'e'],
    ['f.txt', 'lf'], ['f.txt', 'dangling'], ['d/g.txt', 'ld/moved'], ['ld/g.txt', 'f2.txt'], ['d/sub/..', 'x'], ['d/.', 'x'], ['x', 'd/.'], ['f.txt', 'e/..'],
    ['e', 'd/sub'], ['d/sub', 'e'], ['d/sub/h.txt', 'd/sub/../h.txt'],
  ];
  for (const [a, b] of CASES) await forms(`rename ${a} -> ${b}`, [a, b], rename);
  await forms('rename empty', ['', 'x'], rename);
  await forms('rename to empty', ['f.txt', ''], rename);
  // Hard links to one file: rename between them does nothing.
  fs.writeFileSync('h1', 'h');
  fs.linkSync('h1', 'h2');
  sync('rename hard link onto its twin', () => fs.renameSync('h1', 'h2'));
  console.log(fs.readdirSync('.').filter((x) => x.startsWith('h')), fs.readFileSync('h2', 'utf8'));
  // The fixture's own directories.
  sync('rename fixture root', () => fs.renameSync('.', 'x'));
  sync('rename into link dir', () => fs.renameSync('dir/a.txt', 'links/to-dir/a2.txt'));
  sync('rename dir into itself via link', () => fs.renameSync('dir', 'links/to-dir/b/x'));
  for (const [a, b] of [[5, 'x'], ['x', 5], [null, 'x'], ['a\u0000', 'x'], ['bin/a.bin', {}]]) {
    sync(`bad ${typeof a} ${typeof b}`, () => fs.renameSync(a, b));
    await cb(`bad cb ${typeof a} ${typeof b}`, (done) => fs.rename(a, b, done));
    await prom(`bad promise ${typeof a} ${typeof b}`, () => fs.promises.rename(a, b));
  }
  sync('no callback', () => fs.rename('bin/a.bin', 'bin/b.bin'));
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links)\//.test(n)).join(' '));
})();

'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// copyFile in every form: modes, COPYFILE_EXCL, directories (which delete the destination, as libuv does), links, errors.
(async () => {
  const copy = (mode) => ({
    sync: (a, b) => (mode === undefined ? fs.copyFileSync(a, b) : fs.copyFileSync(a, b, mode)),
    cb: (a, b, done) => (mode === undefined ? fs.copyFile(a, b, done) : fs.copyFile(a, b, mode, done)),
    promise: (a, b) => (mode === undefined ? fs.promises.copyFile(a, b) : fs.promises.copyFile(a, b, mode)),
  });
  const CASES = [
    ['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['f.txt', 'd'], ['f.txt', 'ld'], ['f.txt', 'lf'], ['f.txt', 'dangling'], ['f.txt', 'f.txt'], ['f.txt', 'lf'],
    ['lf', 'copy.txt'], ['ld', 'copy'], ['d', 'copy'], ['d', 'd/g.txt'], ['d', 'dangling'], ['dangling', 'copy'], ['nope', 'copy'], ['f.txt', 'nope/x'],
    ['f.txt', 'f.txt/x'], ['f.txt/', 'x'], ['f.txt', 'x/'], ['f.txt', 'd/'], ['d/sub/../g.txt', 'ld/g2.txt'], ['f.txt', 'e/..'], ['', 'x'], ['f.txt', ''],
  ];
  for (const mode of [undefined, fs.constants.COPYFILE_EXCL]) {
    for (const [a, b] of CASES) await forms(`copyFile ${a} -> ${b} mode ${mode}`, [a, b], copy(mode));
  }
  // Other modes: 0, FICLONE (copies when reflinks are missing), EXCL | FICLONE, and a fraction (truncated to EXCL).
  for (const mode of [0, fs.constants.COPYFILE_FICLONE, 3, 1.9]) {
    for (const [a, b] of [['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['d', 'd/g.txt'], ['f.txt', 'dangling']]) {
      await forms(`copyFile ${a} -> ${b} mode ${mode}`, [a, b], copy(mode));
    }
  }
  sync('contents', () => fs.readFileSync('t0/new.txt', 'utf8'));
  for (const mode of [8, -1, 'r', null, NaN, Infinity, 2 ** 31, {}, true]) {
    sync(`bad mode ${String(mode)}`, () => fs.copyFileSync('bin/a.bin', 'copy', mode));
    await cb(`bad mode cb ${String(mode)}`, (done) => fs.copyFile('bin/a.bin', 'copy', mode, done));
    await prom(`bad mode promise ${String(mode)}`, () => fs.promises.copyFile('bin/a.bin', 'copy', mode));
  }
  for (const [a, b] of [[5, 'x'], ['bin/a.bin', 5], [undefined, 'x'], ['a\u0000', 'x']]) {
    sync(`bad path ${typeof a} ${typeof b}`, () => fs.copyFileSync(a, b));
    await cb(`bad path cb ${typeof a} ${typeof b}`, (done) => fs.copyFile(a, b, done));
    await prom(`bad path promise ${typeof a} ${typeof b}`, () => fs.promises.copyFile(a, b));
  }
  sync('no callback', () => fs.copyFile('bin/a.bin', 'copy2'));
  sync('big file', () => fs.copyFileSync('big/1m.bin', 'big/copy.bin'));
  sync('big file equal', () => fs.readFileSync('big/copy.bin').equals(fs.readFileSync('big/1m.bin')));
  sync('through fixture link', () => fs.copyFileSync('links/to-file', 'links/to-dir/copied.txt'));
  sync('constants', () => [fs.constants.COPYFILE_EXCL, fs.constants.COPYFILE_FICLONE, fs.constants.COPYFILE_FICLONE_FORCE]);
})();

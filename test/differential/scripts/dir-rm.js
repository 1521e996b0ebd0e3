'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// rm and rmdir in every form, with Node's rimraf quirks, and every error.
function mk(p) {
  fs.mkdirSync(`${p}/d/sub`, { recursive: true });
  fs.writeFileSync(`${p}/f.txt`, 'f');
  fs.writeFileSync(`${p}/d/g.txt`, 'g');
  fs.writeFileSync(`${p}/d/sub/h.txt`, 'h');
  fs.mkdirSync(`${p}/e`);
  fs.symlinkSync('d', `${p}/ld`);
  fs.symlinkSync('f.txt', `${p}/lf`);
  fs.symlinkSync('nowhere', `${p}/dangling`);
}
const CASES = [
  ['f.txt', undefined], ['d', undefined], ['d', { recursive: true }], ['e', undefined], ['e', { recursive: true }],
  ['nope', undefined], ['nope', { force: true }], ['nope', { force: true, recursive: true }],
  ['f.txt/x', undefined], ['f.txt/x', { force: true }], ['f.txt/x', { force: true, recursive: true }], ['f.txt/', {}], ['f.txt/', { force: true }],
  ['ld', {}], ['ld/', {}], ['ld/', { recursive: true }], ['lf', {}], ['dangling', {}], ['dangling/', { force: true }],
  ['d/', { recursive: true }], ['d/sub/..', { recursive: true }], ['d/.', { recursive: true }], ['.', { recursive: true }],
  ['d/g.txt', { recursive: true, force: true, maxRetries: 2, retryDelay: 1 }],
];
(async () => {
  let n = 0;
  for (const [p, o] of CASES) {
    for (const form of ['sync', 'cb', 'promise']) {
      const root = `rm${n++}`;
      // Node's async rm removes a directory's entries in parallel; through 'd/sub/..' that races with
      // removing 'sub' itself, so what is left varies from run to run under node: only the sync form is compared.
      if (p === 'd/sub/..' && form !== 'sync') continue;
      mk(root);
      const target = p === '.' ? root : `${root}/${p}`;
      const label = `rm ${form} ${p} ${JSON.stringify(o)}`;
      if (form === 'sync') sync(label, () => fs.rmSync(target, o));
      else if (form === 'cb') await cb(label, (done) => (o === undefined ? fs.rm(target, done) : fs.rm(target, o, done)));
      else await prom(label, () => fs.promises.rm(target, o));
      console.log('  left:', fs.existsSync(root) ? tree(root) : '(gone)');
    }
  }
  const RMDIR = [
    ['e', undefined], ['d', undefined], ['f.txt', undefined], ['ld', undefined], ['ld/', undefined], ['dangling', undefined], ['nope', undefined],
    ['f.txt/x', undefined], ['e/', undefined], ['e/.', undefined], ['d/sub/..', undefined], ['d', { recursive: true }], ['f.txt', { recursive: true }],
    ['nope', { recursive: true }], ['ld', { recursive: true }], ['ld/', { recursive: true }], ['e', { recursive: false }], ['d', { recursive: false, maxRetries: 1 }],
  ];
  for (const [p, o] of RMDIR) {
    for (const form of ['sync', 'cb', 'promise']) {
      const root = `rmdir${n++}`;
      mk(root);
      const target = `${root}/${p}`;
      const label = `rmdir ${form} ${p} ${JSON.stringify(o)}`;
      if (form === 'sync') sync(label, () => fs.rmdirSync(target, o));
      else if (form === 'cb') await cb(label, (done) => (o === undefined ? fs.rmdir(target, done) : fs.rmdir(target, o, done)));
      else await prom(label, () => fs.promises.rmdir(target, o));
      console.log('  left:', fs.existsSync(root) ? tree(root) : '(gone)');
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  // rmdir of the fixture's own trees.
  sync('rmdir dir', () => fs.rmdirSync('dir'));
  sync('rmdir dir/empty/.', () => fs.rmdirSync('dir/empty/.'));
  sync('rmdir .', () => fs.rmdirSync('.'));
  sync('rmdir links/to-dir/empty', () => fs.rmdirSync('links/to-dir/empty'));
  sync('rmdir links/dangling', () => fs.rmdirSync('links/dangling'));
  sync('rmdir empty path', () => fs.rmdirSync(''));
  sync('rm empty path', () => fs.rmSync(''));
  sync('rm empty path force', () => fs.rmSync('', { force: true }));
  // Argument errors.
  for (const bad of [5, true, null, 'str', [], { recursive: 1 }, { force: 'yes' }, { maxRetries: -1 }, { maxRetries: 1.5 }, { retryDelay: 'x' }, { retryDelay: -1 }]) {
    sync(`rm bad options ${JSON.stringify(bad)}`, () => fs.rmSync('bin/a.bin', bad));
    await cb(`rm cb bad options ${JSON.stringify(bad)}`, (done) => fs.rm('bin/a.bin', bad, done));
    await prom(`rm promise bad options ${JSON.stringify(bad)}`, () => fs.promises.rm('bin/a.bin', bad));
    sync(`rmdir bad options ${JSON.stringify(bad)}`, () => fs.rmdirSync('dir/empty', bad));
    await cb(`rmdir cb bad options ${JSON.stringify(bad)}`, (done) => fs.rmdir('dir/empty', bad, done));
    await prom(`rmdir promise bad options ${JSON.stringify(bad)}`, () => fs.promises.rmdir('dir/empty', bad));
  }
  for (const bad of [5, undefined, {}, 'a\u0000b']) {
    sync(`rm bad path ${typeof bad}`, () => fs.rmSync(bad));
    sync(`rmdir bad path ${typeof bad}`, () => fs.rmdirSync(bad));
    await prom(`rm promise bad path ${typeof bad}`, () => fs.promises.rm(bad));
  }
  sync('rmdir no callback', () => fs.rmdir('dir/empty'));
  // ERR_FS_EISDIR is a SystemError with info, errno 21 and getters.
  try { fs.rmSync('dir'); } catch (e) {
    console.log(String(e), '|', Object.keys(e).join(','), '|', JSON.stringify(e.info), e.errno, e.syscall, e.path, e instanceof Error);
    e.path = 'other'; e.errno = 5;
    console.log(e.path, e.info.path, e.errno, e.info.errno);
  }
  console.log('tree', tree('.').split(' ').filter((n) => !n.startsWith('./b')).join(' '));
})();

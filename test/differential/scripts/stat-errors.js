// stat, lstat and fstat errors in every form: Node's name, code, errno, syscall, path and message.
const fs = require('fs');
const show = (e) => [e instanceof Error, e.name, e.code, e.errno, e.syscall, e.path, e.message, Object.keys(e).join(',')].join(' | ');
const t = (label, f) => {
  try {
    const v = f();
    console.log(label, 'ok', v === undefined ? 'undefined' : v.constructor.name);
  } catch (e) {
    console.log(label, show(e));
  }
};
console.log('start');
fs.symlinkSync('loop-b', 'loop-a');
fs.symlinkSync('loop-a', 'loop-b');

for (const [name, fn] of [['stat', fs.statSync], ['lstat', fs.lstatSync]]) {
  t(`${name} ENOENT`, () => fn('nope.txt'));
  t(`${name} ENOENT nested`, () => fn('nope/deeper/x'));
  t(`${name} ENOENT dangling`, () => fn('links/dangling'));
  t(`${name} ENOTDIR`, () => fn('dir/a.txt/x'));
  t(`${name} ENOTDIR trailing slash`, () => fn('dir/a.txt/'));
  t(`${name} ELOOP`, () => fn('loop-a'));
  t(`${name} ELOOP below`, () => fn('loop-a/x'));
  t(`${name} ELOOP no throw`, () => fn('loop-a', { throwIfNoEntry: false }));
  t(`${name} ENOTDIR no throw`, () => fn('dir/a.txt/x', { throwIfNoEntry: false }));
  t(`${name} ENOENT no throw`, () => fn('nope.txt', { throwIfNoEntry: false }));
  t(`${name} ENOENT throwIfNoEntry 0`, () => fn('nope.txt', { throwIfNoEntry: 0 }));
  t(`${name} ENOENT empty options`, () => fn('nope.txt', {}));
  t(`${name} empty path`, () => fn(''));
  t(`${name} path type`, () => fn(5));
  t(`${name} path null`, () => fn(null));
  t(`${name} path null byte`, () => fn('a\0b'));
  t(`${name} path Buffer`, () => fn(Buffer.from('dir/a.txt')));
  t(`${name} null options`, () => fn('dir', null));
  t(`${name} string options`, () => fn('dir', 'x'));
}
t('fstat EBADF', () => fs.fstatSync(2 ** 30));
for (const fd of ['1', null, -1, 1.5, 2 ** 31, 3n, {}]) t(`fstat fd ${String(fd)}`, () => fs.fstatSync(fd));
t('fstat null options', () => fs.fstatSync(0, null));

// One callback at a time: Node's thread pool may finish concurrent calls in any order.
const cbt = (label, f) =>
  new Promise((resolve) => {
    try {
      f((e, s) => {
        console.log(label, 'cb', e ? show(e) : `ok ${s && s.constructor.name}`);
        resolve();
      });
    } catch (e) {
      console.log(label, 'throws', show(e));
      resolve();
    }
  });
(async () => {
  await cbt('stat cb ENOENT', (cb) => fs.stat('nope.txt', cb));
  await cbt('stat cb ENOTDIR', (cb) => fs.stat('dir/a.txt/x', { bigint: true }, cb));
  await cbt('stat cb ELOOP', (cb) => fs.stat('loop-a', cb));
  await cbt('lstat cb ENOENT', (cb) => fs.lstat('nope/x', cb));
  await cbt('stat no cb', () => fs.stat('dir'));
  await cbt('stat cb bad path', (cb) => fs.stat(5, cb));
  await cbt('stat cb not a function', () => fs.stat('dir', {}, 'cb'));
  await cbt('fstat cb EBADF', (cb) => fs.fstat(2 ** 30, cb));
  await cbt('fstat cb bad fd', (cb) => fs.fstat('x', cb));
  await cbt('fstat no cb', () => fs.fstat(0));
  for (const [label, p] of [
    ['promise stat ENOENT', () => fs.promises.stat('nope.txt')],
    ['promise lstat ENOTDIR', () => fs.promises.lstat('dir/a.txt/')],
    ['promise stat ELOOP', () => fs.promises.stat('loop-b')],
    ['promise stat bad path', () => fs.promises.stat({})],
    ['promise stat ok', () => fs.promises.stat('dir/a.txt')],
  ]) {
    try {
      console.log(label, 'ok', (await p()).constructor.name);
    } catch (e) {
      console.log(label, show(e));
    }
  }
  fs.unlinkSync('loop-a');
  fs.unlinkSync('loop-b');
})();

// Descriptor errors, sync and callback forms: Node's name, code, errno, syscall, path and message.
const fs = require('fs');
const show = (e) => [e instanceof Error, e.name, e.code, e.errno, e.syscall, e.path, e.message].join(' | ');
const t = (label, f) => {
  try {
    console.log(label, 'ok', f());
  } catch (e) {
    console.log(label, show(e));
  }
};
// Print first: Node opens descriptors of its own when stdout is first used.
console.log('start');
fs.mkdirSync('out');
fs.writeFileSync('out/f.txt', 'hello');
const r = fs.openSync('out/f.txt', 'r');
const w = fs.openSync('out/f.txt', 'a');
const d = fs.openSync('dir', 'r');
const closed = fs.openSync('out/f.txt', 'r');
fs.closeSync(closed);

// System errors.
t('open ENOENT', () => fs.openSync('nope/x.txt', 'r'));
t('open ENOENT file', () => fs.openSync('missing.txt'));
t('open ENOTDIR', () => fs.openSync('out/f.txt/x', 'r'));
t('open EEXIST wx', () => fs.openSync('out/f.txt', 'wx'));
t('open EEXIST ax+', () => fs.openSync('out/f.txt', 'ax+'));
t('open EISDIR w', () => fs.openSync('dir', 'w'));
t('open EISDIR r+', () => fs.openSync('dir/', 'r+'));
t('open dir r', () => {
  const x = fs.openSync('dir', 'r');
  fs.closeSync(x);
  return typeof x;
});
t('read EBADF closed', () => fs.readSync(closed, Buffer.alloc(2)));
t('read EBADF unknown', () => fs.readSync(9999, Buffer.alloc(2)));
t('read EBADF write-only', () => fs.readSync(w, Buffer.alloc(2)));
t('read EISDIR', () => fs.readSync(d, Buffer.alloc(2)));
t('write EBADF read-only', () => fs.writeSync(r, 'x'));
t('write EBADF buffer', () => fs.writeSync(r, Buffer.from('x')));
t('write EBADF dir', () => fs.writeSync(d, 'x'));
t('write EBADF closed', () => fs.writeSync(closed, 'x'));
t('close EBADF', () => fs.closeSync(closed));
t('close EBADF unknown', () => fs.closeSync(9999));
t('fstat EBADF', () => fs.fstatSync(9999));
t('ftruncate EINVAL read-only', () => fs.ftruncateSync(r, 1));
t('ftruncate EINVAL dir', () => fs.ftruncateSync(d));
t('ftruncate EBADF', () => fs.ftruncateSync(closed));
t('fsync EBADF', () => fs.fsyncSync(closed));
t('fdatasync EBADF', () => fs.fdatasyncSync(9999));
t('fsync read-only ok', () => fs.fsyncSync(r));
t('readFileSync(fd) EBADF', () => fs.readFileSync(closed));
t('readFileSync(fd) EBADF utf8', () => fs.readFileSync(closed, 'utf8'));
t('readFileSync(fd) EBADF write-only', () => fs.readFileSync(w));
t('readFileSync(fd) EISDIR', () => fs.readFileSync(d));
t('writeFileSync(fd) EBADF', () => fs.writeFileSync(r, 'x'));
t('appendFileSync(fd) EBADF', () => fs.appendFileSync(r, 'x'));
t('writeFileSync(fd) EBADF closed', () => fs.writeFileSync(closed, 'x'));

// Argument errors.
for (const fd of ['1', null, undefined, -1, 1.5, 2 ** 31, NaN, {}, 1n]) {
  t(`fd ${String(fd)} readSync`, () => fs.readSync(fd, Buffer.alloc(1)));
  t(`fd ${String(fd)} writeSync`, () => fs.writeSync(fd, 'x'));
  t(`fd ${String(fd)} closeSync`, () => fs.closeSync(fd));
  t(`fd ${String(fd)} fstatSync`, () => fs.fstatSync(fd));
  t(`fd ${String(fd)} ftruncateSync`, () => fs.ftruncateSync(fd));
  t(`fd ${String(fd)} fsyncSync`, () => fs.fsyncSync(fd));
}
t('fd -0 fstat ok', () => typeof fs.fstatSync(-0));
t('flags bad', () => fs.openSync('out/f.txt', 'rw'));
t('flags object', () => fs.openSync('out/f.txt', {}));
t('flags float', () => fs.openSync('out/f.txt', 1.5));
t('flags big', () => fs.openSync('out/f.txt', 2 ** 40));
t('mode string', () => fs.openSync('out/f.txt', 'r', 'abc'));
t('mode negative', () => fs.openSync('out/f.txt', 'r', -1));
t('mode float', () => fs.openSync('out/f.txt', 'r', 1.5));
t('mode object', () => fs.openSync('out/f.txt', 'r', {}));
t('path type', () => fs.openSync(5));
t('path null byte', () => fs.openSync('a\0b'));
t('buffer type', () => fs.readSync(r, 'abc'));
t('buffer missing', () => fs.readSync(r));
t('buffer empty', () => fs.readSync(r, Buffer.alloc(0), 0, 1, 0));
t('buffer empty length 0', () => fs.readSync(r, Buffer.alloc(0), 0, 0, 0));
t('offset negative', () => fs.readSync(r, Buffer.alloc(4), -1, 1, 0));
t('offset float', () => fs.readSync(r, Buffer.alloc(4), 1.5, 1, 0));
t('offset string', () => fs.readSync(r, Buffer.alloc(4), '1', 1, 0));
t('offset beyond', () => fs.readSync(r, Buffer.alloc(4), 5, 1, 0));
t('length negative', () => fs.readSync(r, Buffer.alloc(4), 0, -1, 0));
t('length beyond', () => fs.readSync(r, Buffer.alloc(4), 1, 4, 0));
t('length huge', () => fs.readSync(r, Buffer.alloc(4), 0, 2 ** 40, 0));
t('position string', () => fs.readSync(r, Buffer.alloc(4), 0, 1, '1'));
t('position -2', () => fs.readSync(r, Buffer.alloc(4), 0, 1, -2));
t('position float', () => fs.readSync(r, Buffer.alloc(4), 0, 1, 0.5));
t('position unsafe', () => fs.readSync(r, Buffer.alloc(4), 0, 1, 2 ** 53));
t('position bigint huge', () => fs.readSync(r, Buffer.alloc(4), 0, 1, 2n ** 63n));
t('position bigint -2', () => fs.readSync(r, Buffer.alloc(4), 0, 1, -2n));
t('position bigint -1', () => fs.readSync(r, Buffer.alloc(4), 0, 1, -1n));
t('options type', () => fs.readSync(r, Buffer.alloc(4), 'x'));
t('options array', () => fs.readSync(r, Buffer.alloc(4), []));
t('options bad offset', () => fs.readSync(r, Buffer.alloc(4), { offset: -1 }));
t('write data type', () => fs.writeSync(w, 5));
t('write data object', () => fs.writeSync(w, { length: 1 }));
t('write offset beyond', () => fs.writeSync(w, Buffer.alloc(3), 4));
t('write length beyond', () => fs.writeSync(w, Buffer.alloc(3), 1, 3));
t('write length negative', () => fs.writeSync(w, Buffer.alloc(3), 0, -1));
t('write offset float', () => fs.writeSync(w, Buffer.alloc(3), 0.5));
t('write hex odd', () => fs.writeSync(w, 'abc', 0, 'hex'));
t('ftruncate len string', () => fs.ftruncateSync(w, '1'));
t('ftruncate len float', () => fs.ftruncateSync(w, 1.5));
t('readFileSync fd 2**31 is a path', () => fs.readFileSync(2 ** 31));
t('readFileSync fd -1', () => fs.readFileSync(-1));
t('readFileSync fd 1.5 is a path', () => fs.readFileSync(1.5));

// Callback forms: argument errors throw, system errors reach the callback. One at a time: Node's
// thread pool may finish concurrent calls in any order.
const cbt = (label, f) =>
  new Promise((resolve) => {
    try {
      f((e, ...v) => {
        console.log(label, 'cb', e ? show(e) : 'ok', v.length);
        resolve();
      });
    } catch (e) {
      console.log(label, 'throws', show(e));
      resolve();
    }
  });
const later = (async () => {
  await cbt('open cb ENOENT', (cb) => fs.open('nope.txt', cb));
  await cbt('open cb EEXIST', (cb) => fs.open('out/f.txt', 'wx', cb));
  await cbt('open cb bad flags', (cb) => fs.open('out/f.txt', 'bad', cb));
  await cbt('open no cb', () => fs.open('out/f.txt', 'r'));
  await cbt('open no cb mode', () => fs.open('out/f.txt', 'r', 0o666));
  await cbt('open no cb path only', () => fs.open('out/f.txt'));
  await cbt('read cb EBADF', (cb) => fs.read(closed, Buffer.alloc(2), 0, 2, 0, cb));
  await cbt('read cb EISDIR', (cb) => fs.read(d, Buffer.alloc(2), 0, 2, null, cb));
  await cbt('read cb bad fd', (cb) => fs.read('x', Buffer.alloc(2), 0, 2, 0, cb));
  await cbt('read cb bad buffer', (cb) => fs.read(r, 'x', 0, 2, 0, cb));
  await cbt('read no cb', () => fs.read(r, Buffer.alloc(2), 0, 2, 0));
  await cbt('read cb bad options', (cb) => fs.read(r, Buffer.alloc(2), 'x', cb));
  await cbt('write cb EBADF', (cb) => fs.write(r, 'x', cb));
  await cbt('write cb EBADF buffer', (cb) => fs.write(r, Buffer.from('x'), 0, 1, 0, cb));
  await cbt('write no cb', () => fs.write(w, 'x'));
  await cbt('write cb bad data', (cb) => fs.write(w, 5, cb));
  await cbt('close cb EBADF', (cb) => fs.close(closed, cb));
  await cbt('close cb bad fd', (cb) => fs.close('x', cb));
  await cbt('close bad cb', () => fs.close(closed, 5));
  await cbt('fstat cb EBADF', (cb) => fs.fstat(closed, cb));
  await cbt('ftruncate cb EINVAL', (cb) => fs.ftruncate(r, 1, cb));
  await cbt('ftruncate cb len fn', (cb) => fs.ftruncate(closed, cb));
  await cbt('fsync cb EBADF', (cb) => fs.fsync(closed, cb));
  await cbt('fdatasync cb EBADF', (cb) => fs.fdatasync(closed, cb));
  await cbt('fsync no cb', () => fs.fsync(r));
  await cbt('writeFile(fd) cb EBADF', (cb) => fs.writeFile(r, 'x', cb));
  await cbt('appendFile(fd) cb EBADF', (cb) => fs.appendFile(r, 'x', 'utf8', cb));
  await cbt('readFile(fd) cb', (cb) => fs.readFile(r, 'utf8', cb));
})();
later.then(() => {
  // After every error, the descriptors still work.
  console.log('recovered', fs.readSync(r, Buffer.alloc(5), 0, 5, 0), fs.readFileSync('out/f.txt', 'utf8'));
  for (const fd of [r, w, d]) fs.closeSync(fd);
});

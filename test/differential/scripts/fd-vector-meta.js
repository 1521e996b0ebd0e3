// readv/writev (sync, callback, FileHandle), fchmod/fchown/futimes and the FileHandle forms,
// truncate by path and by descriptor (with its deprecation warning), statfs, _toUnixTimestamp,
// lchmod as Node 20 on Linux has it, FileReadStream/FileWriteStream, FileHandle.readLines.
const fs = require('fs');
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, '=>', v === undefined ? 'undefined' : JSON.stringify(v));
  } catch (e) {
    console.log(label, 'THROWS', e.name, e.code, e.syscall, e.message);
  }
};
const hex = (views) => views.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'));
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
fs.mkdirSync('vec');
fs.writeFileSync('vec/src.txt', 'hello vectored world\n');

// readv / writev, sync.
const fd = fs.openSync('vec/src.txt', 'r');
const bufs = [Buffer.alloc(3), new Uint16Array(2), Buffer.alloc(0), new DataView(new ArrayBuffer(30), 4, 20)];
show('readvSync at 1', () => [fs.readvSync(fd, bufs, 1), hex(bufs)]);
show('readvSync current', () => [fs.readvSync(fd, [Buffer.alloc(4)]), fs.readvSync(fd, [Buffer.alloc(4)], null), fs.readvSync(fd, [Buffer.alloc(4)], '3')]);
show('readvSync past end', () => fs.readvSync(fd, [Buffer.alloc(4)], 1000));
show('readvSync empty list', () => fs.readvSync(fd, []));
for (const bad of [null, [1], 'x', [Buffer.alloc(1), {}], { length: 1, 0: Buffer.alloc(1) }]) show(`readvSync bad ${JSON.stringify(bad)}`, () => fs.readvSync(fd, bad));
show('readvSync bad fd', () => fs.readvSync(-1, [Buffer.alloc(1)]));
show('readvSync closed fd', () => fs.readvSync(99999, [Buffer.alloc(1)]));
const wfd = fs.openSync('vec/out.bin', 'w+');
show('writevSync at 2', () => fs.writevSync(wfd, [Buffer.from('ab'), new Uint8Array([99, 100])], 2));
show('writevSync current', () => fs.writevSync(wfd, [Buffer.from('Z'), Buffer.from('YX')]));
show('writevSync empty', () => fs.writevSync(wfd, []));
show('writevSync read-only', () => fs.writevSync(fd, [Buffer.from('no')]));
show('contents', () => fs.readFileSync('vec/out.bin', 'latin1'));

// fchmod, fchown, futimes.
show('fchmodSync', () => (fs.fchmodSync(wfd, 0o640), (fs.fstatSync(wfd).mode & 0o777).toString(8)));
show('fchmodSync octal string', () => (fs.fchmodSync(wfd, '600'), (fs.fstatSync(wfd).mode & 0o777).toString(8)));
show('fchmodSync bad mode', () => fs.fchmodSync(wfd, 'rwx'));
show('fchmodSync bad fd', () => fs.fchmodSync('3', 0o600));
show('fchownSync keep', () => fs.fchownSync(wfd, -1, -1));
show('fchownSync bad uid', () => fs.fchownSync(wfd, -2, 0));
show('futimesSync', () => (fs.futimesSync(wfd, 1000, new Date(2000000)), [fs.fstatSync(wfd).atimeMs, fs.fstatSync(wfd).mtimeMs]));
show('futimesSync string', () => (fs.futimesSync(wfd, '3000', '4000'), fs.fstatSync(wfd).mtimeMs));
show('futimesSync bad', () => fs.futimesSync(wfd, {}, 1));
show('fchmod no callback', () => fs.fchmod(wfd, 0o600));

// truncate.
fs.writeFileSync('vec/t.txt', 'truncate me please');
show('truncateSync 8', () => (fs.truncateSync('vec/t.txt', 8), fs.readFileSync('vec/t.txt', 'utf8')));
show('truncateSync longer zero-fills', () => (fs.truncateSync('vec/t.txt', 12), fs.readFileSync('vec/t.txt').toString('hex')));
show('truncateSync negative', () => (fs.truncateSync('vec/t.txt', -5), fs.statSync('vec/t.txt').size));
show('truncateSync default', () => (fs.writeFileSync('vec/t.txt', 'abc'), fs.truncateSync('vec/t.txt'), fs.statSync('vec/t.txt').size));
show('truncateSync bad len', () => fs.truncateSync('vec/t.txt', 'x'));
show('truncateSync missing', () => fs.truncateSync('vec/missing.txt'));
show('truncateSync directory', () => fs.truncateSync('vec', 0));
show('_toUnixTimestamp', () => [fs._toUnixTimestamp('12'), fs._toUnixTimestamp(5), fs._toUnixTimestamp(new Date(1500)), typeof fs._toUnixTimestamp(-1)]);
show('_toUnixTimestamp bad', () => fs._toUnixTimestamp({}));
show('_toUnixTimestamp name', () => fs._toUnixTimestamp(null, 'atime'));
show('lchmod keys', () => ['lchmod' in fs, fs.lchmod, 'lchmodSync' in fs, fs.lchmodSync, typeof fs.promises.lchmod]);
show('stream aliases', () => [fs.FileReadStream === fs.ReadStream, fs.FileWriteStream === fs.WriteStream]);

// statfs: the figures differ from machine to machine; their shape does not.
const shape = (s) => [s.constructor.name, Object.keys(s).join(), Object.values(s).every((v) => typeof v === 'number' && v >= 0), s.bsize > 0, s.bfree <= s.blocks, s.bavail <= s.blocks, s.ffree <= s.files];
show('statfsSync', () => shape(fs.statfsSync('vec')));
show('statfsSync bigint', () => Object.values(fs.statfsSync('vec/src.txt', { bigint: true })).map((v) => typeof v));
show('statfsSync missing', () => fs.statfsSync('vec/nope'));
show('statfsSync bad path', () => fs.statfsSync(42));

(async () => {
  await new Promise((resolve) => fs.readv(fd, [Buffer.alloc(5), Buffer.alloc(2)], 0, (err, n, list) => (console.log('readv callback', err, n, hex(list)), resolve())));
  await new Promise((resolve) => fs.readv(fd, [Buffer.alloc(3)], (err, n, list) => (console.log('readv callback, current position', err, n, hex(list)), resolve())));
  await new Promise((resolve) => fs.writev(wfd, [Buffer.from('!')], 0, (err, n, list) => (console.log('writev callback', err, n, list.length), resolve())));
  await new Promise((resolve) => fs.readv(99999, [Buffer.alloc(1)], (err, n) => (console.log('readv callback bad fd', err.code, err.syscall, n), resolve())));
  show('readv no callback', () => fs.readv(fd, [Buffer.alloc(1)]));
  await new Promise((resolve) => fs.fchmod(wfd, 0o604, (err) => (console.log('fchmod callback', err, (fs.fstatSync(wfd).mode & 0o777).toString(8)), resolve())));
  await new Promise((resolve) => fs.futimes(wfd, 5, 6, (err) => (console.log('futimes callback', err, fs.fstatSync(wfd).mtimeMs), resolve())));
  await new Promise((resolve) => fs.fchown(wfd, -1, -1, (err) => (console.log('fchown callback', err), resolve())));
  await new Promise((resolve) => fs.fchmod(99999, 0o600, (err) => (console.log('fchmod callback bad fd', err.code, err.syscall), resolve())));
  fs.writeFileSync('vec/t.txt', 'callback truncate');
  await new Promise((resolve) => fs.truncate('vec/t.txt', 8, (err) => (console.log('truncate callback', err, fs.readFileSync('vec/t.txt', 'utf8')), resolve())));
  await new Promise((resolve) => fs.truncate('vec/t.txt', (err) => (console.log('truncate callback default', err, fs.statSync('vec/t.txt').size), resolve())));
  await new Promise((resolve) => fs.truncate('vec/missing.txt', 1, (err) => (console.log('truncate callback missing', err.code, err.syscall), resolve())));
  const tfd = fs.openSync('vec/t.txt', 'r+');
  await new Promise((resolve) => fs.truncate(tfd, 3, (err) => (console.log('truncate by descriptor', err, fs.statSync('vec/t.txt').size), resolve())));
  show('truncateSync by descriptor', () => (fs.truncateSync(tfd, 1), fs.statSync('vec/t.txt').size));
  fs.closeSync(tfd);
  await fs.promises.truncate('vec/t.txt', 4).then(() => console.log('promises.truncate', fs.readFileSync('vec/t.txt').toString('hex')));
  await fs.promises.truncate('vec/missing.txt').catch((e) => console.log('promises.truncate missing', e.code, e.syscall));
  await fs.promises.truncate('vec/t.txt', 'x').catch((e) => console.log('promises.truncate bad len', e.code));
  await fs.promises.lchmod('vec/t.txt', 0o600).catch((e) => console.log('promises.lchmod', e.name, e.code, e.message));
  await new Promise((resolve) => fs.statfs('vec', (err, s) => (console.log('statfs callback', err, shape(s)), resolve())));
  console.log('promises.statfs', shape(await fs.promises.statfs('vec', { bigint: false })));
  await fs.promises.statfs('vec/missing').catch((e) => console.log('promises.statfs missing', e.code, e.syscall));

  const h = await fs.promises.open('vec/out.bin', 'r+');
  console.log('FileHandle.writev', await h.writev([Buffer.from('x'), Buffer.from('yz')], 0));
  const rb = [Buffer.alloc(2), Buffer.alloc(3)];
  console.log('FileHandle.readv', await h.readv(rb, 0), hex(rb));
  await h.readv('no').catch((e) => console.log('FileHandle.readv bad', e.code));
  await h.chmod(0o660);
  await h.utimes(7, new Date(8000));
  await h.chown(-1, -1);
  const st = await h.stat();
  console.log('FileHandle chmod/utimes', (st.mode & 0o777).toString(8), st.atimeMs, st.mtimeMs);
  await h.chmod('bad').catch((e) => console.log('FileHandle.chmod bad', e.code));
  await h.close();
  await h.chmod(0o600).catch((e) => console.log('FileHandle.chmod closed', e.code, e.message));
  await h.readv([Buffer.alloc(1)]).catch((e) => console.log('FileHandle.readv closed', e.code));

  fs.writeFileSync('vec/lines.txt', 'first\r\nsecond\n\nfourth');
  const lh = await fs.promises.open('vec/lines.txt');
  const lines = [];
  for await (const line of lh.readLines()) lines.push(line);
  console.log('FileHandle.readLines', JSON.stringify(lines));
  fs.closeSync(fd);
  fs.closeSync(wfd);
})();

// stat, lstat and fstat: every form and option, type tests, times, bigint, and Stats objects as
// util.inspect prints them.
const fs = require('fs');
const util = require('util');

// Fixed times first: the two trees were copied at different moments.
const when = 1714979289.125;
for (const p of ['bin/zero.bin', 'text/utf8.txt', 'dir', 'dir/a.txt', 'dir/empty']) fs.utimesSync(p, when, when);
fs.lutimesSync('links/to-file', when, when);
fs.lutimesSync('links/to-dir', 1000, 2000.5);

const kinds = (s) => ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice'].filter((k) => s[k]()).join(',');
// Sizes of directories depend on the filesystem (4096 on ext4, 0 in memory): not printed.
const brief = (s) => `${kinds(s)} ${s.isDirectory() ? '' : `size=${s.size}`} mode=${s.mode.toString(8)} mtimeMs=${s.mtimeMs} mtime=${s.mtime.toISOString()}`;
for (const p of ['bin/zero.bin', 'text/utf8.txt', 'dir', 'dir/', 'dir/a.txt', 'dir/empty', 'links/to-file', 'links/to-dir', 'links/to-dir/', 'links/to-dir/a.txt', 'links/to-dir/../text/utf8.txt', '.', '/']) {
  const st = fs.statSync(p);
  const lst = fs.lstatSync(p);
  console.log('stat', p, p.startsWith('/') || p === '.' ? kinds(st) : brief(st));
  console.log('lstat', p, p.startsWith('/') || p === '.' ? kinds(lst) : brief(lst));
}
for (const p of ['bin/empty.bin', 'big/1m.bin', 'links/to-file']) {
  const lst = fs.lstatSync(p);
  console.log('untouched', p, kinds(lst), lst.size, lst.mode.toString(8));
}
const link = fs.lstatSync('links/dangling');
console.log('dangling lstat', kinds(link), link.size);
// Reading a file or link may move its atime (relatime): only mtime is printed.
console.log('to-dir times', fs.lstatSync('links/to-dir').mtimeMs, fs.lstatSync('links/to-dir').mtime.toISOString());

// Options.
console.log('throwIfNoEntry false', fs.statSync('nope', { throwIfNoEntry: false }), fs.lstatSync('nope/x', { throwIfNoEntry: false }));
console.log('throwIfNoEntry true', fs.statSync('dir/a.txt', { throwIfNoEntry: true }).size);
const big = fs.statSync('text/utf8.txt', { bigint: true });
console.log('bigint', big.constructor.name, typeof big.size, big.size, big.mode, big.mtimeMs, big.mtimeNs, big.mtime.toISOString(), big.isFile(), big.isDirectory());
const lbig = fs.lstatSync('links/to-dir', { bigint: true, throwIfNoEntry: false });
console.log('lstat bigint', lbig.isSymbolicLink(), lbig.mtimeNs, lbig.mtimeMs, lbig.size, lbig.mode);
console.log('bigint missing', fs.statSync('nope', { bigint: true, throwIfNoEntry: false }));

// fstat, and sizes seen through a descriptor as the file changes.
fs.mkdirSync('out');
const fd = fs.openSync('out/grow.bin', 'w+', 0o600);
const growing = [];
for (let i = 0; i < 4; i++) {
  fs.writeSync(fd, Buffer.alloc(1000 * i + 1));
  growing.push(fs.fstatSync(fd).size);
}
console.log('fstat sizes', growing.join(','), fs.fstatSync(fd).isFile(), (fs.fstatSync(fd).mode & 0o777).toString(8));
console.log('fstat bigint', fs.fstatSync(fd, { bigint: true }).size, fs.fstatSync(fd, {}).constructor.name);
fs.closeSync(fd);

// The Stats objects themselves: class, prototype chain, own keys, enumerable methods, inspect.
const st = fs.statSync('dir/a.txt');
console.log('class', st instanceof fs.Stats, st.constructor === fs.Stats, fs.Stats.name, fs.Stats.length, Object.getPrototypeOf(fs.Stats).name);
console.log('keys', Object.keys(st).join(','));
console.log('big keys', Object.keys(big).join(','));
const inherited = [];
for (const k in st) if (!Object.prototype.hasOwnProperty.call(st, k)) inherited.push(k);
console.log('for-in', inherited.join(','));
console.log('proto names', Object.getOwnPropertyNames(fs.Stats.prototype).join(','), Object.getOwnPropertyNames(Object.getPrototypeOf(big)).join(','));
console.log('big proto', Object.getPrototypeOf(Object.getPrototypeOf(big)) === Object.getPrototypeOf(fs.Stats.prototype), big instanceof fs.Stats);
console.log('method names', JSON.stringify(st.isFile.name), JSON.stringify(st.isDirectory.name), st.isFile === fs.Stats.prototype.isFile);
console.log('dates', st.mtime instanceof Date, typeof st.mtime.getTime(), st.birthtime instanceof Date);
for (const s of [st, big]) {
  for (const k of ['dev', 'ino', 'nlink', 'uid', 'gid', 'blksize', 'blocks', 'atimeMs', 'ctimeMs', 'birthtimeMs', 'atimeNs', 'ctimeNs', 'birthtimeNs']) {
    if (k in s) s[k] = typeof s[k] === 'bigint' ? 7n : 7;
  }
  s.atime = s.ctime = s.birthtime = new Date(0);
  console.log(util.inspect(s));
}
console.log(util.inspect(new fs.Stats(1, 33188, 1, 0, 0, 0, 4096, 2, 3, 8, 1.5, 2.25, 3, 4)));
console.log(util.inspect(new fs.Stats()));
console.log('type tests on modes', [0o010644, 0o020644, 0o060644, 0o140644, 0o120777].map((m) => kinds(new fs.Stats(0, m))).join(' '));

// Callback and promise forms, one call at a time (Node's thread pool may reorder concurrent ones).
const cb = (f) => new Promise((resolve) => f((err, s) => resolve([err, s])));
(async () => {
  let [err, s] = await cb((k) => fs.stat('dir/a.txt', k));
  console.log('cb stat', err, brief(s));
  [err, s] = await cb((k) => fs.stat('dir/a.txt', { bigint: true }, k));
  console.log('cb stat bigint', err, s.size);
  [err, s] = await cb((k) => fs.lstat('links/to-dir', k));
  console.log('cb lstat', err, kinds(s));
  [err, s] = await cb((k) => fs.stat('nope', { throwIfNoEntry: false }, k));
  console.log('cb stat missing', err.code, s);
  const f2 = fs.openSync('dir/a.txt');
  [err, s] = await cb((k) => fs.fstat(f2, k));
  console.log('cb fstat', err, s.size);
  [err, s] = await cb((k) => fs.fstat(f2, { bigint: true }, k));
  console.log('cb fstat bigint', err, s.size);
  fs.closeSync(f2);
  const p = await fs.promises.stat('text/utf8.txt');
  console.log('promise stat', brief(p), p.constructor === fs.Stats);
  console.log('promise lstat', kinds(await fs.promises.lstat('links/to-file')));
  console.log('promise stat bigint', (await fs.promises.stat('dir', { bigint: true })).isDirectory());
  try {
    await fs.promises.stat('nope', { throwIfNoEntry: false });
  } catch (e) {
    console.log('promise ignores throwIfNoEntry', e.code);
  }
  console.log('fs.promises.fstat', typeof fs.promises.fstat);
})();

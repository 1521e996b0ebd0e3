// Descriptors, sync forms: open flags and modes, reads and writes at positions, options objects,
// typed arrays and views, ftruncate, fsync, fstat, and readFile/writeFile/appendFile given a descriptor.
const fs = require('fs');
const hex = (b, n = 16) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, n)).toString('hex');
fs.mkdirSync('out');

// Reads: explicit positions do not move the descriptor; null, undefined and -1 read at (and move) it.
const fd = fs.openSync('bin/png.bin', 'r');
console.log(typeof fd, Number.isInteger(fd), fd > 2);
const buf = Buffer.alloc(24);
console.log('pos 0', fs.readSync(fd, buf, 0, 8, 0), hex(buf, 8));
console.log('current', fs.readSync(fd, buf, 4, 4, null), hex(buf));
console.log('undefined', fs.readSync(fd, buf, 0, 4, undefined), hex(buf));
console.log('-1', fs.readSync(fd, buf, 0, 4, -1), hex(buf));
console.log('bigint', fs.readSync(fd, buf, 0, 4, 10n), hex(buf));
console.log('options', fs.readSync(fd, buf, { offset: 2, length: 5, position: 3 }), hex(buf));
console.log('options current', fs.readSync(fd, buf, { length: 3 }), hex(buf));
console.log('options null', fs.readSync(fd, buf, null), hex(buf, 24));
console.log('two args', fs.readSync(fd, buf), hex(buf, 24));
console.log('zero length', fs.readSync(fd, buf, 0, 0, 0));
console.log('past end', fs.readSync(fd, buf, 0, 10, 100000));
const big = Buffer.alloc(5000);
console.log('short read', fs.readSync(fd, big, 100, 4900, 0), hex(big.subarray(100), 8), big[100 + 308], big[99]);
const u16 = new Uint16Array(6);
console.log('Uint16Array', fs.readSync(fd, u16, 2, 8, 0), Array.from(u16));
const view = new DataView(new ArrayBuffer(32), 8, 16);
console.log('DataView', fs.readSync(fd, view, 1, 6, 0), Buffer.from(view.buffer).toString('hex'));
const sub = Buffer.alloc(16).subarray(4, 12);
console.log('subarray', fs.readSync(fd, sub, 0, 8, 0), Buffer.from(sub.buffer, 0, 16).toString('hex'));
fs.closeSync(fd);

// Writes: buffers with offset/length/position, options objects, strings with position and encoding.
const w = fs.openSync('out/w.bin', 'w+');
console.log('write buf', fs.writeSync(w, Buffer.from('hello world')));
console.log('write off/len', fs.writeSync(w, Buffer.from('0123456789'), 2, 5));
console.log('write at pos', fs.writeSync(w, Buffer.from('AB'), 0, 2, 1));
console.log('write options', fs.writeSync(w, Buffer.from('xyz'), { offset: 1, length: 2, position: 0 }));
console.log('write typed', fs.writeSync(w, new Uint32Array([0x41424344, 0x45464748])));
const dv = new DataView(new ArrayBuffer(10), 3, 4);
dv.setUint32(0, 0x31323334);
console.log('write DataView', fs.writeSync(w, dv, 1, 2));
console.log('write string', fs.writeSync(w, 'ünï'));
console.log('write string pos', fs.writeSync(w, 'QQ', 3));
console.log('write string latin1', fs.writeSync(w, 'ÿé', null, 'latin1'));
console.log('write string hex', fs.writeSync(w, 'cafe', undefined, 'hex'));
console.log('write string base64', fs.writeSync(w, 'AAEC', null, 'base64'));
console.log('write string unknown enc', fs.writeSync(w, 'zz', null, 'nope'));
console.log('write empty', fs.writeSync(w, Buffer.alloc(0)), fs.writeSync(w, ''));
console.log('after writes', fs.readFileSync('out/w.bin').toString('hex'));
const back = Buffer.alloc(64);
console.log('read back', fs.readSync(w, back, 0, 64, 0), hex(back, 64));
console.log('fstat size', fs.fstatSync(w).size, fs.fstatSync(w).isFile(), fs.fstatSync(w, { bigint: true }).size);
fs.ftruncateSync(w, 5);
console.log('ftruncate 5', fs.readFileSync('out/w.bin', 'latin1'));
fs.ftruncateSync(w);
console.log('ftruncate default', fs.readFileSync('out/w.bin').length);
fs.ftruncateSync(w, 12);
console.log('ftruncate grow', fs.readFileSync('out/w.bin').toString('hex'));
fs.ftruncateSync(w, -3);
console.log('ftruncate negative', fs.readFileSync('out/w.bin').length);
console.log('fsync', fs.fsyncSync(w), fs.fdatasyncSync(w));
fs.closeSync(w);

// Flags as strings and numbers, modes, append, exclusive creation.
const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_RDWR } = fs.constants;
const n = fs.openSync('out/num.txt', O_WRONLY | O_CREAT | O_TRUNC, 0o640);
fs.writeSync(n, 'numbers');
fs.closeSync(n);
console.log('numeric flags', fs.readFileSync('out/num.txt', 'utf8'), (fs.statSync('out/num.txt').mode & 0o777).toString(8));
const m = fs.openSync('out/mode.txt', 'w', '600');
fs.closeSync(m);
console.log('string mode', (fs.statSync('out/mode.txt').mode & 0o777).toString(8));
const a = fs.openSync('out/num.txt', 'a');
console.log('append', fs.writeSync(a, '+1', 0), fs.writeSync(a, '+2'), fs.readFileSync('out/num.txt', 'utf8'));
fs.closeSync(a);
const ap = fs.openSync('out/num.txt', O_RDWR | O_APPEND);
const first = Buffer.alloc(3);
console.log('a+ read from start', fs.readSync(ap, first, 0, 3, null), first.toString());
console.log('a+ write goes to end', fs.writeSync(ap, '!'), fs.readFileSync('out/num.txt', 'utf8'));
fs.closeSync(ap);
for (const flag of ['r', 'r+', 'rs+', 'w', 'wx', 'w+', 'wx+', 'a', 'ax', 'a+', 'as', 'as+', 'sr']) {
  const name = `out/flag-${flag.replace('+', 'plus')}.txt`;
  // Exclusive flags create the file; the others open a seeded one.
  if (!flag.includes('x')) fs.writeFileSync(name, 'seed');
  const f = fs.openSync(name, flag);
  let wrote;
  try { wrote = fs.writeSync(f, 'X'); } catch (e) { wrote = e.code; }
  let read;
  try { read = fs.readSync(f, Buffer.alloc(8), 0, 8, 0); } catch (e) { read = e.code; }
  fs.closeSync(f);
  console.log('flag', flag, wrote, read, fs.readFileSync(name, 'utf8'));
}

// Whole-file functions given a descriptor: from/at the current position, descriptor left open.
const r = fs.openSync('text/utf8.txt', 'r');
fs.readSync(r, Buffer.alloc(6), 0, 6, null);
console.log('readFileSync(fd) rest', JSON.stringify(fs.readFileSync(r, 'utf8')));
console.log('readFileSync(fd) at end', fs.readFileSync(r).length, fs.readFileSync(r, { encoding: 'hex' }));
console.log('pread still works', fs.readSync(r, Buffer.alloc(2), 0, 2, 0));
fs.closeSync(r);
const wf = fs.openSync('out/wf.txt', 'w+');
fs.writeFileSync(wf, 'first ');
fs.writeFileSync(wf, Buffer.from('second '));
fs.appendFileSync(wf, 'third', 'utf8');
fs.writeFileSync(wf, 'ff', { encoding: 'hex', flag: 'r' });
console.log('writeFileSync(fd)', JSON.stringify(fs.readFileSync('out/wf.txt', 'latin1')));
console.log('readFileSync(fd) after writes', fs.readFileSync(wf).length);
fs.closeSync(wf);

// Big reads at positions through descriptors (several shared-window chunks).
const bfd = fs.openSync('big/20m.bin', 'r');
const size = fs.fstatSync(bfd).size;
let sum = 0;
const chunk = Buffer.alloc(3 * 1024 * 1024 + 7);
for (let pos = 0; pos < size;) {
  const got = fs.readSync(bfd, chunk, 0, chunk.length, pos);
  for (let i = 0; i < got; i += 4093) sum = (sum * 31 + chunk[i]) >>> 0;
  pos += got;
}
console.log('20m chunks', size, sum);
const whole = Buffer.alloc(size);
console.log('20m one read', fs.readSync(bfd, whole, 0, size, 0), whole.subarray(size - 8).toString('hex'));
fs.closeSync(bfd);

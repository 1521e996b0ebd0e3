// Descriptors, callback forms: every argument form of read and write, positions, results, and order.
const fs = require('fs');
const { promisify } = { promisify: (f) => (...a) => new Promise((res, rej) => f(...a, (e, ...v) => (e ? rej(e) : res(v)))) };
const hex = (b, n = 12) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, n)).toString('hex');
const open = promisify(fs.open);
const read = promisify(fs.read);
const write = promisify(fs.write);
const close = promisify(fs.close);
const fstat = promisify(fs.fstat);
const ftruncate = promisify(fs.ftruncate);
const fsync = promisify(fs.fsync);
const fdatasync = promisify(fs.fdatasync);

(async () => {
  fs.mkdirSync('out');
  const [fd] = await open('bin/png.bin');
  const [fd2] = await open('bin/png.bin', 'r');
  const [fd3] = await open('bin/png.bin', 'r', 0o644);
  console.log('open forms', typeof fd, typeof fd2, typeof fd3);
  const buf = Buffer.alloc(16);
  let [n, b] = await read(fd, buf, 0, 8, 0);
  console.log('read 6 args', n, b === buf, hex(buf));
  [n, b] = await read(fd, buf, 2, 4, null);
  console.log('read current', n, hex(buf));
  [n, b] = await read(fd, buf, { offset: 1, length: 3, position: 5 });
  console.log('read options', n, b === buf, hex(buf));
  [n, b] = await read(fd, buf, null);
  console.log('read null options', n, hex(buf, 16));
  [n, b] = await read(fd, buf);
  console.log('read buffer only', n, b === buf, hex(buf, 16));
  [n, b] = await read(fd, { buffer: Buffer.alloc(6), position: 0 });
  console.log('read params', n, b.length, hex(b));
  [n, b] = await read(fd, { length: 4, position: 2 });
  console.log('read params default buffer', n, b.length, hex(b, 6));
  [n, b] = await read(fd, null);
  console.log('read null params', n, b.length);
  [n, b] = await read(fd);
  console.log('read fd only', n, b.length);
  [n, b] = await read(fd, buf, 0, 0, 0);
  console.log('read zero length', n, b === buf);
  [n, b] = await read(fd, buf, 0, 16, 1e6);
  console.log('read past end', n);
  [n, b] = await read(fd, new Uint8Array(4), 0, 4, 1n);
  console.log('read bigint position', n, Array.from(b));

  const [w] = await open('out/a.bin', 'w+');
  console.log('write buffer', ...(await write(w, Buffer.from('hello world'))).map(String));
  console.log('write offset', (await write(w, Buffer.from('0123456789'), 5))[0]);
  console.log('write offset length', (await write(w, Buffer.from('0123456789'), 1, 2))[0]);
  console.log('write at position', (await write(w, Buffer.from('AB'), 0, 2, 0))[0]);
  console.log('write options', (await write(w, Buffer.from('xyz'), { offset: 1, position: 20 }))[0]);
  console.log('write string', ...(await write(w, 'stri')));
  console.log('write string position', ...(await write(w, 'P', 2)));
  console.log('write string enc', ...(await write(w, '6869', null, 'hex')));
  console.log('write typed', (await write(w, new Uint16Array([0x4142])))[0]);
  console.log('content', fs.readFileSync('out/a.bin', 'latin1'));
  const [st] = await fstat(w);
  console.log('fstat', st.size, st.isFile(), st.isDirectory(), st.constructor.name);
  const [big] = await fstat(w, { bigint: true });
  console.log('fstat bigint', big.size, typeof big.mode, big.constructor.name);
  await ftruncate(w, 4);
  console.log('ftruncate', fs.readFileSync('out/a.bin', 'latin1'));
  await ftruncate(w);
  console.log('ftruncate default', fs.readFileSync('out/a.bin').length);
  console.log('fsync', (await fsync(w)).length, (await fdatasync(w)).length);
  await close(w);

  // readFile/writeFile/appendFile given a descriptor, callback forms.
  const [t] = await open('out/t.txt', 'w+');
  await promisify(fs.writeFile)(t, 'abc');
  await promisify(fs.appendFile)(t, Buffer.from('def'));
  await promisify(fs.writeFile)(t, 'ghi', { encoding: 'utf8' });
  console.log('writeFile(fd)', fs.readFileSync('out/t.txt', 'utf8'));
  const [rest] = await promisify(fs.readFile)(t, 'utf8');
  console.log('readFile(fd) at end', JSON.stringify(rest));
  const [r] = await open('out/t.txt');
  console.log('readFile(fd)', (await promisify(fs.readFile)(r))[0].toString());
  await close(r);
  await close(t);

  // Many reads in flight on one descriptor, positional: every one lands in its own buffer.
  const [bfd] = await open('big/1m.bin');
  const sizes = await Promise.all(Array.from({ length: 40 }, (_, i) => read(bfd, Buffer.alloc(64), 0, 64, i * 26000)));
  console.log('parallel reads', sizes.map(([k]) => k).join(','));
  const chunks = await Promise.all(Array.from({ length: 17 }, (_, i) => read(bfd, Buffer.alloc(65536), 0, 65536, i * 65536)));
  let sum = 0;
  for (const [k, c] of chunks) for (let i = 0; i < k; i += 101) sum = (sum * 33 + c[i]) >>> 0;
  console.log('parallel 64k reads', chunks.reduce((s, [k]) => s + k, 0), sum);
  for (const f of [fd, fd2, fd3, bfd]) await close(f);

  // Callback order: fs callbacks run after the current synchronous code, as in Node.
  const order = [];
  fs.open('bin/a.bin', (e, f) => {
    order.push('open');
    fs.read(f, Buffer.alloc(3), 0, 3, 0, (e2, k) => {
      order.push(`read ${k}`);
      fs.close(f, () => {
        order.push('close');
        console.log('order', order.join(' > '));
      });
    });
  });
  order.push('sync');
})();

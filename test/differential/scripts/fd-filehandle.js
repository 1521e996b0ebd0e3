// fs.promises.open and FileHandle: read/write forms and results, readFile/writeFile/appendFile,
// stat, truncate, sync, close, the fd property, and Node's errors (including a closed handle).
const fs = require('fs');
const fsp = require('fs/promises');
const show = (e) => [e instanceof Error, e.name, e.code, e.errno, e.syscall, e.path, e.message, Object.keys(e).join(',')].join(' | ');
const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const res = (r) => `${Object.getPrototypeOf(r)} ${Object.keys(r).join(',')} ${r.bytesRead ?? r.bytesWritten}`;

(async () => {
  await fsp.mkdir('out');
  const fh = await fsp.open('bin/png.bin');
  console.log('handle', typeof fh.fd, fh.fd > 2, fh.constructor.name, typeof fh.on, Object.keys(fh).includes('close'));
  let r = await fh.read(Buffer.alloc(8), 0, 8, 0);
  console.log('read 4 args', res(r), hex(r.buffer));
  r = await fh.read(Buffer.alloc(8), 2, 4, null);
  console.log('read current', res(r), hex(r.buffer));
  r = await fh.read(Buffer.alloc(8), { offset: 1, length: 2, position: 4 });
  console.log('read buffer options', res(r), hex(r.buffer));
  r = await fh.read({ buffer: Buffer.alloc(5), position: 1 });
  console.log('read options', res(r), hex(r.buffer));
  r = await fh.read({ length: 3, position: 0 });
  console.log('read default buffer', res(r), r.buffer.length);
  r = await fh.read();
  console.log('read nothing given', res(r), r.buffer.length);
  r = await fh.read(Buffer.alloc(4), 0, 0, 0);
  console.log('read zero', res(r));
  r = await fh.read(new Uint8Array(4), 0, 4, 2);
  console.log('read typed array', res(r), hex(r.buffer));
  console.log('stat', (await fh.stat()).size, (await fh.stat({ bigint: true })).size);
  console.log('readFile rest', (await fh.readFile()).length);
  await fh.close();
  console.log('closed fd', fh.fd, await fh.close());

  const w = await fsp.open('out/w.txt', 'w+');
  let x = await w.write(Buffer.from('hello world'));
  console.log('write buffer', res(x), x.buffer.toString());
  x = await w.write(Buffer.from('0123456789'), 2, 3, 0);
  console.log('write at 0', res(x));
  x = await w.write(Buffer.from('abc'), { offset: 1, position: 20 });
  console.log('write options', res(x));
  x = await w.write('str', 5, 'latin1');
  console.log('write string', res(x), x.buffer);
  x = await w.write('');
  console.log('write empty string', res(x));
  x = await w.write(Buffer.alloc(0));
  console.log('write empty buffer', res(x));
  console.log('content', JSON.stringify(fs.readFileSync('out/w.txt', 'latin1')));
  await w.truncate(7);
  console.log('truncate', fs.readFileSync('out/w.txt', 'utf8'));
  await w.truncate();
  console.log('truncate default', fs.readFileSync('out/w.txt').length);
  await w.writeFile('one ');
  await w.appendFile(Buffer.from('two '));
  await w.writeFile('74687265', 'hex');
  console.log('writeFile/appendFile', fs.readFileSync('out/w.txt', 'utf8'));
  console.log('readFile at end', JSON.stringify(await w.readFile('utf8')));
  console.log('sync', await w.sync(), await w.datasync());
  await w.close();

  const t = await fsp.open('text/utf8.txt', 'r');
  await t.read(Buffer.alloc(3), 0, 3, null);
  console.log('readFile from position', JSON.stringify(await t.readFile({ encoding: 'utf8' })));
  console.log('fsp.readFile(handle)', (await fsp.readFile(t)).length);
  await t.close();
  const a = await fsp.open('out/fsp.txt', 'a+');
  await fsp.writeFile(a, 'via fsp ');
  await fsp.appendFile(a, 'appended');
  console.log('fsp.writeFile(handle)', fs.readFileSync('out/fsp.txt', 'utf8'));
  await a.close();

  // Errors.
  const e = async (label, p) => {
    try {
      console.log(label, 'ok', await p());
    } catch (err) {
      console.log(label, show(err));
    }
  };
  await e('open ENOENT', () => fsp.open('nope.txt'));
  await e('open EEXIST', () => fsp.open('out/w.txt', 'wx'));
  await e('open EISDIR', () => fsp.open('dir', 'w'));
  await e('open bad flags', () => fsp.open('out/w.txt', 'bad'));
  await e('open bad mode', () => fsp.open('out/w.txt', 'r', 'x'));
  await e('open bad path', () => fsp.open(5));
  const c = await fsp.open('out/w.txt', 'r');
  await e('write read-only', () => c.write('x'));
  await e('writeFile read-only', () => c.writeFile('x'));
  await e('truncate read-only', () => c.truncate(1));
  await e('read bad buffer', () => c.read('x'));
  await e('read bad offset', () => c.read(Buffer.alloc(4), -1));
  await e('read bad length', () => c.read(Buffer.alloc(4), 0, 5));
  await e('read bad position', () => c.read(Buffer.alloc(4), 0, 1, 'x'));
  await e('read empty buffer', () => c.read(Buffer.alloc(0), 0, 1, 0));
  await e('write bad data', () => c.write(5));
  await e('write bad offset', () => c.write(Buffer.alloc(2), 3));
  await e('truncate bad len', () => c.truncate('1'));
  await e('readFile bad encoding', () => c.readFile('nope'));
  await c.close();
  for (const op of ['read', 'write', 'readFile', 'writeFile', 'appendFile', 'stat', 'truncate', 'sync', 'datasync']) {
    await e(`closed ${op}`, () => c[op](op.startsWith('write') || op === 'appendFile' ? 'x' : undefined));
  }
  await e('fsp.readFile(closed handle)', () => fsp.readFile(c));
  await e('fsp.writeFile(closed handle)', () => fsp.writeFile(c, 'x'));
  await e('fsp.appendFile(closed handle)', () => fsp.appendFile(c, 'x'));
  const d = await fsp.open('dir');
  await e('read dir', () => d.read(Buffer.alloc(2), 0, 2, 0));
  await e('readFile dir', () => d.readFile());
  console.log('stat dir', (await d.stat()).isDirectory());
  await d.close();

  // close() waits for operations in flight and emits 'close' at once.
  const h = await fsp.open('big/1m.bin');
  const events = [];
  h.on('close', () => events.push('close event'));
  const pending = h.readFile().then((b) => events.push(`read ${b.length}`));
  const closing = h.close().then(() => events.push('closed'));
  events.push(`fd kept until the read ends ${h.fd > 2}`);
  await Promise.all([pending, closing]);
  console.log(events.join(' > '));
})();

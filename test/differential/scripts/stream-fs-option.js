// File streams do their I/O through the fs they were given: the module's functions as the program
// replaced them, or options.fs (validated as Node does); a subclass's own open() (the pattern of
// fs wrappers) opens the stream; options may come through a prototype; FileHandle refuses options.fs.
const fs = require('fs');
const { once } = require('events');
const log = [];
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

function spy(target, names, tag) {
  const saved = {};
  for (const k of names) {
    saved[k] = target[k];
    target[k] = function (...args) {
      log.push(`${tag}.${k}`);
      return saved[k].apply(this, args);
    };
  }
  return () => Object.assign(target, saved);
}
const flush = (label) => console.log(label, log.splice(0).join(' '));
const tryIt = (label, f) => {
  try {
    f();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};

(async () => {
  fs.mkdirSync('streams');
  // The module's functions, replaced after the stream module was loaded.
  let restore = spy(fs, ['open', 'read', 'write', 'writev', 'close', 'fsync'], 'fs');
  const chunks = [];
  for await (const c of fs.createReadStream('dir/a.txt')) chunks.push(c);
  flush(`module read ${Buffer.concat(chunks)}`);
  const ws = fs.createWriteStream('streams/module.txt');
  ws.write('one ');
  ws.write('two ');
  ws.end('three');
  await once(ws, 'close');
  flush('module write');
  const ws2 = fs.createWriteStream('streams/flush.txt', { flush: true });
  ws2.end('flushed');
  await once(ws2, 'close');
  flush('module write with flush');
  restore();

  // options.fs: a whole fs, one with writev only, one with write only.
  const custom = {};
  for (const k of ['open', 'read', 'write', 'writev', 'close', 'fsync']) custom[k] = (...args) => (log.push(`custom.${k}`), fs[k](...args));
  for await (const c of fs.createReadStream('dir/a.txt', { fs: custom, highWaterMark: 1 })) chunks.push(c);
  flush('custom read');
  for (const [label, pick] of [['writev only', ['open', 'writev', 'close']], ['write only', ['open', 'write', 'close']]]) {
    const some = Object.fromEntries(pick.map((k) => [k, custom[k]]));
    const w = fs.createWriteStream(`streams/${label.replace(' ', '-')}.txt`, { fs: some });
    console.log(label, 'own _write', Object.hasOwn(w, '_write') ? w._write : 'inherited', 'own _writev', Object.hasOwn(w, '_writev') ? w._writev : 'inherited');
    w.write('a');
    w.write('b');
    w.end('c');
    await once(w, 'close');
    flush(`${label} ${fs.readFileSync(`streams/${label.replace(' ', '-')}.txt`, 'utf8')}`);
  }

  // Validation of options.fs, in Node's order.
  tryIt('open not a function', () => fs.createReadStream('dir/a.txt', { fs: { open: 1 } }));
  tryIt('read missing', () => fs.createReadStream('dir/a.txt', { fs: { open() {} } }));
  tryIt('close missing', () => fs.createReadStream('dir/a.txt', { fs: { open() {}, read() {} } }));
  tryIt('close missing, no autoClose', () => fs.createReadStream('dir/a.txt', { fs: { open() {}, read() {} }, autoClose: false }).destroy());
  tryIt('write and writev missing', () => fs.createWriteStream('streams/x', { fs: { open() {}, close() {} } }));
  tryIt('writev not a function', () => fs.createWriteStream('streams/x', { fs: { open() {}, write() {}, writev: 'no', close() {} } }));
  tryIt('flush without fsync', () => fs.createWriteStream('streams/x', { fs: { open() {}, write() {}, close() {} }, flush: true }));
  tryIt('fd with bad fs', () => fs.createReadStream(null, { fd: 99, fs: { read: 3 } }));
  const fh = await fs.promises.open('dir/a.txt');
  tryIt('FileHandle with fs', () => fs.createReadStream(null, { fd: fh, fs: custom }));
  await fh.close();

  // A subclass that opens by itself (the graceful-fs pattern), and the deprecated prototype open().
  class Opening extends fs.ReadStream {
    open() {
      log.push('subclass open');
      fs.open(this.path, this.flags, this.mode, (err, fd) => {
        if (err) return this.emit('error', err);
        this.fd = fd;
        this.emit('open', fd);
        this.emit('ready');
      });
    }
  }
  const sub = new Opening('dir/a.txt', { encoding: 'utf8' });
  sub.on('open', (fd) => log.push(`open event ${typeof fd}`));
  let text = '';
  for await (const c of sub) text += c;
  flush(`subclass ${text}`);
  class Failing extends fs.ReadStream {
    open() {
      this.emit('error', Object.assign(new Error('no open today'), { code: 'ENOPE' }));
    }
  }
  await new Promise((resolve) => new Failing('dir/a.txt').on('error', (e) => (console.log('subclass open error', e.code, e.message), resolve())));
  const plain = fs.createReadStream('dir/a.txt');
  console.log('prototype open', plain.open(), typeof fs.ReadStream.prototype.open, typeof fs.WriteStream.prototype.open);
  plain.destroy();
  const wplain = fs.createWriteStream('streams/proto-open.txt');
  console.log('prototype open (write)', wplain.open());
  wplain.destroy();
  console.log('prototype keys', Object.getOwnPropertyNames(fs.ReadStream.prototype).join(), Object.getOwnPropertyNames(fs.WriteStream.prototype).join());

  // Options inherited through a prototype.
  const inherited = Object.create({ start: 2, end: 4, encoding: 'utf8' });
  let part = '';
  for await (const c of fs.createReadStream('text/utf8.txt', inherited)) part += c;
  console.log('inherited options', JSON.stringify(part));
  const winherited = fs.createWriteStream('streams/inherited.txt', Object.create({ flags: 'a' }));
  winherited.end('appended');
  await once(winherited, 'close');
  console.log('inherited write options', fs.readFileSync('streams/inherited.txt', 'utf8'));
})();

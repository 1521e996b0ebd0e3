// fs.createWriteStream: events in Node's order, flags, start, encoding, fd, autoClose, emitClose,
// backpressure, errors, and piping big/20m.bin and big/1m.bin through streams.
const fs = require('fs');
const stream = require('stream');
const { pipeline } = require('stream/promises');
const EventEmitter = require('events');

const sum = (acc, chunk) => {
  for (let i = 0; i < chunk.length; i++) acc = (acc * 31 + chunk[i]) >>> 0;
  return acc;
};
const fileSum = (p) => `${fs.statSync(p).size}:${sum(0, fs.readFileSync(p))}`;

/** Collects a writable's events and resolves when it closes (or finishes, when it never closes). */
function watch(label, ws, { waitClose = true } = {}) {
  return new Promise((resolve) => {
    const events = [];
    let drains = 0;
    const done = () => {
      if (drains) events.push(`drain x${drains}`);
      console.log(label, events.join(' > '), '| bytesWritten', ws.bytesWritten);
      resolve();
    };
    for (const name of ['open', 'ready', 'finish', 'pipe', 'unpipe', 'close']) ws.on(name, (a) => events.push(name === 'open' ? `open ${typeof a}` : name));
    ws.on('drain', () => drains++);
    ws.on('error', (e) => events.push(`error ${e.code} ${e.syscall} ${e.message}`));
    ws.on(waitClose ? 'close' : 'finish', () => setTimeout(done, waitClose ? 0 : 20));
  });
}

(async () => {
  fs.mkdirSync('out');
  let ws = fs.createWriteStream('out/a.txt');
  let w = watch('basic', ws);
  console.log('write returns', ws.write('hello '), ws.write(Buffer.from('world')), ws.write(new Uint8Array([33, 10])));
  ws.end('bye\n');
  await w;
  console.log('content', JSON.stringify(fs.readFileSync('out/a.txt', 'utf8')));

  ws = fs.createWriteStream('out/a.txt', { flags: 'a' });
  w = watch('append', ws);
  ws.end('more');
  await w;
  ws = fs.createWriteStream('out/a.txt', { flags: 'r+', start: 2 });
  w = watch('r+ start 2', ws);
  ws.write('XX');
  ws.end('Y');
  await w;
  console.log('content', JSON.stringify(fs.readFileSync('out/a.txt', 'utf8')));

  ws = fs.createWriteStream('out/enc.txt', { encoding: 'hex' });
  w = watch('default encoding hex', ws);
  ws.write('68656c6c6f');
  ws.end('21', 'hex');
  await w;
  ws = fs.createWriteStream('out/enc2.txt');
  ws.setDefaultEncoding('latin1');
  w = watch('setDefaultEncoding', ws);
  ws.end('ÿé');
  await w;
  console.log('encodings', fs.readFileSync('out/enc.txt', 'utf8'), fs.readFileSync('out/enc2.txt').toString('hex'));

  // Backpressure: a small highWaterMark reports false and drains.
  ws = fs.createWriteStream('out/bp.bin', { highWaterMark: 1024 });
  w = watch('backpressure', ws);
  const results = [];
  for (let i = 0; i < 20; i++) results.push(ws.write(Buffer.alloc(700, i)));
  console.log('write results', results.map((x) => (x ? 1 : 0)).join(''), ws.writableLength, ws.writableHighWaterMark);
  ws.end();
  await w;
  console.log('bp file', fileSum('out/bp.bin'));

  // A descriptor, autoClose off, emitClose off, and cork/uncork.
  const fd = fs.openSync('out/fd.txt', 'w');
  ws = fs.createWriteStream(null, { fd, autoClose: false });
  w = watch('fd autoClose false', ws, { waitClose: false });
  ws.cork();
  ws.write('a');
  ws.write('b');
  ws.uncork();
  ws.end('c');
  await w;
  fs.writeSync(fd, '-still open');
  fs.closeSync(fd);
  console.log('fd file', fs.readFileSync('out/fd.txt', 'utf8'));
  ws = fs.createWriteStream('out/noclose.txt', { emitClose: false });
  w = watch('emitClose false', ws, { waitClose: false });
  ws.end('x');
  await w;
  ws = fs.createWriteStream('out/closecb.txt');
  ws.write('via close(cb)');
  await new Promise((resolve) => ws.close((err) => (console.log('close(cb)', err, ws.closed, fs.readFileSync('out/closecb.txt', 'utf8')), resolve())));

  // Errors.
  for (const [label, path, options] of [
    ['ENOENT', 'nope/x.txt', undefined],
    ['EISDIR', 'dir', undefined],
    ['EEXIST', 'out/a.txt', { flags: 'wx' }],
    ['bad flags', 'out/z.txt', { flags: 'nope' }],
  ]) {
    ws = fs.createWriteStream(path, options);
    w = watch(label, ws);
    ws.write('data', (err) => console.log(label, 'write callback', err && err.code));
    await w;
  }
  ws = fs.createWriteStream('out/after.txt');
  w = watch('write after end', ws);
  ws.end('x');
  ws.write('y', (err) => console.log('write after end callback', err && err.code));
  await w;
  ws = fs.createWriteStream('out/destroyed.txt');
  w = watch('destroy', ws);
  ws.write('x');
  ws.destroy();
  await w;

  // Piping 20 MiB and 1 MiB through streams, with pipe() and with pipeline().
  const copy = fs.createWriteStream('out/20m.copy');
  const done = watch('pipe 20m', copy);
  fs.createReadStream('big/20m.bin').pipe(copy);
  await done;
  console.log('20m copy', fileSum('out/20m.copy') === fileSum('big/20m.bin'), fileSum('out/20m.copy'));
  let seen = 0;
  const counter = new stream.Transform({
    transform(chunk, _enc, cb) {
      seen += chunk.length;
      cb(null, chunk.reverse());
    },
  });
  await pipeline(fs.createReadStream('big/1m.bin', { highWaterMark: 4096 }), counter, fs.createWriteStream('out/1m.reversed', { highWaterMark: 100000 }));
  console.log('pipeline 1m', seen, fileSum('out/1m.reversed'));
  console.log('classes', ws instanceof stream.Writable, ws instanceof EventEmitter, ws instanceof fs.WriteStream, fs.WriteStream(null, { fd: 1 }) instanceof fs.WriteStream);
  console.log('properties', ws.path, ws.flags, ws.mode, ws.start, ws.pos, ws.autoClose, ws.pending, ws.destroyed);
})();

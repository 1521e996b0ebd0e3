// fs.createReadStream: events in Node's order, chunk sizes, start/end/highWaterMark, encoding, fd,
// flags, autoClose, emitClose, errors, pause/resume and async iteration, over big/1m.bin and big/20m.bin.
const fs = require('fs');
const { Readable } = require('stream');

const sum = (acc, chunk) => {
  for (let i = 0; i < chunk.length; i++) acc = (acc * 31 + chunk[i]) >>> 0;
  return acc;
};

/** Collects one stream's events (data chunks summarised) and resolves when it closes or ends. */
function watch(label, stream, { waitClose = true } = {}) {
  return new Promise((resolve) => {
    const events = [];
    let chunks = 0;
    let bytes = 0;
    let check = 0;
    let sizes = new Set();
    const flush = () => {
      if (chunks > 0) events.push(`data x${chunks} (${[...sizes].join('/')})`);
      chunks = 0;
      sizes = new Set();
    };
    const done = () => {
      flush();
      console.log(label, events.join(' > '), `| bytes ${bytes} sum ${check}`);
      resolve();
    };
    stream.on('open', (fd) => (flush(), events.push(`open ${typeof fd}`)));
    stream.on('ready', () => (flush(), events.push('ready')));
    stream.on('data', (chunk) => {
      chunks++;
      sizes.add(typeof chunk === 'string' ? `str${chunk.length}` : chunk.length);
      bytes += chunk.length;
      check = typeof chunk === 'string' ? sum(check, Buffer.from(chunk)) : sum(check, chunk);
    });
    stream.on('end', () => (flush(), events.push('end')));
    stream.on('error', (e) => (flush(), events.push(`error ${e.code} ${e.syscall} ${e.message}`)));
    stream.on('close', () => {
      flush();
      events.push('close');
      if (waitClose) done();
    });
    if (!waitClose) stream.on('end', () => setTimeout(done, 20));
  });
}

(async () => {
  await watch('1m default', fs.createReadStream('big/1m.bin'));
  await watch('20m default', fs.createReadStream('big/20m.bin'));
  await watch('20m hwm 1MiB', fs.createReadStream('big/20m.bin', { highWaterMark: 1024 * 1024 }));
  await watch('1m hwm 1000', fs.createReadStream('big/1m.bin', { highWaterMark: 1000, start: 5000, end: 60000 }));
  await watch('start only', fs.createReadStream('big/1m.bin', { start: 1048000 }));
  await watch('end only', fs.createReadStream('big/1m.bin', { end: 99 }));
  await watch('start = end', fs.createReadStream('big/1m.bin', { start: 7, end: 7 }));
  await watch('end past size', fs.createReadStream('bin/png.bin', { start: 300, end: 100000 }));
  await watch('empty file', fs.createReadStream('bin/empty.bin'));
  await watch('encoding utf8', fs.createReadStream('text/utf8.txt', { encoding: 'utf8', highWaterMark: 5 }));
  await watch('encoding string option', fs.createReadStream('text/utf8.txt', 'hex'));
  await watch('setEncoding', fs.createReadStream('text/latin1.txt').setEncoding('latin1'));
  const fd = fs.openSync('big/1m.bin', 'r');
  fs.readSync(fd, Buffer.alloc(1000), 0, 1000, null);
  await watch('fd from its position', fs.createReadStream(null, { fd, highWaterMark: 500000 }));
  let closedFd = true;
  try {
    fs.fstatSync(fd);
    closedFd = false;
  } catch (e) {
    closedFd = e.code;
  }
  console.log('fd closed after autoClose', closedFd);
  const keep = fs.openSync('big/1m.bin', 'r');
  await watch('autoClose false', fs.createReadStream(null, { fd: keep, autoClose: false, start: 10, end: 19 }), { waitClose: false });
  console.log('fd kept open', fs.fstatSync(keep).size);
  fs.closeSync(keep);
  await watch('emitClose false', fs.createReadStream('bin/a.bin', { emitClose: false }), { waitClose: false });
  await watch('flags r+', fs.createReadStream('bin/a.bin', { flags: 'r+' }));
  await watch('ENOENT', fs.createReadStream('nope.bin'));
  await watch('EISDIR', fs.createReadStream('dir'));
  await watch('bad flags', fs.createReadStream('bin/a.bin', { flags: 'nope' }));
  await watch('fd EBADF', fs.createReadStream(null, { fd: 2 ** 30 }));

  // Properties of a stream over its life.
  const s = fs.createReadStream('bin/zero.bin', { start: 1 });
  console.log('before open', s.pending, s.fd, s.path, s.flags, s.mode, s.start, s.end, s.pos, s.bytesRead, s.autoClose, s instanceof Readable, s instanceof fs.ReadStream);
  await new Promise((resolve) => s.on('ready', resolve));
  console.log('after open', s.pending, typeof s.fd, s.readableHighWaterMark);
  s.resume();
  await new Promise((resolve) => s.on('close', resolve));
  console.log('after close', s.fd, s.bytesRead, s.pos, s.destroyed, s.readableEnded);

  // Paused reading, destroy in the middle, close(cb), and async iteration.
  const p = fs.createReadStream('big/20m.bin');
  const first = await new Promise((resolve) => p.once('readable', () => resolve(p.read(10))));
  console.log('read(10)', first.toString('hex'));
  p.destroy();
  await new Promise((resolve) => p.on('close', resolve));
  console.log('destroyed mid-way', p.destroyed, p.fd);
  const c = fs.createReadStream('big/1m.bin');
  await new Promise((resolve) => c.once('data', () => c.close((err) => (console.log('close(cb)', err && err.code), resolve()))));
  let n = 0;
  let acc = 0;
  for await (const chunk of fs.createReadStream('big/1m.bin', { highWaterMark: 300000 })) {
    n++;
    acc = sum(acc, chunk);
  }
  console.log('for await', n, acc);
  const rs = fs.ReadStream('bin/H.bin');
  console.log('without new', rs instanceof fs.ReadStream);
  await watch('without new', rs);
})();

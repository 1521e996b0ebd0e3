// crypto Hash and Hmac as Transform streams: write/end/read, setEncoding, 'data' and 'finish'
// events, pipe from a Readable and into a Writable, digest() after the stream ended (the Hash
// answers again, the Hmac gives an empty result), writes after digest, instanceof stream classes.
const crypto = require('crypto');
const { Readable, Writable, Transform, Duplex, Stream } = require('stream');
const EventEmitter = require('events');

const steps = [];
const step = (f) => steps.push(f);
const next = () => {
  const f = steps.shift();
  if (f) f(next);
};

step((done) => {
  const h = crypto.createHash('sha256');
  console.log('instanceof', h instanceof Transform, h instanceof Duplex, h instanceof Readable, h instanceof Stream, h instanceof EventEmitter, h instanceof crypto.Hash);
  h.write('hello ');
  h.write(Buffer.from('world'));
  h.end();
  const out = h.read();
  console.log('read', Buffer.isBuffer(out), out && out.toString('hex'), h.read());
  console.log('digest after read', h.digest('hex'));
  try {
    h.digest('hex');
  } catch (e) {
    console.log('second digest', e.code);
  }
  done();
});

step((done) => {
  const h = crypto.createHash('md5');
  h.setEncoding('hex');
  h.on('data', (d) => console.log('data hex', typeof d, d));
  h.on('end', () => console.log('end'));
  h.on('finish', () => {
    console.log('finish');
  });
  h.on('close', () => {
    console.log('close');
    done();
  });
  h.end('abc');
});

step((done) => {
  const h = crypto.createHash('sha1');
  h.setEncoding('base64');
  h.write('a', 'utf8');
  h.write('62', 'hex');
  h.end('Yw==', 'base64', () => console.log('end callback'));
  h.on('readable', function onReadable() {
    const chunk = h.read();
    if (chunk !== null) console.log('readable', chunk);
  });
  h.on('end', done);
});

step((done) => {
  const h = crypto.createHash('sha512');
  Readable.from(['pi', 'ped ', Buffer.from('data')]).pipe(h).on('data', (d) => {
    console.log('piped', d.toString('hex').slice(0, 32));
  }).on('end', done);
});

step((done) => {
  const chunks = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const h = crypto.createHmac('sha256', 'key');
  h.pipe(sink);
  sink.on('finish', () => {
    console.log('hmac piped', Buffer.concat(chunks).toString('hex'));
    console.log('hmac digest after stream', JSON.stringify(h.digest('hex')), h.digest());
    try {
      h.update('x');
    } catch (e) {
      console.log('hmac update after stream', e.code);
    }
    done();
  });
  h.write('data');
  h.end();
});

step((done) => {
  // Writes after digest() are ignored; the stream side gives the digest again (Hash) or nothing (Hmac).
  const h = crypto.createHash('md5');
  h.update('x');
  console.log('digest before writes', h.digest('latin1').length);
  h.on('error', (e) => console.log('unexpected', e.code));
  h.write('y', (e) => console.log('write callback', e == null));
  h.end('z');
  h.on('data', (d) => console.log('hash data after digest', d.toString('hex')));
  h.on('end', () => {
    const m = crypto.createHmac('md5', 'k');
    m.update('x');
    m.digest('hex');
    m.end('z');
    m.on('data', (d) => console.log('hmac data after digest', d));
    m.on('end', () => {
      console.log('hmac end after digest');
      done();
    });
  });
});

step((done) => {
  const h = crypto.createHash('sha256');
  h.update('mixed ');
  h.write('stream');
  h.end();
  h.on('data', (d) => console.log('update then write', d.toString('hex')));
  h.on('end', done);
});

step((done) => {
  const h = crypto.createHash('shake256', { outputLength: 8 });
  const copy = h.copy({ outputLength: 4 });
  h.end('xof');
  copy.end('xof');
  h.on('data', (d) => console.log('xof stream', d.toString('hex')));
  copy.on('data', (d) => console.log('xof copy stream', d.toString('hex')));
  copy.on('end', done);
});

step((done) => {
  const h = crypto.createHash('md5', { highWaterMark: 1, encoding: 'hex' });
  h.on('data', (d) => console.log('options encoding', d));
  h.on('end', done);
  h.end('opts');
});

step((done) => {
  (async () => {
    const h = crypto.createHash('sha1');
    h.end('iterate');
    for await (const chunk of h) console.log('async iterator', chunk.toString('hex'));
    console.log('flags', h.readable, h.writable, h.destroyed, h.readableEnded, h.writableFinished);
    done();
  })();
});

next();

// zlib errors on corrupt input, as Node reports them: message, code, errno, own keys, class, in the
// sync, callback and stream forms (and the stream's state and events after the error), for every
// format, truncated and corrupted data, trailing data and concatenated gzip members.
const zlib = require('zlib');

const input = Buffer.from('Corrupt me, if you can. '.repeat(200));
const gz = zlib.gzipSync(input);
const df = zlib.deflateSync(input);
const raw = zlib.deflateRawSync(input);
const br = zlib.brotliCompressSync(input);
const flip = (b, at) => { const c = Buffer.from(b); c[at] ^= 0xff; return c; };
const show = (e) => [e.constructor.name, e.name, e.code, e.errno, JSON.stringify(e.message), Object.keys(e).join('|'), e instanceof Error, String(e.stack).split('\n')[0]].join(' ');

const cases = [
  ['gunzip', 'garbage', Buffer.from('definitely not gzip')],
  ['gunzip', 'truncated', gz.subarray(0, gz.length - 10)],
  ['gunzip', 'header only', gz.subarray(0, 10)],
  ['gunzip', 'bad crc', flip(gz, gz.length - 6)],
  ['gunzip', 'bad length', flip(gz, gz.length - 2)],
  ['gunzip', 'bad method', flip(gz, 2)],
  ['gunzip', 'corrupt body', flip(gz, 20)],
  ['gunzip', 'trailing garbage', Buffer.concat([gz, Buffer.from('trailing')])],
  ['gunzip', 'trailing magic', Buffer.concat([gz, Buffer.from([0x1f, 0x8b, 1, 2])])],
  ['gunzip', 'two members', Buffer.concat([gz, zlib.gzipSync('second')])],
  ['gunzip', 'empty', Buffer.alloc(0)],
  ['inflate', 'garbage', Buffer.from('xx not deflate')],
  ['inflate', 'truncated', df.subarray(0, 30)],
  ['inflate', 'bad adler', flip(df, df.length - 1)],
  ['inflate', 'gzip data', gz],
  ['inflateRaw', 'garbage', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff])],
  ['inflateRaw', 'truncated', raw.subarray(0, 20)],
  ['inflateRaw', 'trailing', Buffer.concat([raw, Buffer.from('tail')])],
  ['unzip', 'garbage', Buffer.from('neither gzip nor deflate')],
  ['unzip', 'truncated gzip', gz.subarray(0, 40)],
  ['brotliDecompress', 'garbage', Buffer.from('this is not brotli at all')],
  ['brotliDecompress', 'truncated', br.subarray(0, br.length - 5)],
  ['brotliDecompress', 'corrupt', flip(br, 3)],
  ['brotliDecompress', 'empty', Buffer.alloc(0)],
];

for (const [fn, what, data] of cases) {
  try {
    const r = zlib[`${fn}Sync`](data);
    console.log('sync', fn, what, 'ok', r.length);
  } catch (e) {
    console.log('sync', fn, what, show(e));
  }
}

function viaCallback([fn, what, data]) {
  return new Promise((resolve) => {
    zlib[fn](data, function (err, result) {
      console.log('callback', fn, what, arguments.length, err ? show(err) : 'ok', result === undefined ? 'no result' : result.length);
      resolve();
    });
  });
}

function viaStream([fn, what, data]) {
  const Class = { gunzip: zlib.Gunzip, inflate: zlib.Inflate, inflateRaw: zlib.InflateRaw, unzip: zlib.Unzip, brotliDecompress: zlib.BrotliDecompress }[fn];
  return new Promise((resolve) => {
    const s = new Class();
    const events = [];
    let total = 0;
    s.on('data', (c) => { total += c.length; });
    s.on('error', (e) => events.push(`error:${e.code}`));
    s.on('end', () => events.push('end'));
    s.on('finish', () => events.push('finish'));
    s.on('close', () => {
      events.push('close');
      console.log('stream', fn, what, events.join(','), total, s.destroyed, s._closed, s.writable, s.readable);
      resolve();
    });
    // Two writes: the error may come from either.
    s.write(data.subarray(0, Math.floor(data.length / 2)));
    s.end(data.subarray(Math.floor(data.length / 2)));
  });
}

(async () => {
  for (const c of cases) await viaCallback(c);
  for (const c of cases) await viaStream(c);
  // After an error the stream refuses further writes as Node's does.
  const s = zlib.createGunzip();
  s.on('error', (e) => {
    console.log('first error', e.code);
    s.write(Buffer.from('more'), (err) => console.log('write after error', err && err.code));
    try { s.reset(); } catch (e2) { console.log('reset after error', e2.code); }
    s.close(() => console.log('close callback after error'));
  });
  s.write(Buffer.from('not gzip at all'));
})();

// zlib output limits and info: maxOutputLength in the sync and callback forms (exact boundary, a
// decompression bomb that stops early), its validation, `info: true` results with their engine, and
// a bomb read through a stream a few chunks at a time (it is processed incrementally).
const zlib = require('zlib');
const { Z_FULL_FLUSH } = zlib.constants;

// A raw deflate stream of 1 GiB of zeros: identical full-flushed 1 MiB segments, then a final empty block.
const segment = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: Z_FULL_FLUSH });
const bombRaw = Buffer.concat([...Array(1024).fill(segment), Buffer.from([0x03, 0x00])]);
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const bombGzip = Buffer.concat([gzipHeader, bombRaw]);
console.log('bomb sizes', segment.length, bombRaw.length);
const show = (e) => [e.name, e.code, JSON.stringify(e.message), e instanceof RangeError].join(' ');

for (const [fn, data] of [['inflateRawSync', bombRaw], ['gunzipSync', bombGzip], ['unzipSync', bombGzip]]) {
  for (const max of [1, 100, 65536, 1 << 20, 1 << 20 | 7]) {
    try { zlib[fn](data, { maxOutputLength: max }); console.log(fn, max, 'no error'); } catch (e) { console.log(fn, max, show(e)); }
  }
}

const text = Buffer.from('0123456789'.repeat(1000));
const z = zlib.deflateSync(text);
for (const max of [9999, 10000, 10001]) {
  try { console.log('exact', max, zlib.inflateSync(z, { maxOutputLength: max }).length); } catch (e) { console.log('exact', max, show(e)); }
}
try { zlib.deflateSync(text, { maxOutputLength: 10 }); } catch (e) { console.log('compress limit', show(e)); }
const b = zlib.brotliCompressSync(text);
try { zlib.brotliDecompressSync(b, { maxOutputLength: 5000 }); } catch (e) { console.log('brotli limit', show(e)); }
console.log('brotli within', zlib.brotliDecompressSync(b, { maxOutputLength: 10000 }).length);

for (const bad of [0, -1, 2 ** 32 + 1, 2 ** 40, 'x', Infinity, -Infinity, null, {}, true, 1.5, NaN]) {
  try { const r = zlib.inflateSync(z, { maxOutputLength: bad }); console.log('maxOutputLength', String(bad), 'ok', r.length); } catch (e) { console.log('maxOutputLength', String(bad), show(e)); }
}

// info: true gives the engine too.
const info = zlib.gzipSync('info please', { info: true });
console.log('info', Object.keys(info).join(), Buffer.isBuffer(info.buffer), info.engine instanceof zlib.Gzip, info.engine.bytesWritten, info.engine._closed, info.engine.constructor.name);
const infoBack = zlib.gunzipSync(info.buffer, { info: 1 });
console.log('info back', infoBack.buffer.toString(), infoBack.engine.bytesWritten);
console.log('info false', Buffer.isBuffer(zlib.gzipSync('x', { info: false })));

const steps = [];
const next = () => { const s = steps.shift(); if (s) s(); };
steps.push(() => zlib.inflateRaw(bombRaw, { maxOutputLength: 100000 }, (err, res) => { console.log('callback bomb', show(err), res); next(); }));
steps.push(() => zlib.gunzip(bombGzip, { maxOutputLength: 1 << 20 }, function (err) { console.log('callback gzip bomb', show(err), arguments.length); next(); }));
steps.push(() => zlib.inflate(z, { maxOutputLength: 10000 }, (err, res) => { console.log('callback exact', err, res.length); next(); }));
steps.push(() => zlib.inflate(z, { maxOutputLength: 9999 }, (err, res) => { console.log('callback over', show(err), res); next(); }));
steps.push(() => zlib.deflate('info async', { info: true }, (err, res) => {
  console.log('callback info', err, Object.keys(res).join(), res.engine instanceof zlib.Deflate, res.engine.bytesWritten, res.engine.destroyed);
  next();
}));
steps.push(() => {
  // A stream hands the bomb over one chunk at a time; reading ten of them does not inflate the rest.
  const s = zlib.createInflateRaw({ chunkSize: 4096 });
  let chunks = 0;
  s.on('data', (c) => {
    if (++chunks === 10) {
      console.log('stream bomb', chunks, c.length, s.bytesWritten < bombRaw.length);
      s.destroy();
    }
  });
  s.on('close', () => { console.log('stream bomb closed', chunks, s._closed); next(); });
  s.end(bombRaw);
});
next();

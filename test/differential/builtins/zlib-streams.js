// zlib streams: many chunks through every stream class (piped, with stream.pipeline), the 'data'
// chunk sizes Node produces for a chunkSize, events and their order, bytesWritten, flush() (default
// and each kind) with the bytes it emits, params(), reset(), close(), backpressure with a slow
// reader, finishFlush for partial input, and write callbacks.
const zlib = require('zlib');
const { PassThrough, pipeline, Readable, Writable } = require('stream');

const text = Buffer.from(Array.from({ length: 4000 }, (_, i) => `line ${i} ${'abc'.repeat(i % 7)}\n`).join(''));
const pieces = [];
for (let at = 0; at < text.length; at += 7919) pieces.push(text.subarray(at, at + 7919));
const sum = (b) => { let h = 0x811c9dc5; for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0; return h.toString(16); };

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(chunks));
  });
}

const steps = [];
async function run() { for (const s of steps) await s(); }

for (const [c, d] of [['Gzip', 'Gunzip'], ['Deflate', 'Inflate'], ['DeflateRaw', 'InflateRaw'], ['BrotliCompress', 'BrotliDecompress'], ['Deflate', 'Unzip']]) {
  steps.push(async () => {
    const comp = new zlib[c]({ chunkSize: 1024 });
    const decomp = zlib[d]({ chunkSize: 3000 });
    const compressedChunks = [];
    comp.on('data', (x) => compressedChunks.push(x.length));
    const events = [];
    for (const e of ['finish', 'end', 'close']) comp.on(e, () => events.push(`c:${e}`)), decomp.on(e, () => events.push(`d:${e}`));
    comp.pipe(decomp);
    const out = collect(decomp);
    for (const p of pieces) comp.write(p);
    comp.end();
    const chunks = await out;
    await new Promise((r) => setImmediate(r));
    console.log(c, d, 'compressed chunks', compressedChunks.join(','));
    console.log(c, d, 'output chunks', chunks.map((x) => x.length).join(','), sum(Buffer.concat(chunks)) === sum(text));
    console.log(c, d, 'bytesWritten', comp.bytesWritten, decomp.bytesWritten, events.join(' '));
    console.log(c, d, 'state', comp.destroyed, decomp.destroyed, comp._closed, decomp._closed, comp.readableEnded, decomp.writableFinished);
  });
}

steps.push(() => new Promise((resolve) => {
  pipeline(Readable.from(pieces), zlib.createGzip({ level: 3 }), zlib.createGunzip(), new Writable({
    write(chunk, enc, cb) { this.total = (this.total || 0) + chunk.length; cb(); },
    final(cb) { console.log('pipeline total', this.total); cb(); },
  }), (err) => { console.log('pipeline done', err); resolve(); });
}));

// flush(): what each kind makes the compressor emit now.
steps.push(async () => {
  const gz = zlib.createDeflate();
  const got = [];
  gz.on('data', (x) => got.push(x.toString('hex')));
  gz.write('first part ');
  await new Promise((r) => gz.flush(r));
  console.log('flush default', got.splice(0).join(' '));
  gz.write('second part ');
  await new Promise((r) => gz.flush(zlib.constants.Z_SYNC_FLUSH, r));
  console.log('flush sync', got.splice(0).join(' '));
  gz.write('third');
  await new Promise((r) => gz.flush(zlib.constants.Z_PARTIAL_FLUSH, r));
  console.log('flush partial', got.splice(0).join(' '));
  gz.flush(zlib.constants.Z_BLOCK);
  gz.write('fourth');
  gz.flush();
  gz.end();
  await new Promise((r) => gz.on('end', r));
  console.log('flush rest', got.join(' '));
  gz.flush(() => console.log('flush after end'));
  const br = zlib.createBrotliCompress();
  const bgot = [];
  br.on('data', (x) => bgot.push(x.length));
  br.write('brotli flush me');
  await new Promise((r) => br.flush(r));
  console.log('brotli flush', bgot.join(','));
  br.end();
  await new Promise((r) => br.on('end', r));
  const ended = zlib.createGzip();
  ended.end('x');
  ended.flush(() => console.log('flush while ending'));
  ended.resume();
  await new Promise((r) => ended.on('close', r));
});

// params() changes level and strategy mid-stream.
steps.push(async () => {
  const d = zlib.createDeflate({ level: 1 });
  const out = collect(d);
  d.write(text.subarray(0, 20000));
  await new Promise((r) => d.params(9, zlib.constants.Z_FILTERED, r));
  console.log('params', d._level, d._strategy);
  d.params(9, zlib.constants.Z_FILTERED, () => console.log('params unchanged callback'));
  d.end(text.subarray(20000));
  const all = Buffer.concat(await out);
  console.log('params output', all.length, sum(all), zlib.inflateSync(all).equals(text));
  for (const bad of [[10, 0], [1, 9], ['1', 0], [1, null]]) {
    try { d.params(...bad); } catch (e) { console.log('params bad', JSON.stringify(bad), e.code, e.message); }
  }
});

// reset() starts the engine over; close() destroys.
steps.push(async () => {
  const inf = zlib.createInflate();
  const chunks = collect(inf);
  await new Promise((r) => inf.write(zlib.deflateSync('before reset').subarray(0, 5), r));
  inf.reset();
  inf.end(zlib.deflateSync('after reset'));
  console.log('reset', Buffer.concat(await chunks).toString());
  const g = zlib.createGzip();
  const events = [];
  g.on('close', () => events.push('close'));
  g.on('error', (e) => events.push(`error ${e.code}`));
  g.write('data');
  g.close(() => { events.push('close callback'); });
  console.log('closed', g.destroyed, g._closed);
  await new Promise((r) => setTimeout(r, 10));
  console.log('close events', events.join(','));
  g.close();
  try { g.reset(); } catch (e) { console.log('reset closed', e.code, e.message.split('\n')[0]); }
});

// A slow reader: output waits for it, chunk by chunk (backpressure), and nothing is lost.
steps.push(async () => {
  const inf = zlib.createGunzip({ chunkSize: 512, highWaterMark: 1024 });
  inf.end(zlib.gzipSync(text));
  await new Promise((r) => setImmediate(r));
  console.log('backpressure buffered', inf.readableLength <= 1024 + 512, inf.bytesWritten < 2000);
  const got = [];
  for await (const chunk of inf) got.push(chunk.length);
  console.log('backpressure', got.length, got.slice(0, 5).join(','), got.reduce((a, b) => a + b, 0));
});

// finishFlush Z_SYNC_FLUSH reads a truncated stream as far as it goes.
steps.push(async () => {
  const gz = zlib.gzipSync(text);
  const part = gz.subarray(0, 3000);
  const sync = zlib.gunzipSync(part, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  console.log('partial sync', sync.length, text.subarray(0, sync.length).equals(sync));
  const cb = await new Promise((r) => zlib.gunzip(part, { finishFlush: zlib.constants.Z_SYNC_FLUSH }, (e, res) => r(res)));
  console.log('partial callback', cb.length);
  const s = zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const out = collect(s);
  s.end(part);
  console.log('partial stream', Buffer.concat(await out).length);
  const br = zlib.brotliCompressSync(text);
  console.log('partial brotli', zlib.brotliDecompressSync(br.subarray(0, 500), { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }).length);
});

// Write callbacks, string chunks with encodings, and the order of events.
steps.push(async () => {
  const gz = zlib.createGzip();
  const log = [];
  gz.on('data', () => log.push('data'));
  gz.write('aGVsbG8=', 'base64', () => log.push('write1'));
  gz.write('776f726c64', 'hex', () => log.push('write2'));
  gz.end(() => log.push('end callback'));
  gz.on('finish', () => log.push('finish'));
  gz.on('end', () => log.push('end'));
  await new Promise((r) => gz.on('close', r));
  console.log('order', log.join(','));
  console.log('encoded', gz.bytesWritten);
  const sd = zlib.createGunzip();
  sd.setEncoding('utf8');
  const out = collect(sd);
  sd.end(zlib.gzipSync('text out ✓'));
  console.log('setEncoding', JSON.stringify((await out).join('')));
});

run().then(() => console.log('done'));

// CompressionStream and DecompressionStream: the bytes of each format as Node's zlib writes them
// (chunk by chunk), round trips through pipeThrough, string chunks, corrupt and truncated input,
// a large body, and a cancelled readable side.
const zlib = require('zlib');
const show = (label, e) => console.log(label, '=>', e.name, e.code, e.message);
const collect = async (readable) => {
  const out = [];
  for await (const c of readable) out.push(c);
  return out;
};
const feed = (stream, chunks) => {
  const w = stream.writable.getWriter();
  const steps = chunks.map((c) => w.write(c));
  steps.push(w.close());
  return Promise.allSettled(steps);
};
(async () => {
  for (const format of ['deflate', 'deflate-raw', 'gzip']) {
    const cs = new CompressionStream(format);
    feed(cs, [new TextEncoder().encode('hello hello hello'), new Uint8Array([1, 2, 3])]);
    const chunks = await collect(cs.readable);
    console.log(format, chunks.map((c) => `${c.constructor.name}:${Buffer.from(c).toString('hex')}`));
    const back = await collect(ReadableStream.from([Buffer.concat(chunks)]).pipeThrough(new DecompressionStream(format)));
    console.log(' back', Buffer.concat(back).toString('latin1'));
  }
  const fromNode = zlib.gzipSync('made by zlib');
  console.log('gunzip', Buffer.concat(await collect(ReadableStream.from([fromNode.subarray(0, 5), fromNode.subarray(5)]).pipeThrough(new DecompressionStream('gzip')))).toString());
  const strings = new CompressionStream('deflate');
  feed(strings, ['a string chunk']);
  console.log('string chunk', zlib.inflateSync(Buffer.concat(await collect(strings.readable))).toString());
  for (const [label, bytes] of [['corrupt', new Uint8Array([1, 2, 3])], ['truncated', zlib.gzipSync('abc').subarray(0, 5)]]) {
    const ds = new DecompressionStream('gzip');
    const [steps] = await Promise.all([feed(ds, [bytes]), collect(ds.readable).then((c) => console.log(label, 'read', c.length), (e) => show(`${label} read`, e))]);
    for (const r of steps) console.log(' ', r.status, r.reason && `${r.reason.code} ${r.reason.message}`);
  }
  const big = new Uint8Array(300000).map((_, i) => (i * 7) % 251);
  const packed = await collect(ReadableStream.from([big.subarray(0, 100000), big.subarray(100000)]).pipeThrough(new CompressionStream('deflate')));
  const packedBytes = Buffer.concat(packed);
  console.log('big', packedBytes.equals(zlib.deflateSync(big)), Buffer.concat(await collect(ReadableStream.from([packedBytes]).pipeThrough(new DecompressionStream('deflate')))).equals(Buffer.from(big)));
  const cs = new CompressionStream('gzip');
  await cs.readable.cancel('no more');
  await cs.writable.getWriter().write(new Uint8Array(1)).catch((e) => console.log('write after cancel', e));
})().catch((e) => show('failed', e));

// zlib round trips: every format in its sync, callback and promisified (callback-last, (err, result))
// forms, with every input type (string, Buffer, Uint8Array, other TypedArrays, DataView, ArrayBuffer,
// empty), zlib options (level, windowBits, memLevel, strategy, chunkSize) and exact compressed bytes.
const zlib = require('zlib');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(300);
const input = Buffer.from(text);
const pairs = [['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'], ['brotliCompress', 'brotliDecompress'], ['gzip', 'unzip'], ['deflate', 'unzip']];
// FNV-1a over the bytes: a fingerprint that does not depend on the module under test.
const hex = (b) => { let h = 0x811c9dc5; for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0; return h.toString(16); };

for (const [c, d] of pairs) {
  const z = zlib[`${c}Sync`](input);
  const back = zlib[`${d}Sync`](z);
  console.log(c, d, z.length, hex(z), back.equals(input), Buffer.isBuffer(z), z.constructor.name);
}

// Input types.
const u16 = new Uint16Array([1, 2, 3, 65535, 256]);
const dv = new DataView(input.buffer, input.byteOffset + 5, 100);
const ab = new Uint8Array([9, 8, 7, 6]).buffer;
for (const [name, value] of [['string', 'héllo wörld ✓'], ['Buffer', input.subarray(0, 50)], ['Uint8Array', new Uint8Array(input.subarray(10, 70))], ['Uint16Array', u16], ['DataView', dv], ['ArrayBuffer', ab], ['empty', ''], ['emptyBuffer', Buffer.alloc(0)]]) {
  const z = zlib.gzipSync(value);
  console.log('input', name, z.length, hex(zlib.gunzipSync(z)), zlib.gunzipSync(z).length);
}

// Options change the bytes exactly as under node.
const opts = [{ level: 0 }, { level: 1 }, { level: 9 }, { level: -1 }, { windowBits: 9 }, { windowBits: 15 }, { memLevel: 1 }, { memLevel: 9 }, { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { strategy: zlib.constants.Z_RLE }, { strategy: zlib.constants.Z_FIXED }, { strategy: zlib.constants.Z_FILTERED }, { chunkSize: 64 }, { chunkSize: 1024 }, { level: 9, memLevel: 9, windowBits: 10 }];
for (const o of opts) {
  for (const c of ['deflateSync', 'gzipSync', 'deflateRawSync']) {
    const z = zlib[c](input, o);
    console.log(c, JSON.stringify(o), z.length, hex(z));
  }
}
console.log('raw8', zlib.deflateRawSync(input, { windowBits: 8 }).length, hex(zlib.inflateRawSync(zlib.deflateRawSync(input, { windowBits: 8 }), { windowBits: 9 })));
const o8 = { windowBits: 8 };
zlib.deflateRawSync('x', o8);
console.log('raw8 options after', JSON.stringify(o8));
console.log('inflate window from header', zlib.inflateSync(zlib.deflateSync(input, { windowBits: 10 }), { windowBits: 0 }).equals(input));
try { zlib.inflateSync(zlib.deflateSync(input), { windowBits: 9 }); } catch (e) { console.log('small window', e.code, e.message); }

// Random data does not compress; still round trips.
const noise = Buffer.alloc(200000);
for (let i = 0, x = 12345; i < noise.length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; noise[i] = x >> 16; }
for (const [c, d] of pairs) console.log('noise', c, zlib[`${c}Sync`](noise).length, zlib[`${d}Sync`](zlib[`${c}Sync`](noise)).equals(noise));

// Callback forms, in sequence so the output order is fixed.
const promisify = (fn) => (...args) => new Promise((resolve, reject) => fn(...args, (err, result) => (err ? reject(err) : resolve(result))));
(async () => {
  for (const [c, d] of pairs) {
    const z = await new Promise((resolve) => zlib[c](input, (err, result) => { console.log('cb', c, err, result.length, Buffer.isBuffer(result)); resolve(result); }));
    const back = await promisify(zlib[d])(z);
    console.log('promise', d, back.equals(input));
    const withOpts = await promisify(zlib[c])(input, { chunkSize: 128 });
    console.log('cb opts', c, withOpts.equals(z));
  }
  const z = await promisify(zlib.gzip)('async string');
  console.log('arraybuffer cb', (await promisify(zlib.gunzip)(z.buffer.slice(z.byteOffset, z.byteOffset + z.length))).toString());
  console.log('u16 cb', zlib.inflateSync(await promisify(zlib.deflate)(u16)).length);
  console.log('dv cb', zlib.inflateSync(await promisify(zlib.deflate)(dv)).equals(input.subarray(5, 105)));
  let order = 'callback first';
  // Awaited before the next call: two calls in flight finish in the thread pool's order, not the program's.
  const called = new Promise((resolve) => zlib.gzip('x', () => resolve(console.log('callback after the caller returns:', order))));
  order = 'caller first';
  await called;
  const empty = await promisify(zlib.gunzip)(zlib.gzipSync(''));
  console.log('empty result', empty.length, Buffer.isBuffer(empty));
  console.log('sync returns before callback');
})();

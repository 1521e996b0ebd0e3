// zlib preset dictionaries and brotli parameters: deflate/inflate (and raw) with a dictionary in
// every form, missing and wrong dictionaries (Z_NEED_DICT errors) in sync, callback and stream forms,
// and brotli quality, window, mode and size hint changing the output bytes as under node.
const zlib = require('zlib');
const P = zlib.constants;

const dict = Buffer.from('the common words: compression dictionary preset zlib stream');
const text = Buffer.from('a compression dictionary makes the first words of a zlib stream cheaper: the common words. '.repeat(3));
const fp = (b) => { let h = 0x811c9dc5; for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0; return h.toString(16); };
const show = (e) => `${e.code} ${e.errno} ${e.message}`;

const plain = zlib.deflateSync(text);
const withDict = zlib.deflateSync(text, { dictionary: dict });
console.log('sizes', plain.length, withDict.length, fp(withDict), withDict.readUInt32BE(2).toString(16));
console.log('back', zlib.inflateSync(withDict, { dictionary: dict }).equals(text));
for (const form of [new Uint8Array(dict), new DataView(dict.buffer, dict.byteOffset, dict.length), dict.buffer.slice(dict.byteOffset, dict.byteOffset + dict.length), new Uint16Array(dict.buffer.slice(dict.byteOffset, dict.byteOffset + dict.length - (dict.length % 2)))]) {
  try { console.log('form', form.constructor.name, fp(zlib.deflateSync(text, { dictionary: form })), zlib.inflateSync(zlib.deflateSync(text, { dictionary: form }), { dictionary: form }).equals(text)); } catch (e) { console.log('form', form.constructor.name, show(e)); }
}
const raw = zlib.deflateRawSync(text, { dictionary: dict });
console.log('raw', raw.length, fp(raw), zlib.inflateRawSync(raw, { dictionary: dict }).equals(text));
try { console.log('raw no dict', zlib.inflateRawSync(raw).length); } catch (e) { console.log('raw no dict', show(e)); }
for (const [label, opts] of [['missing', {}], ['wrong', { dictionary: Buffer.from('something else entirely') }], ['empty', { dictionary: Buffer.alloc(0) }]]) {
  try { zlib.inflateSync(withDict, opts); console.log(label, 'ok'); } catch (e) { console.log(label, show(e), Object.keys(e).join()); }
}
try { console.log('gzip dict', zlib.gunzipSync(zlib.gzipSync(text, { dictionary: dict }), { dictionary: dict }).equals(text)); } catch (e) { console.log('gzip dict', show(e)); }
try { console.log('unneeded dict', zlib.inflateSync(plain, { dictionary: dict }).equals(text)); } catch (e) { console.log('unneeded dict', show(e)); }

// Brotli parameters.
const big = Buffer.from(Array.from({ length: 3000 }, (_, i) => `row ${i}: ${(i * 7919) % 1000}\n`).join(''));
const cases = [{}, { [P.BROTLI_PARAM_QUALITY]: 0 }, { [P.BROTLI_PARAM_QUALITY]: 5 }, { [P.BROTLI_PARAM_QUALITY]: 11 }, { [P.BROTLI_PARAM_QUALITY]: 99 },
  { [P.BROTLI_PARAM_LGWIN]: 10 }, { [P.BROTLI_PARAM_LGWIN]: 24 }, { [P.BROTLI_PARAM_MODE]: P.BROTLI_MODE_TEXT }, { [P.BROTLI_PARAM_MODE]: P.BROTLI_MODE_FONT },
  { [P.BROTLI_PARAM_SIZE_HINT]: big.length }, { [P.BROTLI_PARAM_LGBLOCK]: 16 }, { [P.BROTLI_PARAM_QUALITY]: true }, { [P.BROTLI_PARAM_QUALITY]: 4.7 }, { [P.BROTLI_PARAM_QUALITY]: -3 },
  { [P.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING]: true }, { [P.BROTLI_PARAM_NPOSTFIX]: 2, [P.BROTLI_PARAM_NDIRECT]: 8 }];
for (const params of cases) {
  try {
    const out = zlib.brotliCompressSync(big, { params });
    console.log('brotli', JSON.stringify(params), out.length, fp(out), zlib.brotliDecompressSync(out).equals(big));
  } catch (e) { console.log('brotli', JSON.stringify(params), show(e)); }
}
console.log('decoder param', zlib.brotliDecompressSync(zlib.brotliCompressSync(big), { params: { [P.BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION]: 1 } }).equals(big));

(async () => {
  const cb = (fn, data, opts) => new Promise((resolve) => zlib[fn](data, opts, (err, res) => resolve(err ? `error ${show(err)}` : `ok ${res.length}`)));
  console.log('callback dict', await cb('inflate', withDict, { dictionary: dict }));
  console.log('callback missing', await cb('inflate', withDict, {}));
  console.log('callback brotli', await cb('brotliCompress', big, { params: { [P.BROTLI_PARAM_QUALITY]: 3 } }));
  const s = zlib.createInflate();
  s.on('error', (e) => console.log('stream missing', show(e), s.destroyed));
  s.on('data', () => console.log('stream data?'));
  s.end(withDict);
  await new Promise((r) => s.on('close', r));
  const d = zlib.createDeflate({ dictionary: dict });
  const i = zlib.createInflate({ dictionary: dict });
  const chunks = [];
  d.pipe(i).on('data', (c) => chunks.push(c));
  d.end(text);
  await new Promise((r) => i.on('end', r));
  console.log('stream dict', Buffer.concat(chunks).equals(text));
})();

// Writes of every view type at offsets, strings in every encoding, appends and flags, in all three forms.
const fs = require('fs');
function sum(b) { let h = 2166136261; for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0; return h.toString(16); }
function show(name) { const b = fs.readFileSync(name); console.log(name, b.length, sum(b), b.subarray(0, 16).toString('hex')); }
const ab = new ArrayBuffer(64); const u8 = new Uint8Array(ab); for (let i = 0; i < 64; i++) u8[i] = (i * 37) & 0xff;
const views = {
  u8: new Uint8Array(ab, 3, 11), i8: new Int8Array(ab, 5, 7), u16: new Uint16Array(ab, 2, 6), i16: new Int16Array(ab, 4, 5),
  u32: new Uint32Array(ab, 8, 3), i32: new Int32Array(ab, 12, 2), f32: new Float32Array(ab, 16, 4), f64: new Float64Array(ab, 8, 3),
  big64: new BigInt64Array(ab, 16, 2), ubig64: new BigUint64Array(ab, 24, 2), clamped: new Uint8ClampedArray(ab, 1, 9),
  dv: new DataView(ab, 7, 13), buf: Buffer.from(ab, 10, 20), empty: new Uint8Array(ab, 30, 0),
};
fs.mkdirSync('out');
for (const [k, v] of Object.entries(views)) { fs.writeFileSync('out/' + k, v); show('out/' + k); }
const text = 'héllo wörld € 𝄞 \u0000 end';
for (const enc of ['utf8', 'latin1', 'ascii', 'ucs2', 'utf16le', 'base64', 'base64url', 'hex', 'binary']) {
  const data = enc === 'hex' ? 'c3a9ff00zz' : enc.startsWith('base64') ? 'w6n_/+AA' : text;
  fs.writeFileSync('out/s-' + enc, data, enc); show('out/s-' + enc);
  fs.writeFileSync('out/o-' + enc, data, { encoding: enc, flag: 'w' }); show('out/o-' + enc);
}
fs.appendFileSync('out/app', Buffer.from([0, 1, 2])); fs.appendFileSync('out/app', new Uint16Array([0xfffe, 0x0100])); fs.appendFileSync('out/app', 'tail', 'latin1'); show('out/app');
fs.writeFileSync('out/flags', 'abc'); fs.writeFileSync('out/flags', 'XY', { flag: 'r+' }); show('out/flags');
fs.writeFileSync('out/flags', '+', { flag: 'a' }); show('out/flags');
for (const [flag, name] of [['wx', 'out/flags'], ['ax', 'out/flags'], ['r+', 'out/missing'], ['wx', 'out/new-wx']]) {
  try { fs.writeFileSync(name, 'z', { flag }); console.log('ok', flag, name); } catch (e) { console.log(flag, e.code, e.errno, e.syscall, e.path, e.message); }
}
(async () => {
  await fs.promises.writeFile('out/p', new Float64Array([1.5, -0, NaN]));
  await fs.promises.appendFile('out/p', new DataView(ab, 40, 5));
  show('out/p');
  await new Promise((res, rej) => fs.writeFile('out/cb', new Int16Array(ab, 32, 4), (e) => (e ? rej(e) : res())));
  await new Promise((res, rej) => fs.appendFile('out/cb', 'ä', 'latin1', (e) => (e ? rej(e) : res())));
  show('out/cb');
  const big = Buffer.alloc(3 * 1024 * 1024 + 7); for (let i = 0; i < big.length; i += 4096) big[i] = i & 0xff;
  await fs.promises.writeFile('out/big', new Uint8Array(big.buffer, big.byteOffset + 5, big.length - 5));
  show('out/big');
  try { await fs.promises.writeFile('out/big', 5); } catch (e) { console.log('promise', e.code, e.message); }
})();

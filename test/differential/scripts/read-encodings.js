// Reads every fixture file in every encoding, sync, callback and promise forms.
const fs = require('fs');
const files = ['bin/zero.bin', 'bin/a.bin', 'bin/H.bin', 'bin/png.bin', 'bin/ff.bin', 'bin/empty.bin', 'bin/json.bin',
  'text/utf8.txt', 'text/latin1.txt', 'text/invalid.txt', 'text/bom.txt', 'text/utf16.txt', 'big/1m.bin'];
const encodings = [undefined, null, '', 'utf8', 'utf-8', 'UTF8', 'Utf-8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url',
  'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UCS2', 'LATIN1'];
function show(v) {
  if (typeof v === 'string') return 'string ' + v.length + ' ' + JSON.stringify(v.length > 80 ? v.slice(0, 40) + v.slice(-40) : v);
  return (Buffer.isBuffer(v) ? 'Buffer ' : 'other ') + v.length + ' ' + v.subarray(0, 12).toString('hex');
}
for (const f of files) {
  for (const enc of encodings) {
    console.log(f, String(enc), show(fs.readFileSync(f, enc)), show(fs.readFileSync(f, { encoding: enc })));
  }
  console.log(f, 'flag', show(fs.readFileSync(f, { encoding: 'hex', flag: 'r' })), show(fs.readFileSync(f, {})));
}
for (const bad of ['buffer', 0, false, 'nope', 'utf9', 5, true, {}, 'utf8 ', 'hex\u0000']) {
  for (const call of [() => fs.readFileSync('text/utf8.txt', bad), () => fs.readFileSync('text/utf8.txt', { encoding: bad })]) {
    try { console.log('no error', show(call())); } catch (e) { console.log(e.name, e.code, e.message); }
  }
}
(async () => {
  for (const f of files) for (const enc of ['utf8', 'latin1', 'hex', null]) {
    console.log('promise', f, enc, show(await fs.promises.readFile(f, enc)));
    console.log('callback', f, enc, show(await new Promise((res, rej) => fs.readFile(f, enc, (e, d) => (e ? rej(e) : res(d))))));
  }
  try { await fs.promises.readFile('text/utf8.txt', 'nope'); } catch (e) { console.log('promise bad', e.code, e.message); }
  try { fs.readFile('text/utf8.txt', 'nope', () => {}); } catch (e) { console.log('callback bad throws', e.code); }
})();

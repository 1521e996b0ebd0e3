// The large fixture files through every read form: lengths, checksums, first and last bytes; a copy written back.
const fs = require('fs');
function sum(b) { let h = 2166136261; for (let i = 0; i < b.length; i += 7) h = Math.imul(h ^ b[i], 16777619) >>> 0; return h.toString(16); }
function show(tag, b) { console.log(tag, b.length, sum(b), b.subarray(0, 8).toString('hex'), b.subarray(-8).toString('hex')); }
for (const f of ['big/1m.bin', 'big/20m.bin']) {
  const a = fs.readFileSync(f); show('sync ' + f, a);
  fs.writeFileSync(f + '.copy', a);
  show('copy ' + f, fs.readFileSync(f + '.copy'));
  console.log('base64 length', fs.readFileSync(f, 'base64').length, 'latin1 length', fs.readFileSync(f, 'latin1').length);
}
(async () => {
  show('promise', await fs.promises.readFile('big/20m.bin'));
  show('callback', await new Promise((res, rej) => fs.readFile('big/20m.bin', (e, d) => (e ? rej(e) : res(d)))));
  const all = await Promise.all([1, 2, 3, 4].map(() => fs.promises.readFile('big/1m.bin')));
  console.log('concurrent', all.map((b) => sum(b)).join(' '));
  fs.unlinkSync('big/20m.bin.copy');
})();

// readline over streams that are not terminals: lines split on \n, \r\n, a lone \r and a \r\n cut
// across chunks; the last unterminated line at the end; question; async iteration; close; and the
// promise API. Also string_decoder on split multi-byte characters, tty.isatty and constants.
const readline = require('readline');
const { PassThrough } = require('stream');
const { StringDecoder } = require('string_decoder');

async function main() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const seen = [];
  rl.on('line', (l) => seen.push(JSON.stringify(l)));
  const closed = new Promise((r) => rl.on('close', r));
  for (const chunk of ['one\ntwo\r\nthr', 'ee\rfour\r', '\nfive', '\n\nlast']) input.write(chunk);
  input.end();
  await closed;
  console.log('lines', seen.join(' '), rl.closed);
  try { rl.write('x'); } catch (e) { console.log(e.name, e.code, e.message); }

  const i2 = new PassThrough();
  const out = new PassThrough();
  let printed = '';
  out.on('data', (d) => (printed += d));
  const rl2 = readline.createInterface({ input: i2, output: out, terminal: false });
  const answer = new Promise((r) => rl2.question('name? ', r));
  i2.write('Ada\nmore\n');
  console.log('answer', await answer, JSON.stringify(printed));
  rl2.close();

  const i3 = new PassThrough();
  const rl3 = readline.createInterface({ input: i3, crlfDelay: Infinity });
  i3.end('a\nb\nc');
  const it = [];
  for await (const line of rl3) it.push(line);
  console.log('iterated', it.join(','));

  const rp = require('readline/promises');
  const i4 = new PassThrough();
  const rl4 = rp.createInterface({ input: i4, output: new PassThrough() });
  const p = rl4.question('q? ');
  i4.write('yes\n');
  console.log('promise answer', await p, typeof rp.Interface, typeof readline.promises.createInterface);
  rl4.close();

  const d = new StringDecoder('utf8');
  const euro = Buffer.from('€uro');
  console.log(JSON.stringify(d.write(euro.subarray(0, 1))), JSON.stringify(d.write(euro.subarray(1, 2))), JSON.stringify(d.write(euro.subarray(2))), JSON.stringify(d.end()));
  const h = new StringDecoder('hex');
  console.log(h.write(Buffer.from([1, 2])), h.end(Buffer.from([255])));
  const b = new StringDecoder('base64');
  console.log(b.write(Buffer.from('ab')), b.end());
  const u = new StringDecoder('utf16le');
  console.log(JSON.stringify(u.write(Buffer.from([0x3d]))), JSON.stringify(u.write(Buffer.from([0xd8, 0x00]))), JSON.stringify(u.end()));
  console.log(JSON.stringify(new StringDecoder('utf8').end(Buffer.from([0xe2, 0x82]))));
  try { new StringDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log(require('tty').isatty(1), require('tty').isatty(0));
  const c = require('constants');
  console.log(Object.keys(c).length, c.O_RDONLY, c.SIGTERM, c.ENOENT, Object.isFrozen(c));
}
main();

// stream/consumers: text, json, buffer, arrayBuffer and blob of Node streams, async iterables and
// generators, with string and byte chunks (a multi-byte character split across chunks).
const consumers = require('stream/consumers');
const { Readable } = require('stream');
(async () => {
  console.log(Object.keys(consumers).sort().join(), Object.keys(await import('node:stream/consumers')).sort().join());
  const euro = Buffer.from('\u20ac');
  const parts = () => Readable.from([Buffer.from('a'), euro.subarray(0, 1), euro.subarray(1), 'b']);
  console.log('text', JSON.stringify(await consumers.text(parts())));
  console.log('buffer', (await consumers.buffer(parts())).toString('hex'));
  const ab = await consumers.arrayBuffer(parts());
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await consumers.blob(parts());
  console.log('blob', blob instanceof Blob, blob.size, await blob.text());
  console.log('json', await consumers.json(Readable.from(['{"a":', ' [1, 2]}'])));
  await consumers.json(Readable.from(['{bad'])).catch((e) => console.log('bad json', e.name));
  async function* gen() {
    yield 'x';
    yield new Uint8Array([0x79]);
  }
  console.log('generator', await consumers.text(gen()));
  const failing = new Readable({ read() { this.destroy(new Error('source failed')); } });
  await consumers.text(failing).catch((e) => console.log('failing source', e.message));
  const fs = require('fs');
  fs.writeFileSync('consumed.txt', 'from a file stream');
  console.log('file stream', await consumers.text(fs.createReadStream('consumed.txt', { highWaterMark: 4 })));
  fs.unlinkSync('consumed.txt');
})();

// stream/consumers over web streams: a ReadableStream of strings, of bytes (a character split
// across chunks), a byte stream, a Blob's stream, a TransformStream's readable side, a stream that
// errors, and a locked one.
const consumers = require('stream/consumers');
const show = (label, e) => console.log(label, '=>', e.name, e.code, e.message);
(async () => {
  const euro = new TextEncoder().encode('\u20ac');
  const bytes = () => ReadableStream.from([new Uint8Array([0x61]), euro.subarray(0, 2), euro.subarray(2), new Uint8Array([0x62])]);
  console.log('text', await consumers.text(bytes()));
  console.log('text of strings', await consumers.text(ReadableStream.from(['x', 'y'])));
  console.log('json', await consumers.json(ReadableStream.from(['{"a":', '[1,2]}'])));
  const buf = await consumers.buffer(bytes());
  console.log('buffer', Buffer.isBuffer(buf), buf.toString('hex'));
  const ab = await consumers.arrayBuffer(new Blob(['blob', 'parts']).stream());
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await consumers.blob(new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } }));
  console.log('blob', blob, await blob.arrayBuffer());
  const t = new TransformStream({ transform(c, ctl) { ctl.enqueue(c + c); } });
  const w = t.writable.getWriter();
  w.write('ab');
  w.close();
  console.log('transformed', await consumers.text(t.readable));
  await consumers.text(new ReadableStream({ pull() { throw new RangeError('source broke'); } })).catch((e) => show('erroring source', e));
  const locked = ReadableStream.from(['l']);
  locked.getReader();
  await consumers.text(locked).catch((e) => show('locked', e));
  await consumers.json(ReadableStream.from(['{nope'])).catch((e) => show('bad json', e));
})();

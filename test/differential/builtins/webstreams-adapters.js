// Node streams as web streams and back: Readable/Writable/Duplex toWeb and fromWeb, their argument
// checks, the chunks each side sees (Buffers of a byte stream become Uint8Arrays), errors and
// destruction crossing over, a premature close (an AbortError), and backpressure.
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const show = (label, e) => console.log(label, '=>', e && e.name, e && e.code, e && e.message);
const sync = (label, f) => {
  try {
    f();
    console.log(label, '=> ok');
  } catch (e) {
    show(label, e);
  }
};
const ended = (s) => new Promise((r) => s.on('close', r));
(async () => {
  console.log(Readable.toWeb.length, Readable.fromWeb.length, Writable.toWeb.length, Writable.fromWeb.length, Duplex.toWeb.length, Duplex.fromWeb.length);
  sync('Readable.toWeb 5', () => Readable.toWeb(5));
  sync('Readable.toWeb {}', () => Readable.toWeb({}));
  sync('Readable.toWeb a Writable', () => Readable.toWeb(new Writable()));
  sync('Readable.fromWeb 5', () => Readable.fromWeb(5));
  sync('Readable.fromWeb options 5', () => Readable.fromWeb(new ReadableStream(), 5));
  sync('Readable.fromWeb objectMode 5', () => Readable.fromWeb(new ReadableStream(), { objectMode: 5 }));
  sync('Readable.fromWeb bad encoding', () => Readable.fromWeb(new ReadableStream(), { encoding: 'nope' }));
  sync('Readable.fromWeb locked', () => { const s = new ReadableStream(); s.getReader(); Readable.fromWeb(s); });
  sync('Writable.toWeb 5', () => Writable.toWeb(5));
  sync('Writable.fromWeb 5', () => Writable.fromWeb(5));
  sync('Writable.fromWeb decodeStrings 5', () => Writable.fromWeb(new WritableStream(), { decodeStrings: 5 }));
  sync('Duplex.toWeb 5', () => Duplex.toWeb(5));
  sync('Duplex.toWeb a Readable', () => Duplex.toWeb(new Readable()));
  sync('Duplex.fromWeb 5', () => Duplex.fromWeb(5));
  sync('Duplex.fromWeb {}', () => Duplex.fromWeb({}));
  sync('Duplex.fromWeb readable only', () => Duplex.fromWeb({ readable: new ReadableStream() }));

  const objects = Readable.toWeb(Readable.from(['a', Buffer.from('b'), { c: 1 }]));
  console.log(objects);
  for await (const c of objects) console.log('object mode chunk', c);
  const bytes = new Readable({ read() { this.push(Buffer.from('xy')); this.push(null); } });
  for await (const c of Readable.toWeb(bytes)) console.log('byte chunk', c);
  const slow = new Readable({ highWaterMark: 5, read() {} });
  const slowWeb = Readable.toWeb(slow);
  slow.push('abc');
  await new Promise((r) => setTimeout(r, 5));
  const reader = slowWeb.getReader();
  console.log('pushed', await reader.read());
  slow.destroy(new Error('die'));
  await reader.read().catch((e) => show('destroyed source', e));
  const closing = new Readable({ read() {} });
  const closingWeb = Readable.toWeb(closing);
  closing.destroy();
  await closingWeb.getReader().read().then((r) => console.log('premature', r), (e) => console.log('premature', e.name, e.code, e.message, e.cause && e.cause.code));
  const cancelled = new Readable({ read() {} });
  cancelled.on('error', (e) => console.log('cancel destroys with', e));
  await Readable.toWeb(cancelled).cancel('enough');
  await new Promise((r) => setTimeout(r, 5));
  console.log('cancelled', cancelled.destroyed);

  const node = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); c.enqueue('B'); c.close(); } }));
  node.on('data', (d) => console.log('fromWeb data', d));
  await ended(node);
  const text = Readable.fromWeb(ReadableStream.from([new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac])]), { encoding: 'utf8' });
  for await (const d of text) console.log('fromWeb text', JSON.stringify(d));
  for await (const d of Readable.fromWeb(ReadableStream.from([1, { two: 2 }]), { objectMode: true })) console.log('fromWeb object', d);
  const broken = Readable.fromWeb(new ReadableStream({ pull() { throw new Error('pull fails'); } }));
  broken.on('error', (e) => show('fromWeb error', e));
  broken.resume();
  await ended(broken);
  let cancelReason;
  const source = new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(1)); }, cancel(r) { cancelReason = r; } });
  const destroyed = Readable.fromWeb(source);
  destroyed.on('error', () => {});
  destroyed.destroy(new Error('stop reading'));
  await ended(destroyed);
  console.log('web source cancelled with', cancelReason && cancelReason.message);

  const got = [];
  const ws = Writable.toWeb(new Writable({ write(c, e, cb) { got.push(c); cb(); } }));
  const writer = ws.getWriter();
  await writer.write(new Uint8Array([1]));
  await writer.write('s');
  await writer.close();
  console.log('toWeb writable', got);
  const failingSink = new Writable({ write(c, e, cb) { cb(new Error('sink failed')); } });
  failingSink.on('error', () => {});
  const fw = Writable.toWeb(failingSink).getWriter();
  await fw.write(new Uint8Array(1)).then(() => console.log('first write ok'), (e) => show('first write', e));
  await fw.closed.catch((e) => show('toWeb writable closed', e));
  const tiny = new Writable({ highWaterMark: 1, write(c, e, cb) { setTimeout(cb, 2); } });
  const tw = Writable.toWeb(tiny).getWriter();
  console.log('desired', tw.desiredSize);
  await tw.write(new Uint8Array(4));
  await tw.write(new Uint8Array(4));
  await tw.close();
  console.log('tiny finished', tiny.writableFinished);

  const sink = [];
  const nw = Writable.fromWeb(new WritableStream({ write(c) { sink.push(c); } }));
  nw.write('hi');
  nw.write(Buffer.from('yo'));
  nw.end();
  await new Promise((r) => nw.on('finish', r));
  console.log('fromWeb writable', sink);
  const refusing = Writable.fromWeb(new WritableStream({ write() { throw new RangeError('refused'); } }));
  refusing.on('error', (e) => show('fromWeb writable error', e));
  refusing.write('x');
  await ended(refusing);
  const objectSink = [];
  const ow = Writable.fromWeb(new WritableStream({ write(c) { objectSink.push(c); } }), { objectMode: true });
  ow.end({ an: 'object' });
  await new Promise((r) => ow.on('finish', r));
  console.log('fromWeb objects', objectSink);

  const { readable, writable } = Duplex.toWeb(new PassThrough());
  const dw = writable.getWriter();
  dw.write(new Uint8Array([9]));
  dw.close();
  for await (const c of readable) console.log('duplex toWeb', c);
  const pair = new TransformStream({ transform(c, t) { t.enqueue(String(c).toUpperCase()); } });
  const d = Duplex.fromWeb(pair, { encoding: 'utf8', objectMode: false });
  d.end('abc');
  d.on('data', (c) => console.log('duplex fromWeb', c));
  await new Promise((r) => d.on('end', r));
  const halfDuplex = Duplex.toWeb(new Duplex({ read() {}, write(c, e, cb) { cb(); } }));
  console.log(halfDuplex.readable.locked, halfDuplex.writable.locked);
  console.log('done');
})().catch((e) => show('failed', e));

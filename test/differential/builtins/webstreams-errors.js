// Web streams: the errors a program meets (locked streams, closed controllers, released readers
// and writers, wrong `this`, wrong arguments), with Node's classes, codes and messages, thrown or
// as rejections as Node gives them.
const { show, sync, later } = require('./data/report.js');
(async () => {
  sync('locked getReader', () => { const s = new ReadableStream(); s.getReader(); s.getReader(); });
  sync('locked byob', () => { const s = new ReadableStream({ type: 'bytes' }); s.getReader(); s.getReader({ mode: 'byob' }); });
  sync('byob of a default stream', () => new ReadableStream().getReader({ mode: 'byob' }));
  sync('reader of a non-stream', () => new ReadableStreamDefaultReader({}));
  sync('reader of nothing', () => new ReadableStreamDefaultReader());
  sync('byob reader of a default stream', () => new ReadableStreamBYOBReader(new ReadableStream()));
  sync('reader of a locked stream', () => { const s = new ReadableStream(); s.getReader(); new ReadableStreamDefaultReader(s); });
  sync('writer of a number', () => new WritableStreamDefaultWriter(5));
  sync('writer of a locked stream', () => { const w = new WritableStream(); w.getWriter(); new WritableStreamDefaultWriter(w); });
  for (const name of ['ReadableStreamDefaultController', 'ReadableByteStreamController', 'ReadableStreamBYOBRequest', 'WritableStreamDefaultController', 'TransformStreamDefaultController']) {
    sync(`new ${name}`, () => new globalThis[name]());
  }
  sync('this getReader', () => ReadableStream.prototype.getReader.call({}));
  sync('this locked', () => Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get.call({}));
  sync('this getWriter', () => WritableStream.prototype.getWriter.call(1));
  sync('this readable', () => Object.getOwnPropertyDescriptor(TransformStream.prototype, 'readable').get.call({}));
  sync('this enqueue', () => ReadableByteStreamController.prototype.enqueue.call({}, new Uint8Array(1)));
  sync('this terminate', () => TransformStreamDefaultController.prototype.terminate.call({}));
  sync('this encoding', () => Object.getOwnPropertyDescriptor(TextDecoderStream.prototype, 'encoding').get.call({}));
  sync('this compression readable', () => Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get.call({}));
  await later('this cancel', () => ReadableStream.prototype.cancel.call({}));
  await later('this read', () => ReadableStreamDefaultReader.prototype.read.call({}));
  await later('this byob read', () => ReadableStreamBYOBReader.prototype.read.call({}, new Uint8Array(1)));
  await later('this write', () => WritableStreamDefaultWriter.prototype.write.call({}));
  await later('this abort', () => WritableStream.prototype.abort.call({}));
  await later('this pipeTo', () => ReadableStream.prototype.pipeTo.call({}, new WritableStream()));
  for (const [label, source, strategy] of [
    ['type foo', { type: 'foo' }], ['type null', { type: null }], ['source 5', 5], ['source null', null], ['start 5', { start: 5 }],
    ['pull 5', { pull: 5 }], ['cancel 5', { cancel: 5 }], ['hwm -1', {}, { highWaterMark: -1 }], ['hwm NaN', {}, { highWaterMark: NaN }],
    ['hwm text', {}, { highWaterMark: 'x' }], ['hwm object', {}, { highWaterMark: {} }], ['size 5', {}, { size: 5 }], ['strategy 5', {}, 5],
    ['bytes with size', { type: 'bytes' }, { size() { return 1; } }], ['autoAllocateChunkSize 0', { type: 'bytes', autoAllocateChunkSize: 0 }],
  ]) sync(`ReadableStream ${label}`, () => new ReadableStream(source, strategy));
  for (const [label, sink, strategy] of [['sink 5', 5], ['sink null', null], ['type', { type: 'bytes' }], ['write 5', { write: 5 }], ['close 5', { close: 5 }], ['abort 5', { abort: 5 }], ['start 5', { start: 5 }], ['hwm -1', {}, { highWaterMark: -1 }], ['strategy 5', {}, 5]]) {
    sync(`WritableStream ${label}`, () => new WritableStream(sink, strategy));
  }
  for (const [label, args] of [['null', [null]], ['5', [5]], ['readableType', [{ readableType: 'bytes' }]], ['writableType', [{ writableType: 'x' }]], ['transform 5', [{ transform: 5 }]], ['flush 5', [{ flush: 5 }]], ['cancel 5', [{ cancel: 5 }]], ['start 5', [{ start: 5 }]], ['writable hwm', [{}, { highWaterMark: -1 }]], ['readable hwm', [{}, {}, { highWaterMark: -1 }]], ['writableStrategy 5', [{}, 5]], ['readableStrategy 5', [{}, {}, 5]]]) {
    sync(`TransformStream ${label}`, () => new TransformStream(...args));
  }
  for (const [label, init] of [['none'], ['null', null], ['fn', function () {}], ['{}', {}], ['5', 5]]) {
    sync(`CountQueuingStrategy ${label}`, () => new CountQueuingStrategy(init));
    sync(`ByteLengthQueuingStrategy ${label}`, () => new ByteLengthQueuingStrategy(init));
  }
  sync('mode x', () => new ReadableStream().getReader({ mode: 'x' }));
  sync('getReader 5', () => new ReadableStream().getReader(5));
  sync('values 5', () => new ReadableStream().values(5));
  sync('from 5', () => ReadableStream.from(5));
  sync('from {}', () => ReadableStream.from({}));
  sync('from null', () => ReadableStream.from(null));
  sync('from an iterator method that returns 5', () => ReadableStream.from({ [Symbol.iterator]() { return 5; } }));
  let c;
  new ReadableStream({ start(x) { c = x; } });
  c.close();
  sync('enqueue after close', () => c.enqueue(1));
  sync('close twice', () => c.close());
  let queued;
  new ReadableStream({ start(x) { queued = x; } });
  queued.enqueue(1);
  queued.close();
  sync('enqueue while closing', () => queued.enqueue(2));
  let errored;
  new ReadableStream({ start(x) { errored = x; } });
  errored.error(new Error('boom'));
  sync('enqueue errored', () => errored.enqueue(1));
  sync('close errored', () => errored.close());
  let b;
  new ReadableStream({ type: 'bytes', start(x) { b = x; } });
  sync('byte enqueue string', () => b.enqueue('x'));
  sync('byte enqueue nothing', () => b.enqueue());
  sync('byte enqueue empty', () => b.enqueue(new Uint8Array(0)));
  b.enqueue(new Uint8Array(1));
  b.close();
  sync('byte enqueue while closing', () => b.enqueue(new Uint8Array(1)));
  sync('byte close while closing', () => b.close());
  let b2;
  new ReadableStream({ type: 'bytes', start(x) { b2 = x; } });
  b2.close();
  sync('byte enqueue closed', () => b2.enqueue(new Uint8Array(1)));
  sync('byte close closed', () => b2.close());
  await later('released read', () => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.read(); });
  await later('released closed', () => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.closed; });
  await later('released cancel', () => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.cancel(); });
  await later('pending read on release', () => { const r = new ReadableStream().getReader(); const p = r.read(); r.releaseLock(); return p; });
  await later('cancel locked', () => { const s = new ReadableStream(); s.getReader(); return s.cancel(); });
  await later('pipeTo locked source', () => { const s = new ReadableStream(); s.getReader(); return s.pipeTo(new WritableStream()); });
  await later('pipeTo locked destination', () => { const w = new WritableStream(); w.getWriter(); return new ReadableStream().pipeTo(w); });
  await later('pipeTo a non-stream', () => new ReadableStream().pipeTo({}));
  await later('pipeTo nothing', () => new ReadableStream().pipeTo());
  await later('pipeTo options 5', () => new ReadableStream().pipeTo(new WritableStream(), 5));
  await later('pipeTo signal 5', () => new ReadableStream().pipeTo(new WritableStream(), { signal: 5 }));
  await later('pipeTo aborted', () => { const ac = new AbortController(); const p = new ReadableStream().pipeTo(new WritableStream(), { signal: ac.signal }); ac.abort(); return p; });
  sync('pipeThrough 5', () => new ReadableStream().pipeThrough(5));
  sync('pipeThrough without writable', () => new ReadableStream().pipeThrough({ readable: new ReadableStream() }));
  sync('pipeThrough options 5', () => new ReadableStream().pipeThrough(new TransformStream(), 5));
  sync('pipeThrough locked', () => { const s = new ReadableStream(); s.getReader(); s.pipeThrough(new TransformStream()); });
  sync('tee locked', () => { const s = new ReadableStream(); s.getReader(); s.tee(); });
  sync('values locked', () => { const s = new ReadableStream(); s.getReader(); s.values(); });
  await later('write after close', () => { const w = new WritableStream().getWriter(); w.close(); return w.write(1); });
  await later('close twice', () => { const w = new WritableStream().getWriter(); w.close(); return w.close(); });
  await later('close while writing', () => { const w = new WritableStream({ write() { return new Promise(() => {}); } }).getWriter(); w.write(1); w.close(); return w.close(); });
  await later('close locked', () => { const w = new WritableStream(); w.getWriter(); return w.close(); });
  await later('abort locked', () => { const w = new WritableStream(); w.getWriter(); return w.abort(); });
  for (const step of ['write', 'close', 'abort']) await later(`released writer ${step}`, () => { const w = new WritableStream().getWriter(); w.releaseLock(); return w[step](1); });
  await later('released writer closed', () => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.closed; });
  await later('released writer ready', () => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.ready; });
  sync('released writer desiredSize', () => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.desiredSize; });
  await later('write after terminate', () => new TransformStream({ start(t) { t.terminate(); } }).writable.getWriter().write(1));
  sync('enqueue after terminate', () => { let t; new TransformStream({ start(x) { t = x; } }); t.terminate(); t.enqueue(1); });
  await later('start throws', () => new ReadableStream({ start() { throw new Error('start boom'); } }).getReader().read());
  await later('pull throws', () => new ReadableStream({ pull() { throw new Error('pull boom'); } }).getReader().read());
  await later('pull rejects', () => new ReadableStream({ pull() { return Promise.reject(new RangeError('pull rejects')); } }).getReader().read());
  await later('write throws', () => new WritableStream({ write() { throw new SyntaxError('write boom'); } }).getWriter().write(1));
  await later('transform throws', () => { const t = new TransformStream({ transform() { throw new Error('transform boom'); } }); t.readable.getReader().read().catch(() => {}); return t.writable.getWriter().write(1); });
  await later('size throws', () => new ReadableStream({ start(x) { x.enqueue(1); } }, { size() { throw new Error('size boom'); } }).getReader().read());
  await later('byob read without view', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read());
  await later('byob read string', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read('x'));
  await later('byob read empty view', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(0)));
  await later('byob read min 0', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(1), { min: 0 }));
  await later('byob read min 3', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(2), { min: 3 }));
  await later('byob read options 5', () => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).read(new Uint8Array(2), 5));
  await later('byob released', () => { const r = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }); r.releaseLock(); return r.read(new Uint8Array(1)); });
  await later('respond twice', () => new ReadableStream({ type: 'bytes', pull(x) { const r = x.byobRequest; r.view[0] = 1; r.respond(1); try { r.respond(1); } catch (e) { show('second respond', e); } } }).getReader({ mode: 'byob' }).read(new Uint8Array(2)));
  sync('encoding not supported', () => new TextDecoderStream('nope'));
  sync('compression format', () => new CompressionStream('zip'));
  sync('compression no format', () => new CompressionStream());
  sync('decompression format', () => new DecompressionStream('brotli'));
  console.log('done');
})();

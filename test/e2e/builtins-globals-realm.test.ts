import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for the web globals, timers/promises and perf_hooks: events and their
 * targets, signals (plain, timeout, any), DOMExceptions, structuredClone's results and every error
 * it can throw (refusals, Node's TypeErrors, a getter's own exception), timer promises and their
 * rejections, async iterators, perf entries, observers and their lists, nodeTiming, and what the
 * events module's additions return. One foreign object would be an escape.
 */
describe('realm isolation of the web globals, timers/promises and perf_hooks', () => {
  it('every object reachable from what they return is the guest realm own', async () => {
    const r = await runGuest(
      `${PROBE}
const events = require('events');
const tp = require('timers/promises');
const ph = require('perf_hooks');
const roots = { EventTarget, Event, CustomEvent, AbortController, AbortSignal, DOMException, structuredClone, performance, ph, tp, timers: require('timers'), events };
const caught = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
const et = new EventTarget();
et.addEventListener('x', (e) => { roots.dispatched = e; roots.path = e.composedPath(); });
et.dispatchEvent(new CustomEvent('x', { detail: { d: [1] } }));
roots.target = et;
const ac = new AbortController();
roots.controller = ac;
ac.signal.onabort = (e) => { roots.abortEvent = e; };
ac.abort();
roots.timeout = AbortSignal.timeout(1);
roots.any = AbortSignal.any([new AbortController().signal, roots.timeout]);
roots.pre = AbortSignal.abort();
caught('throwIfAborted', () => roots.pre.throwIfAborted());
caught('illegal', () => new AbortSignal());
caught('badListener', () => et.addEventListener('x', 5));
caught('recursion', () => { const t = new EventTarget(); t.addEventListener('r', (e) => { try { t.dispatchEvent(e); } catch (err) { roots.recursion = err; } }); t.dispatchEvent(new Event('r')); });
const circular = { m: new Map([[1, new Set([new Date(0), /re/g])]]), e: new TypeError('t', { cause: new RangeError('c') }), ab: new ArrayBuffer(4), views: [new Uint8Array(2), new DataView(new ArrayBuffer(2)), new BigInt64Array(1)], wrappers: [Object(1n), new String('s')] };
circular.self = circular;
roots.clone = structuredClone(circular);
const ab = new ArrayBuffer(8);
roots.transferred = structuredClone({ ab }, { transfer: [ab] });
caught('dataClone', () => structuredClone(() => 1));
caught('weakmap', () => structuredClone(new WeakMap()));
caught('transferInvalid', () => structuredClone(1, { transfer: [{}] }));
caught('transferNotIterable', () => structuredClone(1, { transfer: 5 }));
caught('duplicate', () => { const b = new ArrayBuffer(1); structuredClone(1, { transfer: [b, b] }); });
caught('getter', () => structuredClone({ get g() { throw new SyntaxError('g'); } }));
caught('deep', () => { let d = []; for (let i = 0; i < 100000; i++) d = [d]; return structuredClone(d); });
caught('noArgs', () => structuredClone());
roots.mark = performance.mark('m', { detail: { x: [1] } });
roots.measure = performance.measure('ms', 'm');
roots.entries = performance.getEntries();
roots.json = performance.toJSON();
roots.nodeTiming = performance.nodeTiming;
roots.uv = performance.nodeTiming.uvMetricsInfo;
roots.elu = performance.eventLoopUtilization();
roots.timerified = performance.timerify(function f() { return 1; });
roots.timerified();
caught('unknownMark', () => performance.measure('x', 'nope'));
caught('histogram', () => ph.createHistogram());
roots.disposable = events.addAbortListener(new AbortController().signal, () => {});
roots.onIterator = events.on(et, 'x');
roots.ee = new events.EventEmitter();
roots.oncePromise = events.once(roots.ee, 'go');
roots.ee.emit('go', 1);
const obs = new PerformanceObserver((list, o) => { roots.list = list; roots.listEntries = list.getEntries(); o.disconnect(); });
obs.observe({ entryTypes: ['mark', 'function'] });
roots.observer = obs;
performance.mark('observed');
const stop = new AbortController();
roots.timerPromise = tp.setTimeout(1, 'v');
roots.aborted = tp.setTimeout(1000, 'x', { signal: stop.signal }).catch((e) => { roots.abortError = e; });
stop.abort('why');
roots.rejected = tp.setTimeout('bad').catch((e) => { roots.rejectedError = e; });
roots.interval = tp.setInterval(1, 'i');
roots.scheduler = tp.scheduler;
(async () => {
  roots.timerValue = await roots.timerPromise;
  roots.intervalStep = await roots.interval.next();
  roots.intervalDone = await roots.interval.return();
  roots.onceResult = await roots.oncePromise;
  await roots.aborted;
  await roots.rejected;
  await tp.setTimeout(5);
  roots.perContextTransfer = roots.transferInvalid.constructor;
  const buffer = require('buffer');
  const consumers = require('stream/consumers');
  roots.buffer = buffer;
  roots.consumers = consumers;
  roots.blob = new Blob(['ab', new Uint8Array([1])], { type: 'a/b' });
  roots.file = new File(['x'], 'f', { lastModified: 1 });
  roots.sliced = roots.blob.slice(1);
  roots.blobText = await roots.blob.text();
  roots.blobBuffer = await roots.blob.arrayBuffer();
  roots.blobBytes = await roots.blob.bytes();
  roots.resolved = buffer.resolveObjectURL(URL.createObjectURL(roots.blob));
  caught('blobError', () => new Blob('x'));
  caught('fileError', () => new File([]));
  caught('brandError', () => Blob.prototype.size);
  roots.transcoded = buffer.transcode(Buffer.from('a'), 'utf8', 'ucs2');
  caught('transcodeError', () => buffer.transcode(Buffer.from('a'), 'utf8', 'hex'));
  roots.consumedBlob = await consumers.blob(require('stream').Readable.from(['q']));
  roots.consumedJson = await consumers.json(require('stream').Readable.from(['{"a":[1]}']));
  roots.consumedBuffer = await consumers.buffer(require('stream').Readable.from(['q']));
  require('fs').writeFileSync('/f.bin', 'x');
  roots.fileBlob = await require('fs').openAsBlob('/f.bin');
  caught('openAsBlobError', () => require('fs').openAsBlob('/nope'));
  const out = probe(roots);
  out.kinds = [roots.dataClone instanceof DOMException, roots.transferInvalid instanceof TypeError, roots.getter instanceof SyntaxError, roots.abortError.code, roots.timeout.reason && roots.timeout.reason.name].join(',');
  console.log(JSON.stringify(out));
})();`,
      { filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; kinds: string };
    expect(out.kinds).toBe('true,true,true,ABORT_ERR,TimeoutError');
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(400);
  });

  it('every object reachable from the web streams, their promises and errors is the guest realm own', async () => {
    const r = await runGuest(
      `${PROBE}
const web = require('stream/web');
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const consumers = require('stream/consumers');
const roots = { web, consumers };
for (const name of Object.keys(web)) roots[name] = globalThis[name];
const caught = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
const rejected = async (name, p) => { try { roots[name] = await p; } catch (e) { roots[name] = e; } };
(async () => {
  const rs = new ReadableStream({ start(c) { roots.defaultController = c; c.enqueue({ o: [1] }); c.close(); } });
  roots.rs = rs;
  roots.reader = rs.getReader();
  roots.readResult = await roots.reader.read();
  roots.doneResult = await roots.reader.read();
  roots.readerClosed = await roots.reader.closed;
  const bytes = new ReadableStream({ type: 'bytes', pull(c) { roots.byteController = c; roots.byobRequest = c.byobRequest; roots.byobView = c.byobRequest.view; c.byobRequest.view[0] = 7; c.byobRequest.respond(1); c.close(); } });
  roots.byobReader = bytes.getReader({ mode: 'byob' });
  roots.byobResult = await roots.byobReader.read(new Uint8Array(4));
  const ws = new WritableStream({ start(c) { roots.writableController = c; roots.signal = c.signal; }, write(chunk) { roots.written = chunk; } });
  roots.writer = ws.getWriter();
  roots.ready = await roots.writer.ready;
  await roots.writer.write(new Uint8Array([1]));
  await roots.writer.close();
  const ts = new TransformStream({ start(c) { roots.transformController = c; }, transform(chunk, c) { c.enqueue([chunk]); } });
  roots.ts = ts;
  roots.piped = ReadableStream.from(['a', 'b']).pipeThrough(ts);
  roots.tee = roots.piped.tee();
  roots.iterator = ReadableStream.from(['i', 'j']).values();
  roots.teeRead = await roots.tee[0].getReader().read();
  roots.iterated = await roots.iterator.next();
  roots.returned = await roots.iterator.return('r');
  roots.pipeToResult = await ReadableStream.from([1]).pipeTo(new WritableStream());
  const ac = new AbortController();
  const aborting = new ReadableStream().pipeTo(new WritableStream(), { signal: ac.signal });
  ac.abort();
  await rejected('pipeAbortError', aborting);
  const aborted = new WritableStream({ start(c) { roots.abortedSignal = c.signal; } });
  await aborted.abort();
  roots.abortReason = roots.abortedSignal.reason;
  caught('lockedError', () => { roots.rs.getReader(); });
  caught('thisError', () => ReadableStream.prototype.getReader.call({}));
  caught('argError', () => new ReadableStream(5));
  caught('rangeError', () => new ReadableStream({}, { highWaterMark: -1 }));
  caught('closedControllerError', () => roots.defaultController.enqueue(1));
  caught('illegal', () => new ReadableStreamDefaultController());
  caught('fromError', () => ReadableStream.from(5));
  await rejected('releasedError', (() => { const r = new ReadableStream().getReader(); r.releaseLock(); return r.read(); })());
  await rejected('writeAfterClose', roots.writer.write(1));
  await rejected('sourceError', new ReadableStream({ pull() { throw new Error('pull'); } }).getReader().read());
  const enc = new TextEncoderStream();
  roots.enc = enc;
  const ew = enc.writable.getWriter();
  ew.write('x\\ud83d');
  ew.close();
  roots.encoded = await consumers.arrayBuffer(enc.readable);
  roots.dec = new TextDecoderStream();
  roots.decoded = await consumers.text(ReadableStream.from([new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac])]).pipeThrough(roots.dec));
  roots.cs = new CompressionStream('gzip');
  roots.compressed = await consumers.buffer(ReadableStream.from([new Uint8Array(1000)]).pipeThrough(roots.cs));
  roots.decompressed = await consumers.blob(ReadableStream.from([roots.compressed]).pipeThrough(new DecompressionStream('gzip')));
  await rejected('zlibError', consumers.buffer(ReadableStream.from([new Uint8Array([1, 2, 3])]).pipeThrough(new DecompressionStream('deflate'))));
  caught('formatError', () => new CompressionStream('zip'));
  roots.blobStream = new Blob(['ab', new Uint8Array([1])]).stream();
  roots.blobChunks = [];
  for await (const c of roots.blobStream) roots.blobChunks.push(c);
  roots.nodeToWeb = Readable.toWeb(Readable.from([Buffer.from('n')], { objectMode: false }));
  roots.nodeToWebChunk = await roots.nodeToWeb.getReader().read();
  roots.webToNode = Readable.fromWeb(ReadableStream.from([new Uint8Array([1])]));
  roots.webToNodeChunks = await consumers.buffer(roots.webToNode);
  roots.writableToWeb = Writable.toWeb(new Writable({ write(c, e, cb) { roots.nodeWritten = c; cb(); } }));
  const wtw = roots.writableToWeb.getWriter();
  await wtw.write(new Uint8Array([2]));
  roots.writableFromWeb = Writable.fromWeb(new WritableStream());
  roots.duplexPair = Duplex.toWeb(new PassThrough());
  roots.duplexFromWeb = Duplex.fromWeb(new TransformStream());
  const premature = new Readable({ read() {} });
  const prematureWeb = Readable.toWeb(premature);
  premature.destroy();
  await rejected('prematureError', prematureWeb.getReader().read());
  caught('toWebError', () => Readable.toWeb(5));
  const out = probe(roots);
  out.kinds = [roots.lockedError.code, roots.pipeAbortError.name, roots.prematureError.name, roots.zlibError.code, roots.decoded, roots.blobChunks.length].join(',');
  console.log(JSON.stringify(out));
})();`,
      { filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; kinds: string };
    expect(out.kinds).toBe('ERR_INVALID_STATE,AbortError,AbortError,Z_DATA_ERROR,\u20ac,2');
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(400);
  });

  it('an exception thrown by a listener is uncaught after the dispatch completes', async () => {
    const r = await runGuest(
      `const et = new EventTarget();
et.addEventListener('x', () => { throw new RangeError('from listener'); });
et.addEventListener('x', () => console.log('second'));
console.log('returned', et.dispatchEvent(new Event('x')));`,
      { filename: '/app/main.js' },
    );
    expect(r.stdout).toBe('second\nreturned true\n');
    expect(r.stderr).toContain('RangeError: from listener');
    expect(r.exitCode).toBe(1);
  });
});

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

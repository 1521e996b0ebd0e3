// Streams take the global AbortSignal: addAbortSignal, a Readable's signal option, pipeline and
// finished with a signal, and stream/promises; an abort destroys with an AbortError whose cause
// is the signal's reason (not compared for stream/promises' pipeline, whose bundled readable-stream
// gives none).
const { Readable, Writable, PassThrough, addAbortSignal, pipeline, finished } = require('stream');
const streamPromises = require('stream/promises');
const causeOf = (e) => (e && typeof e.cause === 'object' ? e.cause.name : e && e.cause);
const show = (label, e, withCause = true) => console.log(label, e && e.name, e && e.code, e && e.message, withCause ? causeOf(e) : '');
(async () => {
  const ac = new AbortController();
  const r = addAbortSignal(ac.signal, new PassThrough());
  r.on('error', (e) => show('addAbortSignal', e));
  ac.abort('why');
  await new Promise((resolve) => setImmediate(resolve));
  console.log(r.destroyed);

  const ac2 = new AbortController();
  const readable = new Readable({ read() {}, signal: ac2.signal });
  readable.on('error', (e) => show('readable signal', e));
  ac2.abort();
  await new Promise((resolve) => setImmediate(resolve));

  const ac3 = new AbortController();
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(_c, _e, cb) { cb(); } });
  const done = streamPromises.pipeline(src, dst, { signal: ac3.signal }).catch((e) => show('pipeline promise', e, false));
  src.push('x');
  setImmediate(() => ac3.abort('pipe'));
  await done;

  try {
    addAbortSignal({}, new PassThrough());
  } catch (e) {
    show('bad signal', e);
  }
  const ac4 = new AbortController();
  const p = new PassThrough();
  finished(p, { signal: ac4.signal }, (e) => show('finished', e));
  ac4.abort();
  await new Promise((resolve) => setImmediate(resolve));
  const arr = await Readable.from([1, 2, 3]).toArray({ signal: new AbortController().signal });
  console.log(arr);
  try {
    await Readable.from([1, 2]).toArray({ signal: AbortSignal.abort() });
  } catch (e) {
    show('toArray aborted', e);
  }
  pipeline(Readable.from(['a']), new PassThrough(), (e) => console.log('pipeline cb', e));
})();

// Web streams at work: reading, writing, backpressure (desiredSize), piping with and without a
// TransformStream, tee, async iteration (and its early exit), ReadableStream.from, BYOB reads from a
// byte source, cancel and abort with their reasons, the order of the callbacks, and the state that
// stream.isReadable, isErrored and isDisturbed read.
(async () => {
  const log = [];
  const counted = new ReadableStream({
    start(c) { log.push(`start ${c.desiredSize}`); },
    pull(c) { log.push(`pull ${c.desiredSize}`); c.enqueue(log.length); if (log.length > 4) c.close(); },
    cancel(reason) { log.push(`cancel ${reason}`); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const reader = counted.getReader();
  const got = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(r.value);
  console.log('pulled', got, log);
  await reader.closed.then(() => console.log('reader closed'));

  const written = [];
  const ws = new WritableStream({
    write(chunk, c) { written.push(chunk); return new Promise((r) => setTimeout(r, 1)); },
    close() { written.push('closed'); },
  }, { highWaterMark: 2, size: (chunk) => chunk.length });
  const writer = ws.getWriter();
  console.log('desiredSize', writer.desiredSize);
  writer.write('abc');
  console.log('after a write', writer.desiredSize);
  await writer.ready;
  await writer.write('de');
  await writer.close();
  console.log('written', written, ws.locked);

  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const piped = [];
  await ReadableStream.from(['a', 'b']).pipeThrough(upper).pipeTo(new WritableStream({ write(c) { piped.push(c); } }));
  console.log('piped', piped);

  const [left, right] = ReadableStream.from([1, 2, 3]).tee();
  const drain = async (s) => { const out = []; for await (const v of s) out.push(v); return out; };
  console.log('tee', await drain(left), await drain(right));

  const early = new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel(r) { console.log('cancelled by return', r); } });
  for await (const v of early) { console.log('first', v); break; }
  console.log('early locked', early.locked);
  const kept = ReadableStream.from(['k1', 'k2']);
  for await (const v of kept.values({ preventCancel: true })) { console.log('kept', v); break; }
  console.log('kept after', await kept.getReader().read());

  console.log('from async', await drain(ReadableStream.from((async function* () { yield 1; yield 2; })())));
  console.log('from string', await drain(ReadableStream.from('hi')));
  console.log('from a stream', await drain(ReadableStream.from(ReadableStream.from([7]))));

  const bytes = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 4,
    pull(c) {
      const req = c.byobRequest;
      if (req) { req.view.set([1, 2, 3].slice(0, req.view.length)); req.respond(Math.min(3, req.view.length)); } else c.enqueue(new Uint8Array([9]));
      if (++this.n >= 3) c.close();
    },
    n: 0,
  });
  const byob = bytes.getReader({ mode: 'byob' });
  const first = await byob.read(new Uint8Array(2));
  console.log('byob', first.value, first.done, first.value.buffer.byteLength);
  console.log('byob int16', await byob.read(new Int16Array(2)));
  console.log('byob rest', await byob.read(new Uint8Array(8)), await byob.read(new Uint8Array(8)));
  const auto = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 4, pull(c) { console.log('auto view', c.byobRequest.view.length); c.byobRequest.view[0] = 5; c.byobRequest.respond(1); c.close(); } });
  console.log('auto', await auto.getReader().read());

  const ac = new AbortController();
  let signal;
  const aborted = new WritableStream({ start(c) { signal = c.signal; }, abort(r) { console.log('sink abort', r); } });
  await aborted.abort('why');
  console.log('signal', signal.aborted, signal.reason);
  await new ReadableStream({ cancel(r) { console.log('source cancel', r); } }).cancel('because');
  const blocked = new ReadableStream({ pull() {} });
  const stopped = blocked.pipeTo(new WritableStream(), { signal: ac.signal, preventCancel: true });
  ac.abort(new RangeError('stop'));
  await stopped.catch((e) => console.log('pipe aborted', e.name, e.message, blocked.locked));
  const failing = new ReadableStream({ start(c) { c.error(new TypeError('source broke')); } });
  const dest = new WritableStream({ abort(r) { console.log('dest aborted with', r.message); } });
  await failing.pipeTo(dest).catch((e) => console.log('pipeTo rejects', e.message));
  const { isReadable, isErrored, isDisturbed } = require('stream');
  const fresh = new ReadableStream();
  const broke = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  console.log('state keys', isReadable(fresh), isDisturbed(fresh), isErrored(fresh), isErrored(broke), isReadable(broke));
  await fresh.cancel();
  console.log('after cancel', isReadable(fresh), isDisturbed(fresh));
  console.log('done');
})();

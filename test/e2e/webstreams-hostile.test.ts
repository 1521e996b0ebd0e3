import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/** What plain node 20 prints for the throwing case (checked by hand against `node`). */
const EXPECTED_THROWS = [
  'start getter URIError getter',
  'start SyntaxError start',
  'start rejects SyntaxError later',
  'pull EvalError pull',
  'cancel RangeError cancel',
  'size TypeError size',
  'highWaterMark valueOf Error hwm',
  'write Error write',
  'close Error close',
  'transform Error transform',
  'proxy part Error proxy part',
  'iterator Error next',
  'generator Error generator',
  'ok',
  'still works ok',
  '',
].join('\n');

/**
 * Blobs and web streams against hostile sizes and sources: a Blob made of one part thousands of
 * times (8 GiB, no copy), its reads that cannot fit, a Blob of a Blob with many parts, a parts list
 * that outgrows the guest heap (the sandbox ends with 134, the host goes on), sources and sinks that
 * throw. Each case ends with one more call that proves the sandbox still works.
 */
describe('web streams and Blobs against hostile input', () => {
  it('a Blob far larger than memory costs only its parts; what cannot be materialized fails in the guest', async () => {
    const r = await runGuest(
      `const part = new Blob([new Uint8Array(1 << 20)]);
const huge = new Blob(new Array(8192).fill(part));
console.log('size', huge.size, huge.slice(-3).size);
(async () => {
  await huge.arrayBuffer().then(() => console.log('materialized'), (e) => console.log('arrayBuffer', e instanceof RangeError, e.constructor === RangeError));
  await huge.text().then(() => console.log('materialized'), (e) => console.log('text', e instanceof RangeError));
  const reader = huge.stream().getReader();
  let read = 0;
  for (let i = 0; i < 3; i++) read += (await reader.read()).value.length;
  await reader.cancel();
  console.log('streamed', read);
  const many = new Blob(new Array(300000).fill(new Blob(['x'])));
  console.log('of many', new Blob([many, many]).size, (await new Blob([many]).slice(-2).text()));
  console.log('still works', await new Blob(['ok']).text());
})();`,
      { limits: { heapMb: 64 } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`size ${8192 * 2 ** 20} 3\narrayBuffer true true\ntext true\nstreamed ${3 * 2 ** 20}\nof many 600000 xx\nstill works ok\n`);
    expect(r.exitCode).toBe(0);
  });

  it('a parts list that outgrows the guest heap ends that sandbox only', async () => {
    const r = await runGuest(
      `const part = new Blob(['p']);
const blobs = [];
for (;;) blobs.push(new Blob(new Array(1e6).fill(part)));`,
      { limits: { heapMb: 32 } },
    );
    expect(r.exitCode).toBe(134);
    const next = await runGuest(`new Blob(['after']).text().then((t) => console.log(t));`);
    expect(next.stdout).toBe('after\n');
  });

  it('sources, sinks, strategies, iterators and parts that throw reach the guest as its own errors', async () => {
    const r = await runGuest(
      `const attempt = async (label, f) => {
  try {
    await f();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e instanceof Error && e.constructor.name, e instanceof Error ? e.message : e);
  }
};
(async () => {
  await attempt('start getter', () => new ReadableStream({ get start() { throw new URIError('getter'); } }));
  await attempt('start', () => new ReadableStream({ start() { throw new SyntaxError('start'); } }));
  await attempt('start rejects', () => new ReadableStream({ start() { return Promise.reject(new SyntaxError('later')); } }).getReader().read());
  await attempt('pull', () => new ReadableStream({ pull() { return Promise.reject(new EvalError('pull')); } }).getReader().read());
  await attempt('cancel', () => new ReadableStream({ cancel() { throw new RangeError('cancel'); } }).cancel());
  await attempt('size', () => new ReadableStream({ start(c) { c.enqueue(1); } }, { size() { throw new TypeError('size'); } }).getReader().read());
  await attempt('highWaterMark valueOf', () => new ReadableStream({}, { highWaterMark: { valueOf() { throw new Error('hwm'); } } }));
  await attempt('write', () => new WritableStream({ write() { throw new Error('write'); } }).getWriter().write(1));
  await attempt('close', () => new WritableStream({ close() { throw new Error('close'); } }).getWriter().close());
  const t = new TransformStream({ transform() { throw new Error('transform'); } });
  t.readable.getReader().read().catch(() => {});
  await attempt('transform', () => t.writable.getWriter().write(1));
  await attempt('proxy part', () => new Blob([new Proxy({}, { get() { throw new Error('proxy part'); } })]));
  await attempt('iterator', () => ReadableStream.from({ [Symbol.iterator]() { return { next() { throw new Error('next'); } }; } }).getReader().read());
  const reader = ReadableStream.from((async function* () { yield 1; throw new Error('generator'); })()).getReader();
  await reader.read();
  await attempt('generator', () => reader.read());
  await attempt('still works', async () => console.log(await new Blob(['ok']).text()));
})();`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(EXPECTED_THROWS);
  });
});

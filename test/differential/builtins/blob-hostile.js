// Blob and File given hostile input: parts that are Proxies or have throwing getters and
// conversions, sources whose iterator throws, options with throwing getters, a stream source that
// throws, and a large Blob made of one part many times (its size, without copying it).
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, '=> ok', v instanceof Blob ? `${v.size} ${JSON.stringify(v.type)}` : v);
  } catch (e) {
    console.log(label, '=>', e.name, e.code, e.message);
  }
};
const trap = new Proxy({}, { get(t, k) { if (k === Symbol.toPrimitive) return undefined; if (k === 'toString') return () => 'from proxy'; return undefined; } });
show('proxy part', () => new Blob([trap]));
show('throwing proxy part', () => new Blob([new Proxy({}, { get() { throw new RangeError('trap'); } })]));
show('toString throws', () => new Blob([{ toString() { throw new SyntaxError('no string'); } }]));
show('symbol part', () => new Blob([Symbol('s')]));
show('proxy of an array', () => new Blob(new Proxy(['a', 'b'], {})));
show('view proxy', () => new Blob([new Proxy(new Uint8Array([1, 2]), {})]));
show('iterator throws', () => new Blob({ [Symbol.iterator]() { throw new TypeError('no iteration'); } }));
show('next throws', () => new Blob({ [Symbol.iterator]() { return { next() { throw new Error('next failed'); } }; } }));
show('endings getter throws', () => new Blob([], { get endings() { throw new Error('endings'); } }));
show('type getter throws', () => new Blob([], { get type() { throw new Error('type'); } }));
show('type toString', () => new Blob([], { type: { toString: () => 'Text/HTML' } }));
show('type outside ASCII', () => new Blob([], { type: 'text/\u00e9' }));
show('endings bad', () => new Blob(['a\r\nb'], { endings: 'lf' }));
show('file name toString throws', () => new File([], { toString() { throw new Error('name'); } }));
show('file lastModified valueOf throws', () => new File([], 'n', { lastModified: { valueOf() { throw new Error('date'); } } }));
show('slice valueOf throws', () => new Blob(['abc']).slice({ valueOf() { throw new Error('start'); } }));
show('slice of huge numbers', () => new Blob(['abc']).slice(-1e300, 1e300, 'X/Y'));
const part = new Blob([new Uint8Array(1 << 20)]);
const many = new Blob(new Array(4096).fill(part));
show('4096 shared parts of 1 MiB', () => many.size);
show('slice of it', () => many.slice(1 << 30, (1 << 30) + 5));
(async () => {
  console.log('a Proxy of a Blob is a Blob', (await Blob.prototype.text.call(new Proxy(part, {}))).length, new Blob([new Proxy(part, {})]).size);
  console.log('slice bytes', Array.from(new Uint8Array(await many.slice(1 << 30, (1 << 30) + 5).arrayBuffer())));
  const reader = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); }, pull() { throw new Error('source throws'); } }).getReader();
  console.log(await reader.read());
  await reader.read().catch((e) => console.log('then', e.message));
  await reader.closed.catch((e) => console.log('closed', e.message));
  await Blob.prototype.text.call({}).catch((e) => console.log('text of a non-blob', e.code));
})();

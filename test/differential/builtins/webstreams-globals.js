// Web streams: the globals of Node 20 and `stream/web` (the same classes), how the globals are
// installed (lazy accessors that become data properties), the classes' shapes, and inspect output.
const util = require('util');
const web = require('stream/web');
console.log(Object.keys(web).join());
console.log(require('node:stream/web') === web);
const names = Object.keys(web);
const before = Object.getOwnPropertyDescriptor(globalThis, 'WritableStream');
console.log('before use', typeof before.get, typeof before.set, before.enumerable, before.configurable);
for (const name of names) {
  const C = globalThis[name];
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, C === web[name], 'value' in d, d.writable, d.enumerable, C.length, C.name, Object.prototype.toString.call(C.prototype));
  const proto = Object.getOwnPropertyNames(C.prototype).filter((k) => k !== 'constructor').sort();
  console.log('  ', proto.map((k) => { const p = Object.getOwnPropertyDescriptor(C.prototype, k); return `${k}:${p.enumerable ? 'e' : '-'}${p.get ? 'g' : ''}${typeof p.value === 'function' ? p.value.length : ''}`; }).join(' '));
  console.log('  ', Object.getOwnPropertyNames(C).sort().join(), C.prototype.constructor === C);
}
globalThis.CountQueuingStrategy = 5;
console.log('replaced', CountQueuingStrategy, Object.getOwnPropertyDescriptor(globalThis, 'CountQueuingStrategy').writable);
console.log(new ReadableStream(), new ReadableStream({ type: 'bytes' }), new WritableStream());
console.log(new TransformStream());
console.log(util.inspect(new TransformStream(), { depth: 0 }), util.inspect({ a: { b: new ReadableStream() } }, { depth: 1 }), util.inspect([new WritableStream()], { depth: 0 }));
console.log(util.inspect(new ReadableStream(), { compact: false }));
console.log(new ByteLengthQueuingStrategy({ highWaterMark: 4 }), new web.CountQueuingStrategy({ highWaterMark: '3' }), new web.CountQueuingStrategy({ highWaterMark: -1 }).highWaterMark);
console.log(new TextEncoderStream(), new TextDecoderStream('utf-16le', { fatal: true }), new CompressionStream('gzip'), new DecompressionStream('deflate-raw'));
let controllers = [];
new ReadableStream({ start(c) { controllers.push(c); } });
new ReadableStream({ type: 'bytes', start(c) { controllers.push(c); } });
new WritableStream({ start(c) { controllers.push(c); } });
new TransformStream({ start(c) { controllers.push(c); } });
for (const c of controllers) console.log(c.constructor.name, util.inspect(c), Object.prototype.toString.call(c), c instanceof globalThis[c.constructor.name]);
console.log(String(new ReadableStream()), Object.prototype.toString.call(new WritableStream().getWriter()));
class Mine extends ReadableStream {
  constructor() {
    super({ start(c) { c.enqueue('mine'); c.close(); } });
  }
}
const mine = new Mine();
console.log(mine instanceof ReadableStream, mine instanceof Mine, mine.constructor.name, mine.locked);
mine.getReader().read().then((r) => console.log('subclass read', r));
try {
  ReadableStream();
} catch (e) {
  console.log(e.name, e.message);
}
const it = new ReadableStream().values();
console.log(it, Object.prototype.toString.call(it), typeof it[Symbol.asyncIterator]);
const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())));
console.log(Object.getPrototypeOf(Object.getPrototypeOf(it)) === AsyncIteratorPrototype);
console.log('abortReason' in WritableStreamDefaultController.prototype, 'from' in ReadableStream);

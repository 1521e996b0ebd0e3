// crypto random values: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues and
// timingSafeEqual, sync and callback forms, every validation error (size, offset, callback,
// min/max, options) and its precedence. Random values themselves differ per run: only lengths,
// types, ranges and formats are printed.
const crypto = require('crypto');
const show = (label, f) => {
  try {
    const r = f();
    const shown = r === undefined ? 'undefined' : ArrayBuffer.isView(r) || r instanceof ArrayBuffer ? `${r.constructor.name}(${r.byteLength})` : typeof r;
    console.log(label, 'ok', shown);
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), Object.keys(e).join(','));
  }
};

for (const size of [0, 1, 16, 1.5, 1000, -1, -0.5, 2 ** 31 - 1 + 1, 2 ** 40, NaN, Infinity, '1', null, undefined, {}, [], 10n, true]) {
  if (size === 2 ** 31 - 1) continue;
  show(`randomBytes ${typeof size} ${String(size)}`, () => crypto.randomBytes(size));
}
show('randomBytes bad callback', () => crypto.randomBytes(4, 5));
show('randomBytes null callback', () => crypto.randomBytes(4, null));
show('randomBytes size before callback', () => crypto.randomBytes(-1, 5));
const rb = crypto.randomBytes(32);
console.log('randomBytes buffer', Buffer.isBuffer(rb), rb.length, rb.buffer.byteLength >= 32, crypto.randomBytes(32).equals(rb));

const views = {
  Buffer: Buffer.alloc(8),
  Uint8Array: new Uint8Array(8),
  Uint32Array: new Uint32Array(4),
  Float64Array: new Float64Array(2),
  DataView: new DataView(new ArrayBuffer(8)),
  ArrayBuffer: new ArrayBuffer(8),
  BigInt64Array: new BigInt64Array(2),
};
for (const [name, view] of Object.entries(views)) {
  show(`randomFillSync ${name}`, () => crypto.randomFillSync(view) === view);
  for (const [offset, size] of [[1, undefined], [1, 2], [0, 0], [-1, undefined], [9, undefined], [4, 5], [1, -1], ['1', 2], [1, '2'], [1.5, 1], [NaN, 1], [0, NaN], [undefined, 2], [null, 1], [{}, 1], [1, {}]]) {
    show(`randomFillSync ${name} ${String(offset)} ${String(size)}`, () => crypto.randomFillSync(view, offset, size));
  }
}
const zero = Buffer.alloc(16);
crypto.randomFillSync(zero, 4, 8);
console.log('range filled only', zero.subarray(0, 4).every((b) => b === 0), zero.subarray(12).every((b) => b === 0));
for (const bad of [[1, 2], 'str', 5, null, undefined, {}, () => {}]) show(`randomFillSync bad ${typeof bad}`, () => crypto.randomFillSync(bad));

show('randomFill no callback', () => crypto.randomFill(new Uint8Array(4)));
show('randomFill offset no callback', () => crypto.randomFill(new Uint8Array(4), 1));
show('randomFill bad buf first', () => crypto.randomFill('x', 5));
show('randomFill callback before offset', () => crypto.randomFill(new Uint8Array(4), -1, 1, 5));
show('randomFill bad offset', () => crypto.randomFill(new Uint8Array(4), 5, () => {}));
show('randomFill undefined offset', () => crypto.randomFill(new Uint8Array(4), undefined, undefined, () => {}));
show('randomFill ArrayBuffer size cb', () => crypto.randomFill(new ArrayBuffer(4), 1, () => {}));
show('randomFill Uint32 offset cb', () => crypto.randomFill(new Uint32Array(4), 1, () => {}));
show('randomFill Uint32 offset size cb', () => crypto.randomFill(new Uint32Array(4), 1, 4, () => {}));

for (const args of [[], [0], [1], [10], [1, 1], [2, 1], [1.5], ['5'], [{}], [0, 2 ** 48], [0, 2 ** 48 - 1], [2 ** 48], [-(2 ** 53), 0], [2 ** 53, 0], [-5, -1], [1, 2, 3], [1, {}], [null], [NaN], [-1]]) {
  show(`randomInt ${JSON.stringify(args)}`, () => crypto.randomInt(...args));
}
const ints = Array.from({ length: 200 }, () => crypto.randomInt(-3, 3));
console.log('randomInt range', ints.every((n) => Number.isInteger(n) && n >= -3 && n < 3));
console.log('randomInt covers its range', new Set(Array.from({ length: 300 }, () => crypto.randomInt(3))).size);
const wide = crypto.randomInt(2 ** 48 - 1);
const wideMin = crypto.randomInt(-(2 ** 47), 2 ** 47 - 1);
console.log('randomInt wide', Number.isSafeInteger(wide) && wide >= 0 && wide < 2 ** 48 - 1, Number.isSafeInteger(wideMin) && wideMin >= -(2 ** 47) && wideMin < 2 ** 47 - 1);
console.log('randomInt max only', Array.from({ length: 50 }, () => crypto.randomInt(2)).every((n) => n === 0 || n === 1));
show('randomInt bad callback first', () => crypto.randomInt('x', 5));

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
console.log('randomUUID', uuid.test(crypto.randomUUID()), uuid.test(crypto.randomUUID({ disableEntropyCache: true })), crypto.randomUUID() !== crypto.randomUUID());
for (const options of [{}, { disableEntropyCache: false }, { disableEntropyCache: 5 }, { disableEntropyCache: {} }, 5, 'x', null, [], () => {}, new Map(), Object.create({ disableEntropyCache: 5 })]) {
  show(`randomUUID ${typeof options} ${JSON.stringify(options)}`, () => crypto.randomUUID(options));
}

for (const array of [new Uint8Array(4), new Int8Array(4), new Uint16Array(4), new Int32Array(4), new Uint32Array(4), new BigInt64Array(2), new BigUint64Array(2), new Uint8ClampedArray(4), Buffer.alloc(4), new Uint8Array(65536), new Uint8Array(65537), new Uint32Array(16385), new Float32Array(2), new Float64Array(2), new DataView(new ArrayBuffer(4)), new ArrayBuffer(4), [1, 2], {}, 'x', 5, null, undefined]) {
  const label = array === null || typeof array !== 'object' ? String(array) : `${array.constructor.name}(${array.byteLength ?? array.length})`;
  show(`getRandomValues ${label}`, () => crypto.getRandomValues(array));
  show(`webcrypto.getRandomValues ${label}`, () => crypto.webcrypto.getRandomValues(array));
}
show('getRandomValues returns its argument', () => { const a = new Uint16Array(3); return crypto.getRandomValues(a) === a && globalThis.crypto.getRandomValues(a) === a; });
show('getRandomValues unbound (module)', () => { const g = crypto.getRandomValues; return g(new Uint8Array(2)); });
show('getRandomValues unbound (web)', () => { const g = globalThis.crypto.getRandomValues; return g(new Uint8Array(2)); });
show('getRandomValues other this', () => globalThis.crypto.getRandomValues.call({}, new Uint8Array(2)));
show('getRandomValues no argument', () => crypto.getRandomValues());

const a = Buffer.from('secret');
for (const [label, x, y] of [
  ['equal', a, Buffer.from('secret')],
  ['differ', a, Buffer.from('secreT')],
  ['lengths', a, Buffer.from('secrets')],
  ['views', new Uint16Array([1, 2]), new Uint8Array([1, 0, 2, 0])],
  ['DataView', new DataView(new ArrayBuffer(4)), new ArrayBuffer(4)],
  ['Float64', new Float64Array([1]), new BigInt64Array([4607182418800017408n])],
  ['string first', 'a', a],
  ['string second', a, 'a'],
  ['object', {}, a],
  ['missing', a, undefined],
  ['empty', Buffer.alloc(0), new Uint8Array(0)],
]) show(`timingSafeEqual ${label}`, () => crypto.timingSafeEqual(x, y) + '');

// Callback forms: Node's arguments, called back later. Each starts in the previous one's callback
// (Node's threadpool may finish concurrent jobs in any order).
const jobs = [
  (next) => crypto.randomBytes(12, function (err, buf) { next('randomBytes callback', err, Buffer.isBuffer(buf), buf.length); }),
  (next) => crypto.randomFill(new Uint32Array(4), (err, buf) => next('randomFill cb 1', err, buf.constructor.name, buf.length)),
  (next) => crypto.randomFill(new Uint8Array(8), 2, (err, buf) => next('randomFill cb 2', err, buf.length, buf[0], buf[1])),
  (next) => crypto.randomFill(Buffer.alloc(8), 2, 3, (err, buf) => next('randomFill cb 3', err, buf.subarray(5).every((b) => b === 0))),
  (next) => crypto.randomFill(new ArrayBuffer(8), (err, buf) => next('randomFill cb AB', err, buf.constructor.name, buf.byteLength)),
  (next) => crypto.randomInt(10, (err, n) => next('randomInt cb', err, n >= 0 && n < 10)),
  (next) => crypto.randomInt(5, 7, (err, n) => next('randomInt cb min', err, n === 5 || n === 6)),
];
let sync = true;
const run = (...printed) => {
  if (printed.length > 0) console.log(...printed, sync ? 'in the same turn' : 'later');
  const job = jobs.shift();
  if (job) job(run);
};
run();
sync = false;

// perf_hooks.createHistogram: fixed values recorded (numbers and bigints, several ranges and
// precisions), every reading (min, max, mean, stddev, exceeds, count and their BigInt forms,
// percentile, percentiles), add, reset, toJSON, util.inspect at several depths and options, and the
// shape of the classes (names, prototypes, own symbol-keyed fields, the percentiles SafeMap).
const { createHistogram } = require('perf_hooks');
const util = require('util');

const readings = (h) => [h.count, h.min, h.max, h.mean, h.stddev, h.exceeds, h.countBigInt, h.minBigInt, h.maxBigInt, h.exceedsBigInt];
const empty = createHistogram();
console.log('empty', readings(empty), empty.percentiles, empty.percentile(50), empty.percentileBigInt(100));
console.log(util.inspect(empty));

const h = createHistogram();
for (const v of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 1000, 1000, 65536, 1234567]) h.record(v);
h.record(7n);
h.record(2n ** 40n);
console.log('readings', readings(h));
for (const p of [1, 10, 25, 50, 75, 90, 99, 99.9, 100, 0.001, 33.3]) console.log('p', p, h.percentile(p), h.percentileBigInt(p));
console.log('percentiles', [...h.percentiles], [...h.percentilesBigInt]);
console.log(h.percentiles === h.percentiles, h.percentiles === h.percentilesBigInt, h.percentiles.size, h.percentiles.get(100), h.percentiles.has(50));
console.log(JSON.stringify(h));
console.log(h.toJSON());
console.log(h);
console.log(util.inspect(h, { depth: 0 }), '|', util.inspect(h, { depth: -1 }), '|', util.inspect([h], { depth: 0 }));
console.log(util.inspect({ deep: { er: h } }, { breakLength: Infinity }));
console.log(util.inspect(h, { customInspect: false }));
console.log(util.inspect(h.percentiles), util.inspect(h.percentilesBigInt));
console.log(String(h), Object.prototype.toString.call(h), `${[...h.percentiles.keys()]}`, [...h.percentiles.values()], [...h.percentiles.entries()].length);
const each = [];
h.percentiles.forEach((v, k) => each.push(`${k}=${v}`));
console.log(each.join(' '));

// Beyond the range: counted as exceeds, not recorded.
const narrow = createHistogram({ lowest: 10, highest: 1000, figures: 1 });
for (const v of [1, 5, 10, 11, 99, 100, 500, 999, 1000, 1001, 5000, 1e6]) narrow.record(v);
console.log('narrow', readings(narrow), [...narrow.percentiles]);
const precise = createHistogram({ figures: 5 });
for (let i = 1; i <= 1000; i++) precise.record(i * 7919);
console.log('precise', readings(precise), precise.percentile(50), precise.percentile(99), precise.percentiles.size);
const coarse = createHistogram({ figures: 1 });
for (let i = 1; i <= 1000; i++) coarse.record(i * 7919);
console.log('coarse', readings(coarse), coarse.percentile(50), coarse.percentile(99), [...coarse.percentiles].slice(0, 6));
const big = createHistogram({ lowest: 1n, highest: 2n ** 62n });
big.record(2n ** 61n);
big.record(3n);
console.log('big', readings(big), big.percentileBigInt(100), [...big.percentilesBigInt]);
const edges = createHistogram();
edges.record(Number.MAX_SAFE_INTEGER);
edges.record(2n ** 63n - 1n);
edges.record(1);
console.log('edges', readings(edges));

// add and reset.
const a = createHistogram();
const b = createHistogram({ figures: 2 });
[10, 20, 30].forEach((v) => a.record(v));
[40, 50, 60, 70].forEach((v) => b.record(v));
console.log('add', a.add(b), readings(a), [...a.percentiles], readings(b));
a.add(a);
console.log('add self', readings(a));
a.reset();
console.log('reset', a.reset(), readings(a), [...a.percentiles]);
a.record(5);
console.log('after reset', readings(a));

// The classes and instances, as Node has them.
const R = h.constructor;
const H = Object.getPrototypeOf(R);
console.log(R.name, H.name, R.length, H.length, h instanceof R, h instanceof H, Object.getPrototypeOf(h) === R.prototype, Object.getPrototypeOf(H.prototype) === Object.prototype);
console.log(Object.keys(h), Object.getOwnPropertySymbols(h).map(String), Object.getOwnPropertyNames(R.prototype), Object.getOwnPropertyNames(H.prototype));
console.log(Object.getOwnPropertySymbols(H.prototype).filter((s) => s === util.inspect.custom).length, Object.getOwnPropertyDescriptor(h, 'constructor'));
for (const k of Object.getOwnPropertyNames(H.prototype)) {
  const d = Object.getOwnPropertyDescriptor(H.prototype, k);
  console.log(' ', k, typeof d.get, typeof d.value, d.enumerable, d.configurable);
}
const map = h.percentiles;
const proto = Object.getPrototypeOf(map);
console.log(map instanceof Map, proto.constructor.name, Object.getPrototypeOf(proto), Object.isFrozen(proto), Object.isFrozen(proto.constructor), Object.getPrototypeOf(proto.constructor) === Map);
console.log(Object.getOwnPropertyNames(proto), Object.getOwnPropertySymbols(proto).map(String), proto.constructor.length, util.types.isMap(map));
const it = map.entries();
console.log(Object.getPrototypeOf(Object.getPrototypeOf(it)), Object.keys(it), it.next(), typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
console.log(Object.fromEntries(map), new Map(map).size, structuredClone(map));
const inherited = Object.create(h);
console.log('inherited', inherited.count, inherited.percentile(100));
const handle = h[Object.getOwnPropertySymbols(h).find((s) => s.description === 'kHandle')];
console.log(Object.keys(handle), Object.getPrototypeOf(handle).constructor.name, Object.keys(Object.getPrototypeOf(handle)), handle.count(), handle.record.name, handle.record.length);
console.log(util.inspect(h, { showHidden: true }), util.inspect(h.percentiles, { showHidden: true }), util.format('%o', a));
console.log(util.inspect(R.prototype), util.inspect(H.prototype), util.inspect(map.constructor));
console.log(util.isDeepStrictEqual(a.percentiles, new Map([[0, 5], [100, 5]])));

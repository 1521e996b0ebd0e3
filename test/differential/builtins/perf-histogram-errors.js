// perf_hooks histograms refusing what Node refuses, with Node's codes, names and messages: the
// options of createHistogram (lowest, highest, figures, number and bigint forms), record's values,
// percentile's argument, add's argument, receiver checks of every member, the illegal
// constructors, monitorEventLoopDelay's options, timerify's histogram option. After the errors the
// histograms still work.
const { createHistogram, monitorEventLoopDelay, performance } = require('perf_hooks');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, e instanceof TypeError, e instanceof RangeError, Object.keys(e));
  }
};

for (const options of [5, 'x', null, true, () => 1, [], { lowest: 0 }, { lowest: -1 }, { lowest: 1.5 }, { lowest: '1' }, { lowest: 2 ** 53 }, { lowest: NaN }, { lowest: null },
  { highest: 1 }, { highest: 1.5 }, { highest: '10' }, { highest: 2 ** 53 }, { lowest: 10, highest: 19 }, { lowest: 2 ** 52 }, { lowest: 10, highest: 20 },
  { figures: 0 }, { figures: 6 }, { figures: 2.5 }, { figures: '3' }, { figures: null }, { figures: 5 }, { figures: 1 },
  { lowest: 1n }, { lowest: 1n, highest: 2n }, { lowest: 1n, highest: 1n }, { lowest: 5n, highest: 9n }, { lowest: 1n, highest: 100 }, { lowest: 1, highest: 100n }, { highest: 10n },
  { lowest: undefined, highest: undefined, figures: undefined }]) {
  show(`createHistogram(${typeof options === 'function' ? 'fn' : JSON.stringify(options, (k, v) => (typeof v === 'bigint' ? `${v}n` : v))})`, () => createHistogram(options).count);
}
show('options getters', () => createHistogram({ get lowest() { console.log('get lowest'); return 2; }, get highest() { console.log('get highest'); return 4; }, get figures() { console.log('get figures'); return 2; } }).count);

const h = createHistogram();
for (const v of [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, Number.MAX_VALUE, '1', null, undefined, {}, [], true, Symbol('s'), 0n, -1n, 2n ** 63n, 2n ** 64n, 2n ** 64n + 5n]) {
  show(`record(${typeof v === 'symbol' ? 'symbol' : typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v)})`, () => h.record(v));
}
show('record()', () => h.record());
for (const p of [0, -1, 101, 100.0001, NaN, Infinity, '50', null, undefined, 50n, {}]) {
  show(`percentile(${typeof p === 'bigint' ? '50n' : JSON.stringify(p) ?? String(p)})`, () => h.percentile(p));
  show(`percentileBigInt(${typeof p === 'bigint' ? '50n' : JSON.stringify(p) ?? String(p)})`, () => h.percentileBigInt(p));
}
const eld = monitorEventLoopDelay();
for (const other of [undefined, null, 5, 'x', {}, [], eld, Object.create(h), { constructor: h.constructor }]) {
  show(`add(${other === eld ? 'eld' : JSON.stringify(other) ?? String(other)})`, () => h.add(other));
}
show('add()', () => h.add());

const R = h.constructor;
const H = Object.getPrototypeOf(R);
const E = eld.constructor;
show('new R', () => new R());
show('new H', () => new H());
show('new E', () => new E());
show('R()', () => R());
show('new R(symbol)', () => new R(Symbol('kSkipThrow')));
for (const name of Object.getOwnPropertyNames(H.prototype)) {
  const d = Object.getOwnPropertyDescriptor(H.prototype, name);
  if (name === 'constructor') continue;
  show(`Histogram ${name} on {}`, () => (d.get ? d.get.call({}) : d.value.call({}, 50)));
  show(`Histogram ${name} on null`, () => (d.get ? d.get.call(null) : d.value.call(null, 50)));
}
show('toJSON on {}', () => H.prototype.toJSON.call({}));
for (const name of ['record', 'recordDelta', 'add']) {
  show(`${name} on {}`, () => R.prototype[name].call({}, 1));
  show(`${name} on eld`, () => R.prototype[name].call(eld, 1));
}
show('enable on histogram', () => E.prototype.enable.call(h));
show('disable on {}', () => E.prototype.disable.call({}));
show('eld count on histogram', () => Object.getOwnPropertyDescriptor(H.prototype, 'count').get.call(eld));
show('prototype getter', () => Object.getOwnPropertyDescriptor(H.prototype, 'min').get.call(R.prototype));

for (const options of [5, null, 'x', { resolution: 0 }, { resolution: -5 }, { resolution: 1.5 }, { resolution: '10' }, { resolution: NaN }, { resolution: 2 ** 53 }, { resolution: 10n }, { resolution: null }, { resolution: 1 }, {}]) {
  show(`monitorEventLoopDelay(${JSON.stringify(options, (k, v) => (typeof v === 'bigint' ? `${v}n` : v))})`, () => monitorEventLoopDelay(options).constructor.name);
}
for (const histogram of [{}, 5, 'h', null, eld, Object.create(h), { record() {} }]) {
  show(`timerify histogram ${histogram === eld ? 'eld' : JSON.stringify(histogram)}`, () => typeof performance.timerify(() => 1, { histogram }));
}
const timed = createHistogram();
show('timerify inherited histogram', () => [performance.timerify(() => 1, { histogram: Object.create(timed) })(), timed.count]);

// Still working after all of it.
h.record(3);
h.record(3n);
show('after', () => [h.count, h.min, h.max, [...h.percentiles]]);
const [kRecordable] = Object.getOwnPropertySymbols(h);
show('record on a bare kRecordable', () => [R.prototype.record.call({ [kRecordable]: true }, 1), R.prototype.recordDelta.call({ [kRecordable]: 1 })]);

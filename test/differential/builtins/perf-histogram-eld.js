// perf_hooks.monitorEventLoopDelay (the sandbox's event loop is the Worker's, sampled there) and the
// timing-driven parts of histograms: enable/disable answers, the shape and types of what the
// histograms read after the loop has run and been blocked, recordDelta, and timerify's
// `histogram` option. Timing varies run to run, so only shapes, types, counts and booleans print.
const { createHistogram, monitorEventLoopDelay, performance } = require('perf_hooks');
const util = require('util');

const types = (h) => Object.fromEntries(Object.entries(h.toJSON()).map(([k, v]) => [k, typeof v]));
const e = monitorEventLoopDelay({ resolution: 1 });
const E = e.constructor;
console.log(E.name, Object.getPrototypeOf(E).name, E.length, e instanceof E, e instanceof Object.getPrototypeOf(E), typeof e.record, typeof e.add, typeof e.recordDelta);
console.log(Object.keys(e), Object.getOwnPropertySymbols(e).map(String), Object.getOwnPropertyNames(E.prototype));
console.log('fresh', e.count, e.min, e.max, e.exceeds, e.countBigInt, [...e.percentiles], util.inspect(e));
console.log('enable', e.enable(), e.enable(), 'disable', e.disable(), e.disable(), 'again', e.enable());
const idle = monitorEventLoopDelay();
console.log('never enabled', idle.disable(), idle.count);

const start = Date.now();
setTimeout(() => {
  while (Date.now() - start < 60);
  setTimeout(() => {
    console.log('disable', e.disable(), e.disable());
    console.log('sampled', e.count > 0, e.min > 0, e.max >= 40e6, e.max >= e.min, e.mean > 0, e.stddev >= 0, e.exceeds, e.percentile(50) > 0, e.percentileBigInt(100) > 0n);
    console.log(types(e), e.percentiles.size > 1, [...e.percentiles.keys()].every((k) => typeof k === 'number'), [...e.percentilesBigInt.values()].every((v) => typeof v === 'bigint'));
    console.log(Object.keys(JSON.parse(JSON.stringify(e))), util.inspect(e).split('\n')[0], util.inspect(e).includes('percentiles: SafeMap('));
    const frozen = e.count;
    setTimeout(() => {
      console.log('stopped while disabled', e.count === frozen);
      e.reset();
      console.log('reset', e.count, e.max, [...e.percentiles]);
      console.log('idle', idle.count);
    }, 20);
  }, 20);
}, 5);

const d = createHistogram();
d.recordDelta();
for (let i = 0; i < 5; i++) d.recordDelta();
console.log('recordDelta', d.count, d.min > 0, typeof d.max);

const timed = createHistogram();
const f = performance.timerify(function work(n) { return n * 2; }, { histogram: timed });
console.log('timerified', f(1), f(2), new f(3) instanceof f === false, timed.count, timed.min > 0, timed.max >= timed.min);
const later = createHistogram();
const g = performance.timerify(async function slow() { await new Promise((r) => setTimeout(r, 10)); return 'done'; }, { histogram: later });
g().then((v) => console.log('async timerified', v, later.count, later.min >= 5e6));

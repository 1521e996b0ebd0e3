// perf_hooks and the global performance: now/timeOrigin types, marks and measures (names, types,
// details cloned, start/end/duration rules, errors), getEntries*, clearMarks/clearMeasures, toJSON
// and nodeTiming keys, eventLoopUtilization's shape (zeros before the loop starts), timerify,
// PerformanceObserver delivery, constants, and the classes' receiver checks. Times are never printed.
const ph = require('perf_hooks');
const util = require('util');
const { performance: perf } = ph;
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const shape = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v]));
console.log(Object.keys(ph).join(','), perf === performance, ph.Performance === Performance, Object.getOwnPropertyDescriptor(globalThis, 'performance').enumerable);
console.log(typeof perf.now(), perf.now() >= 0, typeof perf.timeOrigin, Math.abs(perf.timeOrigin + perf.now() - Date.now()) < 1000);
console.log(ph.constants, Object.prototype.toString.call(perf), util.inspect(perf, { depth: -1 }));
console.log(Object.keys(perf.toJSON()), Object.keys(perf.nodeTiming.toJSON()), shape(perf.nodeTiming.toJSON()));
console.log(perf.nodeTiming.name, perf.nodeTiming.entryType, perf.nodeTiming.startTime, perf.nodeTiming.loopStart, perf.nodeTiming.loopExit, perf.nodeTiming instanceof ph.PerformanceEntry);
console.log(perf.eventLoopUtilization(), Object.keys(perf.nodeTiming));

const m1 = perf.mark('one', { detail: { n: [1] } });
const m2 = perf.mark('two', { startTime: 5 });
const m3 = new ph.PerformanceMark('three', { startTime: 7, detail: 'd' });
console.log(m1.name, m1.entryType, m1.duration, m1.detail, m2.startTime, m2.detail, m3.detail, m1 instanceof ph.PerformanceEntry, m1 instanceof PerformanceMark);
console.log(Object.keys(m2.toJSON()), JSON.stringify(m2), util.inspect(m2), util.inspect([[m2]], { depth: 0 }));
console.log(Object.prototype.toString.call(m1), Object.keys(m1), Object.keys(ph.PerformanceEntry.prototype), Object.keys(ph.PerformanceMark.prototype));
const detail = { deep: { x: 1 } };
const withDetail = perf.mark('detailed', { detail });
console.log(withDetail.detail !== detail, withDetail.detail.deep.x);
const ms = perf.measure('between', 'two', 'three');
console.log(ms.name, ms.entryType, ms.startTime, ms.duration, ms.detail, ms instanceof PerformanceMeasure);
const byOptions = perf.measure('opts', { start: 2, end: 10, detail: [1] });
console.log(byOptions.startTime, byOptions.duration, byOptions.detail);
console.log(perf.measure('dur', { start: 2, duration: 3 }).duration, perf.measure('end-dur', { end: 10, duration: 4 }).startTime);
console.log(perf.measure('from start', 'two').startTime, perf.measure('zero').startTime, perf.measure('milestone', 'nodeStart').name);
perf.clearMeasures('milestone');
console.log(perf.getEntries().map((e) => e.name).join(','));
console.log(perf.getEntriesByType('mark').map((e) => e.name).join(','), perf.getEntriesByType('measure').length, perf.getEntriesByType('resource'), perf.getEntriesByType('nope'));
console.log(perf.getEntriesByName('two').length, perf.getEntriesByName('two', 'measure').length, perf.getEntriesByName('between', 'measure')[0] === ms);
show('measure unknown mark', () => perf.measure('x', 'nope'));
show('measure end and endMark', () => perf.measure('x', { start: 1 }, 'two'));
show('measure all three', () => perf.measure('x', { start: 1, end: 2, duration: 1 }));
show('measure name number', () => perf.measure(5));
show('measure number start', () => perf.measure('x', -1).startTime);
show('mark reserved', () => perf.mark('nodeStart'));
show('mark negative', () => perf.mark('x', { startTime: -1 }));
show('mark bad startTime', () => perf.mark('x', { startTime: '1' }));
show('mark bad options', () => perf.mark('x', 5));
show('mark no args', () => perf.mark());
show('mark uncloneable', () => perf.mark('x', { detail: () => 1 }));
show('getEntriesByName none', () => perf.getEntriesByName());
show('now bad this', () => perf.now.call({}));
show('entry ctor', () => new ph.PerformanceEntry());
show('measure ctor', () => new ph.PerformanceMeasure());
show('resource ctor', () => new ph.PerformanceResourceTiming());
show('performance ctor', () => new ph.Performance());
show('entry getter bad this', () => Object.getOwnPropertyDescriptor(ph.PerformanceEntry.prototype, 'name').get.call({}));
perf.clearMarks('two');
console.log(perf.getEntriesByType('mark').map((e) => e.name).join(','));
show('measure cleared mark', () => perf.measure('x', 'two'));
perf.clearMeasures('opts');
console.log(perf.getEntriesByType('measure').length);
perf.clearMarks();
perf.clearMeasures();
console.log(perf.getEntries().length);

const timed = perf.timerify(function work(a, b) {
  return a + b;
});
console.log(timed.name, timed.length, timed(1, 2));
show('timerify bad', () => perf.timerify(5));

const obs = new PerformanceObserver((list, observer) => {
  console.log('observer', list.getEntries().map((e) => `${e.entryType}:${e.name}`).join(','), observer === obs, list.getEntriesByType('mark').length, list.getEntriesByName('late').length);
  console.log(util.inspect(list, { depth: -1 }), Object.prototype.toString.call(list));
  observer.disconnect();
  setTimeout(() => {
    const u = perf.eventLoopUtilization();
    console.log('after loop start', perf.nodeTiming.loopStart > 0, Object.keys(u), u.utilization >= 0 && u.utilization <= 1, typeof perf.eventLoopUtilization(u).active, perf.eventLoopUtilization(u, u).active);
  }, 5);
});
obs.observe({ entryTypes: ['mark', 'measure', 'function', 'gc'] });
perf.mark('late');
perf.measure('late-measure');
timed(3, 4);
console.log(obs.takeRecords().length, ph.PerformanceObserver.supportedEntryTypes);
perf.mark('late');
show('observe nothing', () => obs.observe());
show('observe both', () => obs.observe({ entryTypes: ['mark'], type: 'mark' }));
show('observe switch', () => obs.observe({ type: 'mark' }));
show('observer no callback', () => new PerformanceObserver());
console.log(util.inspect(new PerformanceObserver(() => {})));

// timers/promises: setTimeout/setImmediate values and ordering with callback timers, setInterval
// as an async iterator, scheduler.wait/yield, signal (AbortError with the reason as cause, before
// and during), ref: false (the process does not wait), argument errors as rejections, and
// require('timers').promises and the util.promisify.custom forms of the global timers.
const tp = require('timers/promises');
const timers = require('timers');
const show = async (label, f) => {
  try {
    console.log(label, await f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, typeof e.cause === 'object' ? e.cause.name : e.cause);
  }
};
(async () => {
  console.log(Object.keys(tp), timers.promises === tp, require('node:timers/promises') === tp, Object.keys(timers).includes('promises'));
  const custom = Symbol.for('nodejs.util.promisify.custom');
  console.log(setTimeout[custom] === tp.setTimeout, setImmediate[custom] === tp.setImmediate, Object.getOwnPropertyDescriptor(setTimeout, custom).enumerable, timers.setTimeout === setTimeout);
  console.log(await tp.setTimeout(1, 'value'), await tp.setTimeout(), await tp.setImmediate('imm'), await tp.scheduler.wait(1), await tp.scheduler.yield());
  const order = [];
  setTimeout(() => order.push('cb timeout'), 2);
  const p1 = tp.setTimeout(2).then(() => order.push('promise timeout'));
  setImmediate(() => order.push('cb immediate'));
  const p2 = tp.setImmediate().then(() => order.push('promise immediate'));
  await Promise.all([p1, p2]);
  console.log(order.join(','));
  const p = tp.setTimeout(10, 'x');
  console.log(p instanceof Promise, Object.prototype.toString.call(p));
  await p;

  const ac = new AbortController();
  const pending = tp.setTimeout(1000, 'never', { signal: ac.signal });
  ac.abort('cancelled');
  await show('aborted during', () => pending);
  await show('aborted before', () => tp.setTimeout(1, 'x', { signal: AbortSignal.abort('early') }));
  const ac2 = new AbortController();
  const imm = tp.setImmediate('v', { signal: ac2.signal });
  ac2.abort();
  await show('immediate aborted', () => imm.catch((e) => `${e.name} ${e.cause.name}`));
  await show('delay string', () => tp.setTimeout('1'));
  await show('options null', () => tp.setTimeout(1, 'x', null));
  await show('options number', () => tp.setImmediate('x', 5));
  await show('signal bad', () => tp.setTimeout(1, 'x', { signal: 'no' }));
  await show('ref bad', () => tp.setTimeout(1, 'x', { ref: 1 }));
  await show('wait bad', () => tp.scheduler.wait(1, 5));
  await show('yield this', () => tp.scheduler.yield.call({}));
  await show('scheduler ctor', () => new tp.scheduler.constructor());
  console.log(Object.prototype.toString.call(tp.scheduler), tp.scheduler.constructor.name, Object.getOwnPropertyNames(Object.getPrototypeOf(tp.scheduler)));

  const ticks = [];
  let n = 0;
  for await (const v of tp.setInterval(1, 'tick')) {
    ticks.push(v);
    if (++n === 3) break;
  }
  console.log(ticks);
  const stop = new AbortController();
  await show('interval abort', async () => {
    const seen = [];
    for await (const v of tp.setInterval(1, 'i', { signal: stop.signal })) {
      seen.push(v);
      if (seen.length === 2) stop.abort('done');
    }
  });
  await show('interval pre-aborted', () => tp.setInterval(1, 1, { signal: AbortSignal.abort() }).next());
  await show('interval bad delay', () => tp.setInterval('x').next());
  const iter = tp.setInterval(5);
  console.log(typeof iter[Symbol.asyncIterator], typeof iter.next, Object.prototype.toString.call(iter));
  await iter.return();

  // ref: false does not keep the process alive.
  tp.setTimeout(100000, null, { ref: false }).then(() => console.log('never printed'));
  tp.setImmediate(null, { ref: false });
  console.log('end of main');
})();

// What the events module adds for signals and EventTargets: once (with a signal, on an
// EventTarget), on (async iteration, close events, errors, abort), addAbortListener,
// getEventListeners, getMaxListeners and setMaxListeners for emitters and EventTargets.
const events = require('events');
const { EventEmitter } = events;
const show = async (label, f) => {
  try {
    console.log(label, await f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, e.cause);
  }
};
(async () => {
  const ee = new EventEmitter();
  setImmediate(() => ee.emit('ready', 1, 2));
  console.log('once', await events.once(ee, 'ready'));
  const et = new EventTarget();
  setImmediate(() => et.dispatchEvent(new Event('ping')));
  const [ev] = await events.once(et, 'ping');
  console.log('once target', ev.type, ev instanceof Event);
  const failing = new EventEmitter();
  setImmediate(() => failing.emit('error', new Error('bad')));
  await show('once error', () => events.once(failing, 'never'));
  const ac = new AbortController();
  setImmediate(() => ac.abort('stop'));
  await show('once abort', () => events.once(new EventEmitter(), 'never', { signal: ac.signal }));
  await show('once pre-aborted', () => events.once(new EventEmitter(), 'x', { signal: AbortSignal.abort('early') }));
  await show('once bad signal', () => events.once(new EventEmitter(), 'x', { signal: 1 }));
  console.log('listeners left', failing.listenerCount('error'), failing.listenerCount('never'));

  const it = new EventEmitter();
  setImmediate(() => {
    it.emit('data', 'a');
    it.emit('data', 'b', 'c');
    it.emit('end');
  });
  const got = [];
  for await (const args of events.on(it, 'data', { close: ['end'] })) got.push(args);
  console.log('on', got, it.listenerCount('data'), it.listenerCount('end'), it.listenerCount('error'));
  const errs = new EventEmitter();
  setImmediate(() => errs.emit('error', new TypeError('iter error')));
  await show('on error', async () => {
    for await (const x of events.on(errs, 'data')) void x;
  });
  const stopper = new AbortController();
  const src = new EventEmitter();
  setImmediate(() => {
    src.emit('data', 1);
    stopper.abort('enough');
  });
  await show('on abort', async () => {
    const seen = [];
    for await (const [x] of events.on(src, 'data', { signal: stopper.signal })) seen.push(x);
    return seen;
  });
  const target = new EventTarget();
  const iter = events.on(target, 'tick');
  target.dispatchEvent(new Event('tick'));
  const first = await iter.next();
  console.log('on target', first.done, first.value[0].type, await iter.return());
  await show('on bad watermark', () => events.on(new EventEmitter(), 'x', { highWaterMark: 0 }));

  const sig = new AbortController();
  const order = [];
  const disposable = events.addAbortListener(sig.signal, () => order.push('abort listener'));
  console.log(typeof disposable[Symbol.for('nodejs.dispose')], Object.getPrototypeOf(disposable));
  sig.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  sig.abort();
  events.addAbortListener(AbortSignal.abort(), () => order.push('already aborted (microtask)'));
  order.push('sync');
  await null;
  console.log(order.join(','));
  await show('addAbortListener undefined', () => events.addAbortListener(undefined, () => {}));
  await show('addAbortListener no fn', () => events.addAbortListener(new AbortController().signal, 5));

  const l1 = () => {};
  const holder = new EventTarget();
  holder.addEventListener('x', l1);
  holder.addEventListener('x', { handleEvent() {} });
  console.log(events.getEventListeners(holder, 'x').length, events.getEventListeners(holder, 'x')[0] === l1, events.getEventListeners(holder, 'none'));
  const em = new EventEmitter();
  em.on('y', l1);
  console.log(events.getEventListeners(em, 'y')[0] === l1);
  await show('getEventListeners bad', () => events.getEventListeners({}, 'x'));
  console.log(events.getMaxListeners(em), events.getMaxListeners(holder));
  events.setMaxListeners(3, holder, em);
  console.log(events.getMaxListeners(em), events.getMaxListeners(holder), em.getMaxListeners());
  await show('setMaxListeners bad target', () => events.setMaxListeners(1, {}));
  await show('setMaxListeners negative', () => events.setMaxListeners(-1));
  await show('getMaxListeners bad', () => events.getMaxListeners({}));
  events.setMaxListeners(20);
  console.log(EventEmitter.defaultMaxListeners, events.getMaxListeners(new EventTarget()));
  events.setMaxListeners();
  console.log(EventEmitter.defaultMaxListeners);
})();

// EventTarget: dispatch order, duplicates keyed by (listener, capture), once, passive, signal,
// handleEvent objects looked up at dispatch, listeners added and removed while dispatching,
// stopImmediatePropagation, return values, receiver and argument errors, inspect, subclassing.
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const log = [];
const et = new EventTarget();
const a = () => log.push('a');
et.addEventListener('x', a);
et.addEventListener('x', a);
et.addEventListener('x', a, true);
et.addEventListener('x', a, { capture: true });
et.addEventListener('x', () => log.push('once'), { once: true });
et.dispatchEvent(new Event('x'));
et.dispatchEvent(new Event('x'));
console.log(log.splice(0).join(','));
et.removeEventListener('x', a, true); // a boolean never means capture when removing
et.dispatchEvent(new Event('x'));
et.removeEventListener('x', a, { capture: true });
et.removeEventListener('x', a);
et.dispatchEvent(new Event('x'));
console.log(log.splice(0).join(','));

const handler = { handleEvent(e) { log.push('obj:' + e.type + ':' + (this === handler)); } };
et.addEventListener('h', handler);
et.dispatchEvent(new Event('h'));
handler.handleEvent = function () { log.push('replaced'); };
et.dispatchEvent(new Event('h'));
const lazy = {};
et.addEventListener('h2', lazy);
et.dispatchEvent(new Event('h2'));
lazy.handleEvent = () => log.push('lazy');
et.dispatchEvent(new Event('h2'));
console.log(log.splice(0).join(','));

// Added while dispatching: reached when it lands after the running listener (Node's order).
const d = new EventTarget();
d.addEventListener('x', () => {
  log.push('first');
  d.addEventListener('x', () => log.push('added-by-first'));
});
d.addEventListener('x', () => log.push('second'));
d.dispatchEvent(new Event('x'));
console.log(log.splice(0).join(','));
const r = new EventTarget();
const victim = () => log.push('victim');
r.addEventListener('x', () => {
  log.push('remover');
  r.removeEventListener('x', victim);
});
r.addEventListener('x', victim);
r.dispatchEvent(new Event('x'));
console.log(log.splice(0).join(','));

const s = new EventTarget();
s.addEventListener('x', (e) => {
  log.push('stopper');
  e.stopImmediatePropagation();
});
s.addEventListener('x', () => log.push('skipped'));
s.addEventListener('x', () => log.push('passive-runs'), { passive: true });
const ev = new Event('x', { cancelable: true });
s.addEventListener('x', (e) => e.preventDefault(), { passive: true });
console.log(s.dispatchEvent(ev), ev.cancelBubble, log.splice(0).join(','));
const p = new EventTarget();
p.addEventListener('x', (e) => e.preventDefault());
console.log(p.dispatchEvent(new Event('x', { cancelable: true })), p.dispatchEvent(new Event('x')));
console.log(new EventTarget().dispatchEvent(new Event('nobody')));

const ac = new AbortController();
const sig = new EventTarget();
sig.addEventListener('x', () => log.push('with-signal'), { signal: ac.signal });
sig.dispatchEvent(new Event('x'));
ac.abort();
sig.dispatchEvent(new Event('x'));
sig.addEventListener('x', () => log.push('after-abort'), { signal: ac.signal });
sig.dispatchEvent(new Event('x'));
console.log(log.splice(0).join(','));

const opts = [];
et.addEventListener('o', a, { get once() { opts.push('once'); }, get capture() { opts.push('capture'); }, get passive() { opts.push('passive'); }, get signal() { opts.push('signal'); } });
console.log(opts.join(','));

const thisCheck = new EventTarget();
thisCheck.addEventListener('t', function (e) { log.push(String(this === thisCheck) + String(e.target === thisCheck)); });
thisCheck.dispatchEvent(new Event('t'));
console.log(log.splice(0).join(','));
const inner = new EventTarget();
inner.addEventListener('r', (e) => {
  try {
    inner.dispatchEvent(e);
  } catch (err) {
    log.push(err.code + ':' + err.message);
  }
});
inner.dispatchEvent(new Event('r'));
console.log(log.splice(0).join(','));

show('no args', () => et.addEventListener());
show('one arg', () => et.addEventListener('x'));
show('listener number', () => et.addEventListener('x', 5));
show('listener string', () => et.addEventListener('x', 'f'));
show('options number', () => et.addEventListener('x', a, 5));
show('options null', () => et.addEventListener('x', () => {}, null));
show('signal bad', () => et.addEventListener('x', a, { signal: {} }));
show('signal null', () => et.addEventListener('x', a, { signal: null }));
show('symbol type', () => et.addEventListener(Symbol('s'), a));
show('remove one arg', () => et.removeEventListener('x'));
show('remove number', () => et.removeEventListener('x', 5));
show('remove null', () => et.removeEventListener('x', null));
show('dispatch none', () => et.dispatchEvent());
show('dispatch plain', () => et.dispatchEvent({ type: 'x' }));
show('dispatch string', () => et.dispatchEvent('x'));
show('bad this', () => EventTarget.prototype.addEventListener.call({}, 'x', a));
show('bad this dispatch', () => EventTarget.prototype.dispatchEvent.call(null, new Event('x')));
console.log(require('util').inspect(et), require('util').inspect(et, { depth: -1 }), Object.prototype.toString.call(et), Object.keys(EventTarget.prototype));
class Emitterish extends EventTarget {
  constructor() {
    super();
    this.mine = 1;
  }
}
const sub = new Emitterish();
sub.addEventListener('k', () => log.push('sub'));
sub.dispatchEvent(new Event('k'));
console.log(log.splice(0).join(','), require('util').inspect(sub), EventTarget[Symbol.for('nodejs.event_target')]);
const returns = new EventTarget();
returns.addEventListener('v', () => 5);
returns.addEventListener('v', () => ({ then: 1 }));
returns.addEventListener('v', () => ({ then(ok, fail) { log.push('then:' + typeof ok + ':' + typeof fail); } }));
returns.dispatchEvent(new Event('v'));
console.log(log.splice(0).join(','));

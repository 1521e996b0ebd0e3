// AbortController and AbortSignal: abort(reason) and its default DOMException, the trusted abort
// event, onabort, throwIfAborted, AbortSignal.abort/timeout/any (composites of composites), the
// unref'd timeout timer, receiver and argument errors, descriptors and inspect output.
const util = require('util');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const ac = new AbortController();
const { signal } = ac;
console.log(signal === ac.signal, signal.aborted, signal.reason, signal.onabort, signal instanceof EventTarget, signal instanceof AbortSignal);
const order = [];
signal.addEventListener('abort', (e) => order.push(`listener:${e.type}:${e.isTrusted}:${e.target === signal}`));
signal.onabort = (e) => order.push(`onabort:${e.cancelable}`);
signal.addEventListener('abort', () => order.push(`after:${signal.aborted}`));
ac.abort();
ac.abort('again');
console.log(order.join(','));
console.log(signal.aborted, signal.reason.name, signal.reason.message, signal.reason.code, signal.reason instanceof DOMException);
show('throwIfAborted', () => signal.throwIfAborted());
const custom = new AbortController();
custom.abort({ why: 1 });
console.log(custom.signal.reason);
show('throw custom', () => custom.signal.throwIfAborted());
const undef = new AbortController();
undef.abort(undefined);
console.log(undef.signal.reason.name);
const nul = new AbortController();
nul.abort(null);
console.log(nul.signal.reason);
console.log(new AbortController().signal.throwIfAborted());

const pre = AbortSignal.abort();
console.log(pre.aborted, pre.reason.name, AbortSignal.abort(42).reason, AbortSignal.abort(undefined).reason.message);
console.log(util.inspect(ac), util.inspect(new AbortController()), util.inspect(signal, { depth: -1 }), util.inspect({ a: { b: { c: signal } } }));
console.log(Object.prototype.toString.call(signal), Object.prototype.toString.call(ac), Object.keys(AbortSignal.prototype), Object.keys(AbortController.prototype));
const od = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort');
console.log(typeof od.get, od.get.name, od.set.name, od.enumerable, od.configurable);
console.log(Object.getOwnPropertyNames(AbortSignal).sort().join(','), AbortSignal.length, AbortController.length);

show('new AbortSignal', () => new AbortSignal());
show('aborted on plain', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}));
show('throwIfAborted on plain', () => AbortSignal.prototype.throwIfAborted.call({}));
show('onabort on plain', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort').get.call({}));
show('timeout string', () => AbortSignal.timeout('1'));
show('timeout negative', () => AbortSignal.timeout(-1));
show('timeout fraction', () => AbortSignal.timeout(1.5));
show('timeout huge', () => AbortSignal.timeout(2 ** 32));
show('any not array', () => AbortSignal.any(signal));
show('any bad entry', () => AbortSignal.any([signal, 5]));
show('any null entry', () => AbortSignal.any([null]));
show('any duck', () => AbortSignal.any([{ aborted: false }]).aborted);

// onabort: a handler replaced keeps its place; null turns it off.
const h = new AbortController();
const hs = [];
h.signal.onabort = () => hs.push('first-handler');
h.signal.addEventListener('abort', () => hs.push('listener'));
h.signal.onabort = () => hs.push('second-handler');
h.signal.onabort = null;
console.log(h.signal.onabort);
h.signal.onabort = () => hs.push('third-handler');
h.abort();
console.log(hs.join(','));

// AbortSignal.any follows its sources, and a composite's sources directly.
const s1 = new AbortController();
const s2 = new AbortController();
const any = AbortSignal.any([s1.signal, s2.signal]);
const anyOfAny = AbortSignal.any([any]);
const seen = [];
any.addEventListener('abort', () => seen.push('any:' + any.reason));
anyOfAny.addEventListener('abort', () => seen.push('anyOfAny:' + anyOfAny.reason));
console.log(any.aborted, AbortSignal.any([]).aborted, AbortSignal.any([pre]).reason === pre.reason);
s2.abort('second');
s1.abort('first');
console.log(seen.join(','), any.reason, anyOfAny.reason);

const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => {
  console.log('timeout fired', t.aborted, t.reason.name, t.reason.message, t.reason.code, t.reason instanceof DOMException);
  const anyTimeout = AbortSignal.any([AbortSignal.timeout(1), new AbortController().signal]);
  anyTimeout.onabort = () => console.log('any with timeout', anyTimeout.reason.name);
});
// The timeout's timer does not keep the process alive: this one never fires.
AbortSignal.timeout(100000).onabort = () => console.log('never');
setTimeout(() => console.log('kept alive'), 40);
process.on('exit', () => console.log('exit without waiting for the long timeout'));

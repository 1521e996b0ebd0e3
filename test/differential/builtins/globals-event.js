// Event and CustomEvent: constructor options and errors, prototype accessors and their
// descriptors, isTrusted, static phase constants, initEvent, inspect output (timeStamp masked),
// receiver checks, and CustomEvent's detail.
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const masked = (v) => require('util').inspect(v).replace(/timeStamp: [\d.e+-]+/, 'timeStamp: <n>');

const e = new Event('x', { cancelable: true, bubbles: 1, composed: 'yes' });
console.log(e.type, e.cancelable, e.bubbles, e.composed, e.defaultPrevented, e.returnValue, e.eventPhase, e.target, e.currentTarget, e.srcElement);
console.log(e.isTrusted, e.cancelBubble, e.composedPath(), typeof e.timeStamp, e.timeStamp >= 0);
e.preventDefault();
console.log(e.defaultPrevented, e.returnValue);
e.cancelBubble = false;
console.log(e.cancelBubble);
e.cancelBubble = true;
console.log(e.cancelBubble);
const plain = new Event('y');
plain.preventDefault();
console.log(plain.defaultPrevented, plain.returnValue);
plain.initEvent('z', true, true);
console.log(plain.type, plain.bubbles, plain.cancelable);
console.log(masked(e), masked(new CustomEvent('c', { detail: { a: 1 } })));
console.log(require('util').inspect(e, { depth: -1 }), require('util').inspect({ nested: { deeper: e } }, { depth: 0 }));
console.log(Object.prototype.toString.call(e), String(e), Object.keys(e), JSON.stringify(Object.keys(Event.prototype)));
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, Object.keys(Event));
const d = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
console.log(d.enumerable, d.configurable, typeof d.get, d.get.name, d.set);
const t = Object.getOwnPropertyDescriptor(Event.prototype, 'type');
console.log(t.enumerable, t.configurable, typeof t.get, t.get.name);
console.log(Object.getOwnPropertyDescriptor(Event, 'AT_TARGET'));
console.log(Event.length, Event.name, CustomEvent.length, Object.getPrototypeOf(CustomEvent) === Event, new CustomEvent('c') instanceof Event);

show('no args', () => new Event());
show('options number', () => new Event('x', 5));
show('options array', () => new Event('x', []));
show('options null', () => new Event('x', null).type);
show('type symbol', () => new Event(Symbol('s')));
show('type coerced', () => new Event({ toString: () => 'obj' }).type);
show('type undefined', () => new Event(undefined).type);
show('getter on plain', () => Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}));
show('method on plain', () => Event.prototype.preventDefault.call({}));
show('initEvent no args', () => plain.initEvent());
show('call without new', () => Event('x'));

const c = new CustomEvent('c', { detail: [1, 2] });
console.log(c.detail, new CustomEvent('c').detail, new CustomEvent('c', { detail: undefined }).detail, new CustomEvent('c', null).detail);
console.log(Object.prototype.toString.call(c), Object.keys(CustomEvent.prototype));
show('custom no args', () => new CustomEvent());
show('detail on Event', () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call(new Event('x')));
const order = [];
new Event('x', { get bubbles() { order.push('bubbles'); }, get cancelable() { order.push('cancelable'); }, get composed() { order.push('composed'); } });
console.log(order.join(','));
class MyEvent extends Event {
  constructor() {
    super('mine');
  }
}
console.log(new MyEvent().type, masked(new MyEvent()));

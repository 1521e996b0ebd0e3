// Too many listeners: node warns once per emitter and event (MaxListenersExceededWarning, in its
// words, naming the emitter and the limit), for EventEmitter and EventTarget; setMaxListeners lifts it.
const { EventEmitter, setMaxListeners } = require('events');
const e = new EventEmitter();
for (let i = 0; i < 12; i++) e.on('many', () => {});
for (let i = 0; i < 12; i++) e.on('many', () => {});
const quiet = new EventEmitter();
quiet.setMaxListeners(20);
for (let i = 0; i < 15; i++) quiet.on('x', () => {});
const et = new EventTarget();
for (let i = 0; i < 11; i++) et.addEventListener('t', () => {});
const lifted = new EventTarget();
setMaxListeners(0, lifted);
for (let i = 0; i < 30; i++) lifted.addEventListener('t', () => {});
process.on('warning', (w) => console.log('warning', w.name, w.type ?? '', w.count ?? ''));
console.log('listeners', e.listenerCount('many'), quiet.listenerCount('x'));

// 'beforeExit' fires each time the event loop empties, with process.exitCode (or 0), and may
// schedule more work; 'exit' fires once, after the last one; an exit listener can set the final code.
const util = require('util');
const events = require('events');
console.log(Object.prototype.toString.call(process), process.constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(process)) === events.prototype);
console.log(util.inspect(process, { depth: -1 }));
let rounds = 0;
process.on('beforeExit', (code) => {
  rounds++;
  console.log('beforeExit', rounds, code, process.exitCode);
  if (rounds === 1) setTimeout(() => console.log('timer from beforeExit'), 2);
  else if (rounds === 2) Promise.resolve().then(() => { console.log('microtask from beforeExit'); process.exitCode = 3; setImmediate(() => console.log('immediate')); });
  else if (rounds === 3) process.nextTick(() => console.log('nextTick from beforeExit, no new round'));
});
process.on('exit', (code) => {
  console.log('exit', code, rounds, process.exitCode);
  process.exitCode = 0;
});
process.on('exit', (code) => console.log('second exit listener', code, process.exitCode));
console.log('main done');

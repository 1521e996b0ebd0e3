// util.inspect.defaultOptions is the one set of defaults: console.log, util.format, util.inspect
// and error texts all follow a change, and only known keys may be set.
const util = require('util');
const deep = { a: { b: { c: { d: { e: 1 } } } }, list: Array.from({ length: 120 }, (_, i) => i) };
console.log(deep);
util.inspect.defaultOptions.depth = 0;
console.log(deep);
console.log(util.format('%O|%o', deep, [1]));
console.log(util.inspect(deep));
console.log(util.inspect(deep, { depth: 1 }));
util.inspect.defaultOptions = { depth: 5, maxArrayLength: 3, breakLength: Infinity };
console.log(deep);
console.log(util.formatWithOptions({ compact: false }, 'x %j', { a: 1 }, deep.a));
console.log(Object.keys(util.inspect.defaultOptions).join(','));
try {
  util.inspect.defaultOptions = { nope: 1 };
} catch (e) {
  console.log(e.name, e.message);
}
for (const bad of [null, 1, 'x']) {
  try {
    util.inspect.defaultOptions = bad;
  } catch (e) {
    console.log(e.code, e.message);
  }
}
util.inspect.defaultOptions.sorted = true;
console.log({ b: 1, a: 2, c: new Map([['z', 1], ['y', 2]]) });
try {
  require('fs').readFileSync(deep);
} catch (e) {
  console.log(e.code, e.message);
}

// util.deprecate: the warning Node prints on stderr (captured here, the pid masked: it differs
// between runs), once per function and once per code, the 'warning' event, noDeprecation and
// throwDeprecation read at call time, the wrapper's shape (name, prototype, new), and its errors.
const util = require('util');
const realWrite = process.stderr.write;
const captured = [];
process.stderr.write = function (chunk) {
  captured.push(String(chunk).replace(/\(node:\d+\)/g, '(node:<pid>)'));
  return true;
};
const events = [];
process.on('warning', (w) => events.push(`${w.name} ${w.code} ${w.message} ${w instanceof Error} ${Object.keys(w).join(',')}`));
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};

const old = util.deprecate(function old(a, b) { return [this && this.tag, a + b]; }, 'old() is deprecated', 'DEP_TEST1');
console.log(old.name, old.length, Object.getPrototypeOf(old).name, old.call({ tag: 't' }, 1, 2));
old(1, 2);
const sameCode = util.deprecate(() => 'same code', 'not printed: code DEP_TEST1 already warned', 'DEP_TEST1');
console.log(sameCode());
const noCode = util.deprecate(() => 'no code', 'no code warning');
console.log(noCode(), noCode());
const noCode2 = util.deprecate(() => 'no code 2', 'no code warning');
console.log(noCode2());
class Thing { constructor(x) { this.x = x; } get twice() { return this.x * 2; } }
const Deprecated = util.deprecate(Thing, 'Thing is deprecated', 'DEP_TEST2');
const made = new Deprecated(3);
console.log(made.x, made.twice, made instanceof Thing, made instanceof Deprecated, Deprecated.prototype === Thing.prototype, made.constructor === Thing);
show('code not a string', () => util.deprecate(() => {}, 'x', 7));
show('fn not a function', () => util.deprecate(5, 'x'));
show('fn undefined', () => util.deprecate(undefined, 'x'));
const noProto = util.deprecate(() => 1, 'arrow');
console.log('prototype' in noProto, Object.getOwnPropertyNames(noProto).join(','));

process.noDeprecation = true;
const silent = util.deprecate(() => 'silent', 'silenced by noDeprecation', 'DEP_TEST3');
console.log(silent());
process.noDeprecation = false;
console.log(silent(), 'after noDeprecation was cleared');
const again = util.deprecate(() => 'again', 'code DEP_TEST3 was not used up while silenced', 'DEP_TEST3');
console.log(again());

setTimeout(() => {
  process.stderr.write = realWrite;
  console.log(JSON.stringify(captured));
  console.log(events.join('\n'));
});

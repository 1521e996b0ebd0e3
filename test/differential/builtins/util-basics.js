// util: the exported names (Node's order, lazy members as accessors), function names and lengths,
// inspect's extras (custom, defaultOptions, colors, styles), format sanity, the legacy predicates,
// _extend, inherits and its errors, toUSVString, stripVTControlCharacters, system error names, parseEnv.
const util = require('util');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
console.log(Object.keys(util).join(','));
console.log(Object.keys(util.types).join(','));
console.log(require('util/types') === util.types, require('node:util') === util, require('node:util/types') === util.types);
for (const k of Object.keys(util)) {
  const d = Object.getOwnPropertyDescriptor(util, k);
  if (!('value' in d)) console.log('accessor', k, d.enumerable, d.configurable, typeof d.set);
}
// isBuffer is Buffer.isBuffer itself (checked below).
const fns = Object.keys(util).filter((k) => k !== 'isBuffer' && typeof util[k] === 'function');
console.log(fns.map((k) => `${k}:${util[k].name}/${util[k].length}`).join(' '));
console.log(Object.keys(util.types).map((k) => `${util.types[k].name}/${util.types[k].length}`).join(' '));
console.log(util.debug === util.debuglog, util.isArray === Array.isArray, util.isBuffer === Buffer.isBuffer);
console.log(util.isRegExp === util.types.isRegExp, util.isDate === util.types.isDate);
console.log(util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder);

// inspect and format (util-inspect has the full story; these are the module's own members).
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'), Object.getOwnPropertyNames(util.inspect).join(','));
console.log(util.inspect({ a: [1, { b: 2 }], s: 'x' }), util.format('%s=%d %j %o', 'a', 42, { j: 1 }, [1]), util.format('a', 1, 'b'));
console.log(util.formatWithOptions({ depth: 0 }, '%O', { a: { b: 1 } }), util.formatWithOptions([], 'x'));
show('formatWithOptions(1)', () => util.formatWithOptions(1, 'x'));
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, true), util.inspect({ a: { b: { c: { d: {} } } } }, false, 3));
class Custom { [util.inspect.custom](depth, options, inspect) { return `Custom<${depth},${typeof options.stylize},${typeof inspect}>`; } }
console.log(util.inspect(new Custom()), util.inspect({ c: new Custom() }));
const dd = Object.getOwnPropertyDescriptor(util.inspect, 'defaultOptions');
console.log(typeof dd.get, typeof dd.set, dd.enumerable, dd.configurable, Object.isSealed(util.inspect.defaultOptions));
console.log(JSON.stringify(util.inspect.defaultOptions));
show('defaultOptions = 5', () => (util.inspect.defaultOptions = 5));
show('defaultOptions extra key', () => (util.inspect.defaultOptions = { nope: 1 }));
util.inspect.defaultOptions = { depth: 0 };
console.log(util.inspect({ a: { b: 1 } }), util.format('%O', { a: { b: 1 } }), util.formatWithOptions({}, { a: { b: 1 } }));
util.inspect.defaultOptions.depth = 2;
console.log(util.inspect({ a: { b: 1 } }));
console.log(Object.getPrototypeOf(util.inspect.colors), Object.keys(util.inspect.colors).length, JSON.stringify(util.inspect.colors.red));
console.log(Object.getOwnPropertyNames(util.inspect.colors).filter((k) => !Object.keys(util.inspect.colors).includes(k)).join(','));
console.log(JSON.stringify(util.inspect.colors.grey), JSON.stringify(util.inspect.styles), Object.getPrototypeOf(util.inspect.styles));

// The legacy predicates.
const values = [undefined, null, true, 0, 'x', Symbol.iterator, {}, [], () => {}, new Date(0), /r/, new Error('e'), Buffer.alloc(1), Object.create(null), new TypeError('t')];
for (const name of ['isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive', 'isArray', 'isBuffer']) {
  console.log(name, values.map((v) => (util[name](v) ? 1 : 0)).join(''));
}
const fakeError = Object.create(Error.prototype);
console.log(util.isError(fakeError), util.isError({ name: 'Error', message: 'x' }));
console.log(util._extend({ a: 1 }, { b: 2, c: 3 }), util._extend({ a: 1 }, null), util._extend({ a: 1 }, 'str'));

// inherits.
function Base() {}
Base.prototype.hello = function () { return 'hi'; };
function Child() {}
util.inherits(Child, Base);
console.log(new Child().hello(), Child.super_ === Base, Object.getOwnPropertyDescriptor(Child, 'super_').enumerable, new Child() instanceof Base);
show('inherits(null)', () => util.inherits(null, Base));
show('inherits(fn, undefined)', () => util.inherits(Child, undefined));
show('inherits(fn, {})', () => util.inherits(Child, {}));
show('inherits(fn, arrow)', () => util.inherits(Child, () => {}));
show('inherits(1, fn)', () => util.inherits(1, Base));

// Strings.
console.log(JSON.stringify(util.toUSVString('a\ud800b\udc00c\ud83d\ude00')), util.toUSVString(12), util.toUSVString({ toString: () => 'obj' }));
for (const s of ['\u001b[31mred\u001b[39m', '\u001b[1;31;42mx\u001b[0m', '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '\u009b4mu', 'plain', '\u001b[2K\u001b[1Gline', '\u001b(Bz', '\u001b[?25l']) {
  console.log(JSON.stringify(util.stripVTControlCharacters(s)));
}
show('stripVT(5)', () => util.stripVTControlCharacters(5));

// System errors.
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorName(-99999));
show('getSystemErrorName(2)', () => util.getSystemErrorName(2));
show('getSystemErrorName(-0)', () => util.getSystemErrorName(-0));
show('getSystemErrorName(-1.5)', () => util.getSystemErrorName(-1.5));
show('getSystemErrorName("x")', () => util.getSystemErrorName('x'));
show('getSystemErrorName({})', () => util.getSystemErrorName({ valueOf: () => -2 }));
const map = util.getSystemErrorMap();
console.log(map instanceof Map, map.size, JSON.stringify(map.get(-2)), JSON.stringify([...map].slice(0, 3)), util.getSystemErrorMap() !== map);
const enoent = util._errnoException(-2, 'open', 'f.txt');
console.log(enoent.message, enoent.errno, enoent.code, enoent.syscall, Object.keys(enoent).join(','));
console.log(util._errnoException(-4242, 'read').message);
const refused = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80, 'local');
console.log(refused.message, Object.keys(refused).join(','), util._exceptionWithHostPort(-111, 'connect', 'h').message);

// parseEnv.
console.log(util.parseEnv('A=1\nB="two words"\n# comment\nexport C=3\nD=\'x\'\nE="multi\nline"\nF=a#b\nG= spaced '));
show('parseEnv(1)', () => util.parseEnv(1));

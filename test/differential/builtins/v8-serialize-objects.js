// v8.serialize of objects and arrays: property order (index keys first, written as numbers),
// symbol and non-enumerable keys left out, getters run, null prototypes and class instances written
// as plain objects, dense ('A') against sparse ('a') arrays and holes, double arrays, named
// properties on arrays, back-references for repeated objects and cycles, the padding byte before a
// two-byte string at an odd offset, and Error records (prototype tag, message, cause, stack).
const v8 = require('v8');
const util = require('util');
const show = (label, value) => {
  try {
    const bytes = v8.serialize(value);
    const back = v8.deserialize(bytes);
    console.log(label, bytes.toString('hex'), util.inspect(back, { depth: 6, showHidden: false }));
    return back;
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message));
  }
};

show('empty object', {});
show('object', { a: 1, b: 'two', c: [3], d: { e: null } });
show('index keys first', { b: 1, 2: 'two', a: 3, 1: 'one', '-1': 'neg', '1.5': 'frac', '01': 'lead' });
show('large index keys', { 2147483647: 'a', 2147483648: 'b', 4294967294: 'c', 4294967295: 'd', 1e21: 'e' });
show('symbol keys', { [Symbol('s')]: 1, a: 2 });
show('non-enumerable', Object.defineProperty({ a: 1 }, 'b', { value: 2, enumerable: false }));
show('getter', { get g() { return 'got'; }, plain: 1 });
show('null prototype', Object.assign(Object.create(null), { x: 1 }));
show('class instance', new (class Point { constructor() { this.x = 1; this.y = 2; } })());
show('inherited props', Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }));
show('__proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
const deleter = { a: 1, get b() { delete this.c; return 2; }, c: 3, d: 4 };
show('getter deletes a later key', deleter);
const adder = { get a() { this.z = 9; return 1; }, b: 2 };
show('getter adds a key', adder);

show('dense', [1, 2, 3]);
show('dense empty', []);
show('dense strings', ['a', 'b']);
show('dense mixed', [1, 'x', null, undefined, true, { a: 1 }]);
show('dense doubles', [1.5, 2, 3]);
show('dense ints then double', [1, 2, 2.5]);
show('dense with -0', [-0, 1]);
show('dense with NaN', [NaN, 1]);
show('dense big ints', [2 ** 31, 1]);
show('dense undefined', [undefined, undefined]);
show('dense pushed', (() => { const a = []; a.push(1, 2); return a; })());
show('dense from', Array.from({ length: 3 }, (_, i) => i * 2));
show('dense with props', Object.assign([1, 2], { x: 'y', 10: 'ten' }));
show('holey literal', [1, , 3]);
show('holey trailing', [1, 2, , ]);
show('only holes', [, , ]);
show('sparse large', (() => { const a = []; a[100000] = 'x'; return a; })());
show('sparse huge length', (() => { const a = []; a[4294967294] = 'last'; return a; })());
show('deleted element', (() => { const a = [1, 2, 3]; delete a[1]; return a; })());
show('frozen array', Object.freeze([1, 2]));
show('sealed array', Object.seal([1, 2]));
show('sparse with props', Object.assign([, 'b'], { name: 'n' }));
show('nested arrays', [[1, [2, [3]]], []]);
show('array null prototype', Object.setPrototypeOf([1], null));

const shared = { s: 1 };
show('repeated object', { a: shared, b: shared, c: [shared] });
const cycle = { name: 'c' };
cycle.self = cycle;
cycle.list = [cycle, { back: cycle }];
const back = show('cycle', cycle);
console.log('cycle kept', back.self === back, back.list[0] === back, back.list[1].back === back);
const arr = [];
arr.push(arr, { arr });
const arrBack = show('array cycle', arr);
console.log('array cycle kept', arrBack[0] === arrBack, arrBack[1].arr === arrBack);
const map = new Map();
map.set(map, map);
const mapBack = show('map cycle', map);
console.log('map cycle kept', mapBack.get(mapBack) === mapBack);
const set = new Set();
set.add(set);
show('set cycle', set);
const date = new Date(1);
show('repeated date', [date, date]);
const buf = new ArrayBuffer(2);
const bufBack = show('repeated ArrayBuffer', [buf, buf, { buf }]);
console.log('ArrayBuffer kept', bufBack[0] === bufBack[1], bufBack[2].buf === bufBack[0]);
const str = 'same';
show('repeated string', [str, str]);

show('padding in object', { a: '€' });
show('padding in array', ['€']);
show('padding after key', { ab: '€', abc: '€€', x: 1, y: 'é€' });
show('padding many', ['€', 'a€', 1, '€', 2.5, '€']);

const strip = (e) => { delete e.stack; return e; };
show('error', strip(new Error('m')));
show('error no message', strip(new Error()));
show('error empty message', strip(new Error('')));
for (const E of [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]) {
  const e = E === AggregateError ? new E([1], 'agg') : new E('msg');
  delete e.stack;
  const r = show(E.name, e);
  console.log('  ', r instanceof E, r instanceof Error, r.constructor.name, r.name, Object.getOwnPropertyNames(r).join(), r.stack);
}
const withStack = new TypeError('t');
withStack.stack = 'TypeError: t\n    at somewhere';
const sb = show('error with stack', withStack);
console.log('  stack', JSON.stringify(sb.stack), Object.getOwnPropertyDescriptor(sb, 'stack'));
const caused = strip(new Error('outer', { cause: strip(new RangeError('inner')) }));
const cb = show('error with cause', caused);
console.log('  cause', cb.cause instanceof RangeError, cb.cause.message, Object.getOwnPropertyDescriptor(cb, 'cause').enumerable);
show('error cause primitive', strip(new Error('x', { cause: 5 })));
show('error cause undefined', strip(new Error('x', { cause: undefined })));
const renamed = strip(new Error('x'));
renamed.name = 'SyntaxError';
show('error renamed', renamed);
const sub = strip(new (class MyError extends TypeError {})('sub'));
show('error subclass', sub);
const extra = strip(new Error('x'));
extra.code = 'E_X';
extra.detail = { a: 1 };
show('error own props dropped', extra);
const numeric = strip(new Error('x'));
numeric.message = 42;
numeric.stack = 7;
show('error non-string message and stack', numeric);
const accessor = strip(new Error());
Object.defineProperty(accessor, 'message', { get() { return 'from getter'; } });
show('error message accessor', accessor);
const selfCause = strip(new Error('self'));
selfCause.cause = selfCause;
show('error cause is itself', selfCause);
show('error in object', { e: strip(new Error('inner')), again: 1 });
show('fake error', Object.create(Error.prototype, { message: { value: 'fake', enumerable: true } }));

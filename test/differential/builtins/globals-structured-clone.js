// structuredClone: every kind the HTML algorithm clones (primitives, wrappers, Date, RegExp, Map,
// Set, ArrayBuffer, typed arrays, DataView, errors with causes, sparse arrays, circular and shared
// references), what it drops (prototypes, accessors run once, symbols, non-enumerables), transfer
// (detaching the source), DataCloneError for functions/symbols/WeakMaps/Promises/Proxies, getters
// that throw, and argument errors; the results are the realm's own (instanceof, constructors).
const util = require('util');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e instanceof DOMException, e.constructor.name);
  }
};
const values = [1, -0, NaN, 'str', true, null, undefined, 10n, new Boolean(false), new Number(3), new String('s'), Object(5n)];
console.log(values.map((v) => util.inspect(structuredClone(v))).join(' | '), Object.is(structuredClone(-0), -0));
const date = new Date(86400000);
const re = /a+b/gimsuy;
re.lastIndex = 3;
const reClone = structuredClone(re);
console.log(structuredClone(date).toISOString(), structuredClone(date) instanceof Date, reClone, reClone.lastIndex, reClone instanceof RegExp);
const map = new Map([[1, 'a'], [{ k: 1 }, new Set([1, 2])]]);
const mapClone = structuredClone(map);
console.log(mapClone, mapClone instanceof Map, [...mapClone.values()][1] instanceof Set);
const buf = new ArrayBuffer(8);
new Uint8Array(buf).set([1, 2, 3, 4, 5, 6, 7, 8]);
const views = { u8: new Uint8Array(buf, 2, 3), f64: new Float64Array([1.5, -2]), i16: new Int16Array([-1, 2]), big: new BigInt64Array([5n]), dv: new DataView(buf, 1, 4), c: new Uint8ClampedArray([300]) };
const vc = structuredClone(views);
console.log(vc, vc.u8.buffer.byteLength, vc.u8.byteOffset, vc.u8 instanceof Uint8Array, vc.dv instanceof DataView, vc.dv.getUint8(0));
const shared = { same: buf, view: new Uint8Array(buf) };
const sc = structuredClone(shared);
console.log(sc.same === sc.view.buffer, sc.same !== buf);
console.log(structuredClone(Buffer.from('hi')), Object.getPrototypeOf(structuredClone(Buffer.from('hi'))) === Uint8Array.prototype);

const errs = [new Error('e'), new TypeError('t', { cause: 'why' }), new RangeError('r'), new SyntaxError('s'), new ReferenceError('f'), new EvalError('v'), new URIError('u')];
const custom = new Error('custom');
custom.name = 'CustomName';
custom.code = 'E_CODE';
class MyError extends Error {}
errs.push(custom, new MyError('mine'), new AggregateError([1], 'agg'));
for (const err of structuredClone(errs)) {
  console.log(err.constructor.name, err.name, err.message, err.cause, Object.getOwnPropertyNames(err).sort().join(','), err.stack.split('\n')[0], err instanceof Error);
}
const noStack = new Error('x');
delete noStack.stack;
console.log(Object.getOwnPropertyNames(structuredClone(noStack)));

const cyc = { name: 'root', list: [] };
cyc.self = cyc;
cyc.list.push(cyc, cyc.list);
const cc = structuredClone(cyc);
console.log(cc.self === cc, cc.list[0] === cc, cc.list[1] === cc.list, cc !== cyc, util.inspect(cc));
const sparse = [1, , 3];
sparse.extra = 'x';
sparse[10] = 'ten';
const sp = structuredClone(sparse);
console.log(sp, sp.length, 1 in sp, Object.keys(sp));

class Point {
  constructor() {
    this.x = 1;
  }
  get y() {
    return 2;
  }
}
let reads = 0;
const obj = { plain: 1, get computed() { return ++reads; }, [Symbol('s')]: 'dropped', nested: new Point() };
Object.defineProperty(obj, 'hidden', { value: 1, enumerable: false });
const oc = structuredClone(obj);
console.log(oc, reads, Object.getPrototypeOf(oc.nested) === Object.prototype, Object.getOwnPropertyDescriptor(oc, 'computed'));
console.log(structuredClone(Object.create(null, { a: { value: 1, enumerable: true } })), Object.getPrototypeOf(structuredClone(Object.create(null))) === Object.prototype);
console.log(structuredClone([1, [2, [3]]]), structuredClone({ a: [{ b: new Map() }] }));

const ab = new ArrayBuffer(16);
const moved = structuredClone(ab, { transfer: [ab] });
console.log(ab.byteLength, moved.byteLength, moved instanceof ArrayBuffer);
const ab2 = new ArrayBuffer(4);
const u = new Uint8Array(ab2);
u[0] = 9;
const m2 = structuredClone({ u }, { transfer: [ab2] });
console.log(u.length, ab2.byteLength, m2.u[0], m2.u.buffer.byteLength);
const ab3 = new ArrayBuffer(2);
console.log(structuredClone(ab3, { transfer: new Set([ab3]) }).byteLength, ab3.byteLength);
const ab4 = new ArrayBuffer(2);
console.log(structuredClone(1, { transfer: { transfer: [ab4] } }), ab4.byteLength);

show('function', () => structuredClone(function named() {}));
show('arrow in object', () => structuredClone({ f: () => 1 }));
show('symbol', () => structuredClone(Symbol('sym')));
show('weakmap', () => structuredClone(new WeakMap()));
show('weakset', () => structuredClone(new WeakSet()));
show('promise', () => structuredClone(Promise.resolve()));
show('proxy', () => structuredClone(new Proxy({}, {})));
show('generator', () => structuredClone((function* () {})()));
show('getter throws', () => structuredClone({ get bad() { throw new RangeError('from getter'); } }));
show('getter throws primitive', () => structuredClone({ get bad() { throw 'plain'; } }));
show('no args', () => structuredClone());
show('options number', () => structuredClone(1, 5));
show('options string', () => structuredClone(1, 'x'));
show('options null', () => structuredClone(1, null));
show('transfer string', () => structuredClone(1, { transfer: 'ab' }));
show('transfer number', () => structuredClone(1, { transfer: 5 }));
show('transfer invalid', () => structuredClone(1, { transfer: [{}] }));
show('transfer view', () => structuredClone(1, { transfer: [new Uint8Array(1)] }));
const dup = new ArrayBuffer(1);
show('transfer duplicate', () => structuredClone(1, { transfer: [dup, dup] }));
const gone = new ArrayBuffer(1);
structuredClone(gone, { transfer: [gone] });
show('detached', () => structuredClone(gone));
show('detached transfer', () => structuredClone(1, { transfer: [gone] }));
show('transfer getter throws', () => structuredClone(1, { get transfer() { throw new SyntaxError('transfer getter'); } }));
show('iterator throws', () => structuredClone(1, { transfer: { [Symbol.iterator]() { throw new EvalError('iter'); } } }));
show('nested clone in getter', () => structuredClone({ get inner() { return structuredClone({ deep: [1] }); } }));
show('dom exception', () => util.inspect(structuredClone(new DOMException('x', 'DataCloneError'))));
show('abort signal', () => structuredClone(AbortSignal.abort()));
show('event', () => util.inspect(structuredClone(new Event('x'))));
let deep = [];
for (let i = 0; i < 100000; i++) deep = [deep];
show('very deep', () => structuredClone(deep).length);
console.log(structuredClone.name, structuredClone.length, typeof structuredClone, Object.getOwnPropertyDescriptor(globalThis, 'structuredClone').enumerable);

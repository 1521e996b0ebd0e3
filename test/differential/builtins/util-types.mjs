// util.types: every check over many values, exactly as V8 answers them: Proxies (of anything, and
// revoked ones), boxed primitives, every typed array, DataViews, buffers, promises and thenables,
// generators and async functions, iterators, arguments objects, errors (also faked ones), module
// namespaces, and values that pretend with Symbol.toStringTag or a borrowed prototype.
import util from 'node:util';
import types from 'node:util/types';
import * as selfNamespace from './util-types.mjs';
import { isProxy, isDate } from 'node:util/types';

export const marker = 1;
function* gen() {}
async function* agen() {}
async function afn() {}
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const fakeDate = Object.create(Date.prototype);
const tagged = { [Symbol.toStringTag]: 'Map' };
const map = new Map([[1, 2]]);
const set = new Set([1]);
const values = {
  undefined: undefined, null: null, number: 1, string: 's', symbol: Symbol('s'), bigint: 1n, boolean: true,
  object: {}, array: [], fn: () => {}, classFn: class {}, gen, agen, afn, genObj: gen(), agenObj: agen(),
  date: new Date(0), fakeDate, regexp: /x/g, error: new Error('e'), typeError: new TypeError('t'), fakeError: Object.create(Error.prototype),
  aggregate: new AggregateError([]), domLike: { name: 'Error', message: 'm' },
  promise: Promise.resolve(1), thenable: { then() {} }, asyncResult: afn(),
  map, set, weakMap: new WeakMap(), weakSet: new WeakSet(), weakRef: new WeakRef({}),
  mapIter: map.entries(), mapKeys: map.keys(), setIter: set.values(), arrayIter: [][Symbol.iterator](), tagged,
  arrayBuffer: new ArrayBuffer(2), shared: new SharedArrayBuffer(2), dataView: new DataView(new ArrayBuffer(2)), buffer: Buffer.alloc(2),
  u8: new Uint8Array(1), u8c: new Uint8ClampedArray(1), u16: new Uint16Array(1), u32: new Uint32Array(1), i8: new Int8Array(1),
  i16: new Int16Array(1), i32: new Int32Array(1), f32: new Float32Array(1), f64: new Float64Array(1), bi64: new BigInt64Array(1), bu64: new BigUint64Array(1),
  boxedNumber: new Number(1), boxedString: new String('s'), boxedBoolean: new Boolean(false), boxedBigInt: Object(1n), boxedSymbol: Object(Symbol('b')),
  args: (function () { return arguments; })(1), fakeArgs: { length: 0, callee: () => {} },
  proxyObject: new Proxy({}, {}), proxyDate: new Proxy(new Date(), {}), proxyFn: new Proxy(() => {}, {}), proxyMap: new Proxy(map, {}), revoked: revocable.proxy,
  trappy: new Proxy({}, { getPrototypeOf() { throw new Error('trap ran'); }, get() { throw new Error('trap ran'); }, has() { throw new Error('trap ran'); } }),
  namespace: selfNamespace, nsLike: Object.create(null),
  reparented: Object.setPrototypeOf(new Map(), Object.prototype),
};
const names = Object.keys(types);
console.log(names.length, names.join(','));
console.log(types === util.types, isProxy === types.isProxy, isDate === util.types.isDate);
for (const [label, value] of Object.entries(values)) {
  const yes = names.map((n) => { try { return types[n](value) ? n : ''; } catch (e) { return `${n} threw ${e.message}`; } }).filter(Boolean);
  console.log(label.padEnd(13), yes.join(',') || '-');
}
console.log(types.isDate(), types.isProxy(), types.isUint8Array(), types.isKeyObject(undefined), types.isCryptoKey({}));
console.log(types.isDate(new Date(), 'extra args ignored'), types.isBoxedPrimitive(Object('x')));

// What v8.serialize refuses, with Node's DataCloneError messages: functions (their source, cut
// past 128 characters), symbols, symbol wrappers, promises, weak collections, WeakRef, generators,
// iterators, arguments objects, SharedArrayBuffer, detached buffers; a refusal deep inside a value,
// errors thrown by getters, and the module staying usable after each.
const v8 = require('v8');
const attempt = (label, value) => {
  try {
    console.log(label, 'ok', v8.serialize(value).toString('hex'));
  } catch (e) {
    console.log(label, e.name, e.constructor === Error, JSON.stringify(e.message), e.code, Object.keys(e).join(','));
  }
};
attempt('function', function () {});
attempt('named function', function named(a, b) { return a + b; });
attempt('arrow', (x) => x * 2);
attempt('async', async () => {});
attempt('generator function', function* gen() {});
attempt('class', class Foo {});
attempt('method', { m() {} }.m);
attempt('bound', function f() {}.bind(null));
attempt('native', Math.max);
attempt('long function', function aVeryLongFunctionNameThatKeepsGoingAndGoing(parameterOne, parameterTwo) { return parameterOne + parameterTwo + 'a string literal to pass 128'; });
attempt('symbol', Symbol('desc'));
attempt('symbol no description', Symbol());
attempt('well-known symbol', Symbol.iterator);
attempt('symbol wrapper', Object(Symbol('w')));
attempt('promise', Promise.resolve(1));
attempt('promise subclass', new (class MyPromise extends Promise {})(() => {}));
attempt('WeakMap', new WeakMap());
attempt('WeakSet', new WeakSet());
attempt('WeakRef', new WeakRef({}));
attempt('FinalizationRegistry', new FinalizationRegistry(() => {}));
attempt('WeakMap subclass', new (class Cache extends WeakMap {})());
attempt('generator', (function* () {})());
attempt('map iterator', new Map().keys());
attempt('set iterator', new Set().values());
attempt('array iterator', [1][Symbol.iterator]());
attempt('string iterator', 'ab'[Symbol.iterator]());
attempt('regexp iterator', 'ab'.matchAll(/./g));
attempt('async generator', (async function* () {})());
for (const name of ['Collator', 'DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames']) {
  attempt(`Intl.${name}`, name === 'DisplayNames' ? new Intl.DisplayNames('en', { type: 'region' }) : new Intl[name]('en'));
}
attempt('Intl.Locale', new Intl.Locale('en-US'));
attempt('inherits from Intl.Collator', Object.create(Intl.Collator.prototype));
attempt('arguments', (function () { return arguments; })(1, 2));
attempt('SharedArrayBuffer', new SharedArrayBuffer(4));
attempt('view of SharedArrayBuffer', { v: new Uint8Array(new SharedArrayBuffer(4)) });
const detached = new ArrayBuffer(8);
structuredClone(detached, { transfer: [detached] });
attempt('detached ArrayBuffer', detached);
attempt('function in object', { a: 1, f() {} });
attempt('function in array', [1, 2, () => 3]);
attempt('symbol in map', new Map([[1, Symbol('in map')]]));
attempt('symbol in set', new Set([Symbol('in set')]));
attempt('function as cause', Object.assign(new Error('x'), { cause: () => 1 }));
attempt('symbol key value', { [Symbol('k')]: () => 1, ok: 1 });
attempt('toStringTag object', { [Symbol.toStringTag]: 'Custom', fn() {} });
attempt('getter throws', { get bad() { throw new RangeError('from getter'); } });
attempt('getter returns function', { get g() { return function inner() {}; } });
attempt('nested deep function', { a: { b: { c: [{ d: new Map([['e', function deep() {}]]) }] } } });
attempt('global object', globalThis);
attempt('object holding the global', { g: globalThis });
attempt('namespaces', [Math, JSON, Reflect, Atomics, Intl]);
attempt('still works', { fine: [1, 'two', 3n] });
try {
  let deep = [];
  for (let i = 0; i < 1e6; i++) deep = [deep];
  v8.serialize(deep);
} catch (e) {
  console.log('deep nesting', e.name, e.message);
}
attempt('after deep', [1]);

// assert/strict and strict mode from an ES module: the default and named exports of `assert`,
// `assert/strict` and `node:assert/strict`, strict's equal being strictEqual (and so on), the
// legacy forms staying loose on `assert`, and ok's message read from this file (a file: URL).
import assert, { strictEqual, AssertionError, ok } from 'node:assert';
import strictDefault, * as strictNs from 'assert/strict';
import strictNode from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const show = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, JSON.stringify(e.message), e.operator, e.generatedMessage, e.code);
  }
};
console.log(strictDefault === assert.strict, strictNode === assert.strict, strictDefault.strict === strictDefault, require('assert/strict') === assert.strict);
console.log(strictEqual === assert.strictEqual, AssertionError === assert.AssertionError, ok === assert.ok, strictNs.default === strictDefault);
console.log(Object.keys(strictNs).sort().join(','));
console.log(strictDefault.equal === assert.strictEqual, strictDefault.deepEqual === assert.deepStrictEqual, strictDefault.notEqual === assert.notStrictEqual, strictDefault.notDeepEqual === assert.notDeepStrictEqual);
console.log(strictDefault.name, strictDefault.length, assert.name, assert.length, Object.keys(assert).join(','));
console.log(Object.keys(strictDefault).join(','));
show('legacy equal', () => assert.equal(1, '1'));
show('strict equal', () => strictDefault.equal(1, '1'));
show('legacy deepEqual', () => assert.deepEqual({ a: 1 }, { a: '1' }));
show('strict deepEqual', () => strictDefault.deepEqual({ a: 1 }, { a: '1' }));
show('strict notEqual', () => strictDefault.notEqual(1, 1));
show('strict notDeepEqual', () => strictDefault.notDeepEqual([1], [1]));
show('strict()', () => strictDefault(0));
show('strict.ok', () => strictDefault.ok(false));
show('ok', () => ok(''));
show('assert()', () => assert(null));
show('multi-line', () => assert.ok(
  false,
));

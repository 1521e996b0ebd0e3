// assert's diff messages (strictEqual, deepStrictEqual): short values (`a !== b`), the `^`
// indicator, trailing-comma equivalence, collapsed runs of identical lines, the ~50-line cut,
// identical structures, nested objects, arrays of different lengths, Maps, Sets, errors, strings
// with newlines, and the custom message in place of the header.
const assert = require('assert');
const t = (label, f) => {
  try {
    f();
    console.log(`${label}: passed`);
  } catch (e) {
    console.log(`${label}: ${e.generatedMessage} ${e.operator}\n${e.message}\n----`);
  }
};
const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));
t('short numbers', () => assert.strictEqual(1, 2));
t('zeros', () => assert.strictEqual(0, -0));
t('short strings', () => assert.strictEqual('ab', 'ac'));
t('undefined null', () => assert.strictEqual(undefined, null));
t('indicator', () => assert.strictEqual('the quick brown fox', 'the quick brown cat'));
t('no indicator early', () => assert.strictEqual('xy quick brown fox', 'ab quick brown fox'));
t('long strings no indicator', () => assert.strictEqual('a'.repeat(50), `${'a'.repeat(49)}b`));
t('multiline strings', () => assert.strictEqual('line1\nline2\nline3', 'line1\nlineX\nline3'));
t('numbers vs strings', () => assert.strictEqual(12345678, '12345678'));
t('objects one key', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
t('objects reference', () => assert.strictEqual({ a: 1 }, { a: 1 }));
t('objects reference different', () => assert.strictEqual({ a: 1 }, { b: 1 }));
t('arrays longer actual', () => assert.deepStrictEqual([1, 2, 3, 4], [1, 2]));
t('arrays longer expected', () => assert.deepStrictEqual([1, 2], [1, 2, 3, 4]));
t('trailing comma', () => assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4]));
t('nested', () => assert.deepStrictEqual({ a: { b: { c: [1, 2, { d: 'x' }] } }, e: 1 }, { a: { b: { c: [1, 2, { d: 'y' }] } }, e: 1 }));
t('many identical then diff', () => assert.deepStrictEqual(range(30), range(30, (i) => (i === 20 ? -1 : i))));
t('diff at both ends', () => assert.deepStrictEqual(range(30), range(30, (i) => (i === 0 || i === 29 ? -1 : i))));
t('five identical', () => assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6], [9, 1, 2, 3, 4, 5, 9]));
t('six identical', () => assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6, 7], [9, 1, 2, 3, 4, 5, 6, 9]));
t('many diffs', () => assert.deepStrictEqual(range(80), range(80, (i) => i + 1)));
t('many diffs near end', () => assert.deepStrictEqual(range(80, (i) => `x${i}`), range(80, (i) => (i > 70 ? `y${i}` : `x${i}`))));
t('identical structure', () => assert.deepStrictEqual([{ a: Symbol.for('x') }], [{ a: Symbol.for('x') }].map((o) => ({ a: Symbol('x') }))));
t('identical big', () => assert.strictEqual(range(60), range(60)));
t('maps', () => assert.deepStrictEqual(new Map([['a', 1], ['b', 2]]), new Map([['a', 1], ['b', 3]])));
t('sets', () => assert.deepStrictEqual(new Set([1, 2, 3]), new Set([1, 2, 4])));
t('errors', () => assert.deepStrictEqual(new Error('one'), new Error('two')));
t('error with props', () => assert.deepStrictEqual(Object.assign(new Error('x'), { code: 'A' }), Object.assign(new Error('x'), { code: 'B' })));
t('class instances', () => { class P { constructor(x) { this.x = x; } } assert.deepStrictEqual(new P(1), new P(2)); });
t('prototype differs', () => assert.deepStrictEqual(Object.create(null), {}));
t('typed arrays', () => assert.deepStrictEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])));
t('buffers', () => assert.deepStrictEqual(Buffer.from('hello'), Buffer.from('hellp')));
t('dates', () => assert.deepStrictEqual(new Date(0), new Date(1000)));
t('regexps', () => assert.deepStrictEqual(/a/g, /a/i));
t('functions', () => assert.strictEqual(function a() {}, function b() {}));
t('symbols', () => assert.strictEqual(Symbol('a'), Symbol('a')));
t('sorted keys', () => assert.deepStrictEqual({ b: 1, a: 2, c: 3 }, { c: 3, a: 2, b: 2 }));
t('deep depth', () => { const deep = (n) => (n === 0 ? 'leaf' : { n: deep(n - 1) }); assert.deepStrictEqual(deep(8), deep(7)); });
t('long array', () => assert.deepStrictEqual(range(200), range(201)));
t('custom message', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
t('custom message short', () => assert.strictEqual(1, 2, 'custom'));
t('custom message identical', () => assert.strictEqual([1], [1], 'custom'));
t('custom message indicator', () => assert.strictEqual('the quick brown fox', 'the quick brown cat', 'custom'));
t('custom falsy message', () => assert.strictEqual(1, 2, 0));
t('null prototype values', () => assert.deepStrictEqual({ a: Object.create(null) }, { a: {} }));
t('strings vs numbers in arrays', () => assert.deepStrictEqual([1, '2', 3], [1, 2, 3]));
t('multiline string in object', () => assert.deepStrictEqual({ s: 'a\nb' }, { s: 'a\nc' }));

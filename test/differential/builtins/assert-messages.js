// assert: every assertion failing (and passing), printing the AssertionError's message, code,
// operator, generatedMessage, actual, expected, own keys, name, toString and its inspection
// (stack frames left out: they are the runtime's); custom messages, Error messages, missing
// arguments, the legacy forms of assert.fail (and its deprecation warning), and the 512-character cuts.
const assert = require('assert');
const util = require('util');
const realWrite = process.stderr.write;
const captured = [];
process.stderr.write = (chunk) => { captured.push(String(chunk).replace(/\(node:\d+\)/g, '(node:<pid>)')); return true; };
const noFrames = (text) => text.split('\n').filter((l) => !l.startsWith('    at ')).join('\n');
const t = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    if (!(e instanceof assert.AssertionError)) {
      console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.constructor.name);
      return;
    }
    console.log(label, JSON.stringify(e.message));
    console.log('  ', e.code, e.name, e.operator, e.generatedMessage, util.inspect(e.actual), util.inspect(e.expected), Object.keys(e).join(','));
    console.log('  ', JSON.stringify(String(e)), JSON.stringify(e.stack.split('\n')[0]));
    console.log(noFrames(util.inspect(e)));
  }
};
t('equal', () => assert.equal(1, 2));
t('equal loose passes', () => assert.equal(1, '1'));
t('equal NaN passes', () => assert.equal(NaN, NaN));
t('equal objects', () => assert.equal({ a: 1 }, { a: 1 }));
t('notEqual', () => assert.notEqual(1, '1'));
t('notEqual NaN', () => assert.notEqual(NaN, NaN));
t('strictEqual', () => assert.strictEqual(1, 2));
t('strictEqual types', () => assert.strictEqual(1, '1'));
t('strictEqual -0', () => assert.strictEqual(0, -0));
t('strictEqual NaN passes', () => assert.strictEqual(NaN, NaN));
t('strictEqual objects', () => assert.strictEqual({ a: 1 }, { a: 1 }));
t('strictEqual functions', () => assert.strictEqual(() => {}, function f() {}));
t('strictEqual long strings', () => assert.strictEqual('hello world, this is long', 'hello world, this is lung'));
t('notStrictEqual', () => assert.notStrictEqual(1, 1));
t('notStrictEqual long', () => assert.notStrictEqual('abcdef', 'abcdef'));
t('notStrictEqual object', () => { const o = { a: 1 }; assert.notStrictEqual(o, o); });
t('notStrictEqual multiline', () => { const o = { a: 1, b: [1, 2, 3], c: 'x'.repeat(70) }; assert.notStrictEqual(o, o); });
t('deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }));
t('deepEqual long', () => assert.deepEqual({ a: 'x'.repeat(600) }, { a: 'y'.repeat(600) }));
t('notDeepEqual same text', () => assert.notDeepEqual({ a: 1 }, { a: 1 }));
t('notDeepEqual different text', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
t('notDeepEqual long', () => assert.notDeepEqual({ a: 'x'.repeat(1100) }, { a: 'x'.repeat(1100) }));
t('deepStrictEqual', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
t('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
t('notDeepStrictEqual big', () => assert.notDeepStrictEqual(Array.from({ length: 60 }, (_, i) => i), Array.from({ length: 60 }, (_, i) => i)));
t('custom message', () => assert.strictEqual(1, 2, 'my message'));
t('custom message number', () => assert.strictEqual(1, 2, 42));
t('custom empty message', () => assert.strictEqual(1, 2, ''));
t('custom Error message', () => assert.strictEqual(1, 2, new RangeError('thrown as is')));
t('deepEqual custom message', () => assert.deepEqual(1, 2, 'loose custom'));
t('missing args', () => assert.strictEqual(1));
t('missing args deep', () => assert.deepStrictEqual());
t('explicit undefined is an argument', () => assert.strictEqual(undefined, undefined));
t('fail()', () => assert.fail());
t('fail(msg)', () => assert.fail('boom'));
t('fail(error)', () => assert.fail(new TypeError('own error')));
t('fail(undefined)', () => assert.fail(undefined));
t('fail(a, b)', () => assert.fail(1, 2));
t('fail(a, b, msg)', () => assert.fail(1, 2, 'three'));
t('fail(a, b, undefined, op)', () => assert.fail(1, 2, undefined, '>'));
t('ok', () => assert.ok(0, 'ok message'));
t('ok no args', () => assert.ok());
t('ok Error message', () => assert.ok(false, new SyntaxError('own')));
t('errors compared', () => assert.deepStrictEqual(new Error('a'), new Error('b')));
t('errors equal-looking', () => assert.deepStrictEqual(new Error('a'), new TypeError('a')));
t('AssertionError ctor', () => { throw new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }); });
t('AssertionError ctor message', () => { throw new assert.AssertionError({ message: 'given', actual: 1, operator: 'x' }); });
t('AssertionError ctor odd operator', () => { throw new assert.AssertionError({ actual: 1, expected: 2, operator: '>=' }); });
t('AssertionError ctor bad', () => new assert.AssertionError(5));
t('AssertionError ctor null', () => new assert.AssertionError(null));
const e = new assert.AssertionError({ actual: 'a\n'.repeat(20), expected: 'b'.repeat(600), operator: 'strictEqual', message: 'm' });
console.log(noFrames(util.inspect(e)));
console.log(e instanceof Error, Object.getPrototypeOf(assert.AssertionError) === Error, assert.AssertionError.name, assert.AssertionError.length);
setTimeout(() => {
  process.stderr.write = realWrite;
  console.log(JSON.stringify(captured));
});

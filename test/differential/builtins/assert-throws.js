// assert.throws / doesNotThrow / rejects / doesNotReject / match / doesNotMatch / ifError: every
// kind of expectation (RegExp, Error class, validation function, validation object with RegExps and
// nested values, an Error instance), the message-only forms, their failure messages, and the
// argument errors (ambiguous message, wrong types, a promiseFn that returns no promise).
const assert = require('assert');
const util = require('util');
// Stack frames are the runtime's own: errors are shown without them.
const shown = (v) => util.inspect(v).split('\n').filter((l) => !l.startsWith('    at ')).join('\n');
const line = (label, e) => {
  if (e === undefined) return `${label}: passed`;
  if (!(e instanceof Error)) return `${label}: threw ${shown(e)}`;
  return `${label}: ${e.name} ${e.code} ${e.operator} ${e.generatedMessage}\n${e.message}\nactual=${shown(e.actual)} expected=${shown(e.expected)}\n----`;
};
const t = (label, f) => {
  try {
    f();
    console.log(line(label));
  } catch (e) {
    console.log(line(label, e));
  }
};
const boom = () => { throw new TypeError('boom happened'); };
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; this.code = 'E_MINE'; this.info = { n: 1 }; } }
const mine = () => { throw new MyError('mine'); };
t('throws', () => assert.throws(boom));
t('no exception', () => assert.throws(() => {}));
t('no exception message', () => assert.throws(() => {}, 'needed'));
t('no exception with class', () => assert.throws(() => {}, TypeError));
t('no exception with class and message', () => assert.throws(() => {}, TypeError, 'needed'));
t('no exception with object', () => assert.throws(() => {}, { message: 'x' }));
t('regexp match', () => assert.throws(boom, /boom/));
t('regexp mismatch', () => assert.throws(boom, /nope/));
t('regexp mismatch message', () => assert.throws(boom, /nope/, 'custom'));
t('regexp non-error', () => assert.throws(() => { throw 'a string'; }, /str/));
t('class match', () => assert.throws(boom, TypeError));
t('class parent', () => assert.throws(boom, Error));
t('class mismatch', () => assert.throws(boom, RangeError));
t('class same name', () => assert.throws(mine, class MyError extends Error {}));
t('class non-error thrown', () => assert.throws(() => { throw 5; }, TypeError));
t('class no message', () => assert.throws(() => { throw new Error(''); }, RangeError));
t('validator true', () => assert.throws(boom, (e) => e instanceof TypeError));
t('validator false', () => assert.throws(boom, (e) => false));
t('validator named', () => assert.throws(boom, function check() { return 'yes'; }));
t('validator non-error', () => assert.throws(() => { throw 'x'; }, () => 0));
t('validator throws', () => assert.throws(boom, () => { throw new Error('from validator'); }));
t('arrow class-like', () => assert.throws(boom, () => true));
t('object match', () => assert.throws(mine, { name: 'MyError', message: 'mine', code: 'E_MINE', info: { n: 1 } }));
t('object regexp', () => assert.throws(mine, { message: /mi/, name: /Err/ }));
t('object mismatch', () => assert.throws(mine, { message: 'other', code: 'E_MINE' }));
t('object regexp mismatch', () => assert.throws(mine, { message: /zzz/, code: 'E_MINE' }));
t('object nested mismatch', () => assert.throws(mine, { info: { n: 2 } }));
t('object missing key', () => assert.throws(mine, { missing: undefined }));
t('object with message', () => assert.throws(mine, { code: 'X' }, 'custom text'));
t('object empty', () => assert.throws(mine, {}));
t('object primitive thrown', () => assert.throws(() => { throw 'str'; }, { a: 1 }));
t('error instance', () => assert.throws(mine, new MyError('mine')));
t('error instance mismatch', () => assert.throws(mine, new Error('mine')));
t('ambiguous', () => assert.throws(boom, 'boom happened'));
t('ambiguous primitive', () => assert.throws(() => { throw 'same'; }, 'same'));
t('string then message', () => assert.throws(boom, 'a', 'b'));
t('error not object', () => assert.throws(boom, 5));
t('fn not function', () => assert.throws('nope'));
t('message as Error', () => assert.throws(() => {}, /x/, new RangeError('own')));
t('doesNotThrow', () => assert.doesNotThrow(() => 1));
t('doesNotThrow fails', () => assert.doesNotThrow(boom));
t('doesNotThrow message', () => assert.doesNotThrow(boom, 'custom'));
t('doesNotThrow class match', () => assert.doesNotThrow(boom, TypeError, 'custom'));
t('doesNotThrow class mismatch rethrows', () => assert.doesNotThrow(boom, RangeError));
t('doesNotThrow regexp', () => assert.doesNotThrow(boom, /boom/));
t('doesNotThrow validator', () => assert.doesNotThrow(boom, () => true));
t('doesNotThrow bad expected', () => assert.doesNotThrow(boom, 5));
t('doesNotThrow non-error', () => assert.doesNotThrow(() => { throw undefined; }));
t('match', () => assert.match('abc', /b/));
t('match fails', () => assert.match('abc', /x/));
t('match not string', () => assert.match(123, /1/));
t('match custom', () => assert.match('abc', /x/, 'custom'));
t('match Error', () => assert.match('abc', /x/, new TypeError('own')));
t('match bad regexp', () => assert.match('abc', 'b'));
t('doesNotMatch fails', () => assert.doesNotMatch('abc', /b/));
t('doesNotMatch not string', () => assert.doesNotMatch({}, /b/));
t('ifError null', () => assert.ifError(null));
t('ifError undefined', () => assert.ifError(undefined));
t('ifError error', () => assert.ifError(new TypeError('bad thing')));
t('ifError empty message', () => assert.ifError(new RangeError('')));
t('ifError string', () => assert.ifError('oops'));
t('ifError zero', () => assert.ifError(0));
t('ifError false', () => assert.ifError(false));
t('ifError object', () => assert.ifError({ message: 5 }));
const original = new Error('original');
try { assert.ifError(original); } catch (e) { console.log('ifError keeps frames', e.stack.includes('original') || e.stack.split('\n').length > 1); }

const run = async () => {
  const results = [];
  const r = async (label, p) => {
    try {
      const value = await p;
      results.push(line(label) + ` (${shown(value)})`);
    } catch (e) {
      results.push(line(label, e));
    }
  };
  await r('rejects', assert.rejects(Promise.reject(new TypeError('rej'))));
  await r('rejects fn', assert.rejects(async () => { throw new TypeError('rej'); }, TypeError));
  await r('rejects missing', assert.rejects(Promise.resolve(1)));
  await r('rejects missing message', assert.rejects(Promise.resolve(1), 'needed'));
  await r('rejects missing class', assert.rejects(Promise.resolve(1), RangeError));
  await r('rejects mismatch', assert.rejects(Promise.reject(new TypeError('rej')), /zzz/));
  await r('rejects object', assert.rejects(Promise.reject(new TypeError('rej')), { message: 'other' }));
  await r('rejects non-promise', assert.rejects(5));
  await r('rejects fn returns value', assert.rejects(() => 5));
  await r('rejects fn returns null', assert.rejects(() => null));
  await r('rejects fn throws sync', assert.rejects(() => { throw new Error('sync'); }));
  await r('rejects thenable', assert.rejects({ then(ok, fail) { fail(new Error('thenable')); }, catch() {} }));
  await r('rejects thenable no catch', assert.rejects({ then() {} }));
  await r('doesNotReject', assert.doesNotReject(Promise.resolve(1)));
  await r('doesNotReject fails', assert.doesNotReject(Promise.reject(new Error('nope'))));
  await r('doesNotReject class mismatch', assert.doesNotReject(Promise.reject(new Error('nope')), RangeError));
  await r('doesNotReject message', assert.doesNotReject(async () => { throw new Error('nope'); }, 'custom'));
  await r('doesNotReject bad', assert.doesNotReject('x'));
  const p = assert.rejects(Promise.reject(new Error('x')));
  results.push(`returns a promise: ${p instanceof Promise} ${util.inspect(await p)}`);
  console.log(results.join('\n'));
};
run();

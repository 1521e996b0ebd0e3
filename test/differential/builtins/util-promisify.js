// util.promisify and util.callbackify: results, rejections, `this`, copied properties and
// prototypes, util.promisify.custom (and a built-in's own custom form: fs.exists), and every error.
const util = require('util');
const fs = require('fs');
const { promisify, callbackify } = util;
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const steps = [];
const log = (...args) => steps.push(args.map((a) => (typeof a === 'string' ? a : util.inspect(a))).join(' '));

show('promisify(1)', () => promisify(1));
show('promisify()', () => promisify());
show('callbackify("x")', () => callbackify('x'));
console.log(Object.getOwnPropertyDescriptor(promisify, 'custom'), promisify.custom === Symbol.for('nodejs.util.promisify.custom'));

function add(a, b, cb) { cb(null, a + b, 'ignored'); }
add.extra = 'copied';
const pAdd = promisify(add);
console.log(pAdd.name, pAdd.length, pAdd.extra, Object.getPrototypeOf(pAdd) === Function.prototype, pAdd[promisify.custom] === pAdd, promisify(pAdd) === pAdd);
console.log(Object.getOwnPropertyNames(pAdd).join(','), Object.getOwnPropertyDescriptor(pAdd, promisify.custom));
async function asyncFn(cb) { cb(null, 1); }
console.log(Object.getPrototypeOf(promisify(asyncFn)) === Object.getPrototypeOf(asyncFn));

const own = () => 'own';
function withCustom() {}
withCustom[promisify.custom] = own;
console.log(promisify(withCustom) === own, own[promisify.custom] === own);
function badCustom() {}
badCustom[promisify.custom] = 'nope';
show('bad custom', () => promisify(badCustom));
function falsyCustom(cb) { cb(null, 'plain'); }
falsyCustom[promisify.custom] = 0;
console.log(promisify(falsyCustom) !== falsyCustom);

const run = async () => {
  log('resolved', await pAdd(1, 2));
  log('falsy error resolves', await promisify((cb) => cb(0, 'v'))());
  log('no values', await promisify((cb) => cb())());
  await promisify((cb) => cb(new RangeError('boom')))().catch((e) => log('rejected', e.name, e.message));
  await promisify((cb) => cb('string reason'))().catch((e) => log('rejected with', e));
  await promisify(() => { throw new TypeError('sync throw'); })().catch((e) => log('sync throw rejects', e.name, e.message));
  log('this', await promisify(function (cb) { cb(null, this); }).call({ self: 1 }));
  log('late callback', await promisify((cb) => setTimeout(() => cb(null, 'later'), 1))());
  log('twice', await promisify((cb) => { cb(null, 'first'); cb(null, 'second'); })());
  log('fs.exists custom', await promisify(fs.exists)(__filename), await promisify(fs.exists)('/nope/x'));
  log('fs.readFile', (await promisify(fs.readFile)(__filename, 'utf8')).split('\n')[0]);

  const double = callbackify(async (x) => x * 2);
  console.log(double.name, double.length, Object.getOwnPropertyNames(double).join(','));
  async function named(a, b) { return a + b; }
  named.prop = 1;
  const cbNamed = callbackify(named);
  console.log(cbNamed.name, cbNamed.length, cbNamed.prop, Object.getPrototypeOf(cbNamed) === Object.getPrototypeOf(named));
  const weird = async () => {};
  Object.defineProperty(weird, 'length', { value: -1 });
  Object.defineProperty(weird, 'name', { value: 42 });
  console.log(callbackify(weird).length, callbackify(weird).name);
  show('no callback', () => double(1));
  show('callback not a function', () => double(1, 'x'));
  await new Promise((resolve) => double(21, (err, v) => { log('callbackified', err, v); resolve(); }));
  let order = [];
  await new Promise((resolve) => { callbackify(async () => 'x')(() => { order.push('callback'); resolve(); }); order.push('sync'); });
  log('callback after the call returns', order.join(','));
  for (const reason of [null, undefined, 0, '', false, NaN]) {
    await new Promise((resolve) => callbackify(() => Promise.reject(reason))((err) => {
      log('falsy', util.inspect(reason), err instanceof Error, err.name, err.code, err.message, util.inspect(err.reason), Object.keys(err).join(','), 'reason' in err);
      resolve();
    }));
  }
  await new Promise((resolve) => callbackify(() => Promise.reject(new Error('truthy')))((err) => { log('truthy', err.message, err.code); resolve(); }));
  await new Promise((resolve) => callbackify(function () { return Promise.resolve(this); }).call('ctx', (err, v) => { log('this kept', typeof v, String(v)); resolve(); }));
  await new Promise((resolve) => callbackify(async function (x) { return [this.tag, x]; }).call({ tag: 't' }, 5, function (err, v) { log('cb this', this.tag, v); resolve(); }));
  show('callbackify non-promise', () => callbackify(() => 5)(() => {}));
  const err = await new Promise((resolve) => callbackify(() => Promise.reject(null))(resolve));
  console.log(util.inspect(err).split('\n')[0], util.inspect(err).includes("code: 'ERR_FALSY_VALUE_REJECTION'"), err.stack.split('\n')[0]);
};
run().then(() => console.log(steps.join('\n')));

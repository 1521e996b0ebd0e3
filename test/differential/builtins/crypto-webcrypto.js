// Web Crypto: globalThis.crypto is require('crypto').webcrypto; subtle.digest for every name
// spelling, algorithm objects and BufferSource kinds (a Promise of an ArrayBuffer), its rejections
// (unknown name, missing name, wrong data, missing arguments, wrong this), getRandomValues and
// randomUUID through the Crypto object, the Crypto/SubtleCrypto/CryptoKey classes.
const nodeCrypto = require('crypto');
const { subtle } = globalThis.crypto;
const hex = (ab) => Buffer.from(ab).toString('hex');
const report = (label, p) =>
  p.then(
    (r) => console.log(label, 'ok', Object.prototype.toString.call(r), r.byteLength, hex(r)),
    (e) => console.log(label, e.name, e.code, JSON.stringify(e.message), e.constructor.name, Object.keys(e).join(',')),
  );

console.log(globalThis.crypto === nodeCrypto.webcrypto, nodeCrypto.subtle === subtle, typeof globalThis.crypto);
console.log(Object.prototype.toString.call(globalThis.crypto), Object.prototype.toString.call(subtle));
console.log(Object.keys(Object.getPrototypeOf(globalThis.crypto)), Object.keys(Object.getPrototypeOf(subtle)));
console.log(Object.keys(Object.getPrototypeOf(subtle)).map((k) => `${k}:${subtle[k].length}`).join(' '));
console.log(typeof Crypto, typeof SubtleCrypto, typeof CryptoKey, globalThis.crypto instanceof Crypto, subtle instanceof SubtleCrypto);
for (const C of [Crypto, SubtleCrypto, CryptoKey]) {
  try {
    new C();
  } catch (e) {
    console.log(C.name, e.name, e.code, e.message);
  }
}
console.log(globalThis.crypto.randomUUID().length, globalThis.crypto.getRandomValues(new Uint8Array(4)).length);
try {
  globalThis.crypto.randomUUID.call({});
} catch (e) {
  console.log('randomUUID this', e.code, e.message);
}
try {
  Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle').get.call({});
} catch (e) {
  console.log('subtle this', e.code, e.message);
}

const data = Buffer.from('abc');
const cases = [
  ['SHA-256', data],
  ['sha-256', new Uint8Array(data)],
  ['Sha-1', data],
  ['SHA-384', new DataView(new Uint8Array(data).buffer)],
  ['SHA-512', new Uint16Array([1, 2, 3])],
  [{ name: 'SHA-1' }, new ArrayBuffer(3)],
  [{ name: 'sha-512', length: 5 }, new Float64Array(1)],
  [{ name: { toString: () => 'SHA-256' } }, data],
  ['SHA-256', new Uint8Array(0)],
  ['SHA-256', data.subarray(1)],
  ['MD5', data],
  ['SHA3-256', data],
  ['sha256', data],
  [5, data],
  [null, data],
  [undefined, data],
  [{}, data],
  [{ name: undefined }, data],
  [[], data],
  ['SHA-256', 'abc'],
  ['SHA-256', [1, 2]],
  ['SHA-256', null],
  ['SHA-256', {}],
  [{}, 'abc'],
  ['MD5', 'abc'],
];
(async () => {
  for (const [alg, input] of cases) await report(`digest ${JSON.stringify(alg)} ${input === null ? 'null' : input.constructor.name}`, subtle.digest(alg, input));
  await report('one argument', subtle.digest('SHA-256'));
  await report('no arguments', subtle.digest());
  await report('unbound', subtle.digest.call(undefined, 'SHA-1', data));
  await report('other this', subtle.digest.call({}, 'SHA-1', data));
  const mutable = Buffer.from('before');
  const pending = subtle.digest('SHA-1', mutable);
  mutable.write('after!');
  await report('data copied at call', pending);
  const result = await subtle.digest('SHA-256', data);
  console.log('result', result instanceof ArrayBuffer, result.byteLength, hex(result) === nodeCrypto.createHash('sha256').update(data).digest('hex'));
  const p = subtle.digest('SHA-1', data);
  console.log('promise', p instanceof Promise, typeof p.then);
  let settled = false;
  p.then(() => (settled = true));
  await null;
  console.log('settles later', settled);
  await p;
  for (const [name, args] of [['encrypt', [{ name: 'AES-GCM' }, null, data]], ['importKey', ['raw', data, 'AES-GCM', false, ['encrypt']]]]) {
    try {
      await subtle[name].call({}, ...args);
    } catch (e) {
      console.log(name, 'other this', e.code, e.message);
    }
  }
})();

import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * The crypto module beyond what the differential suite can compare with node: the features the
 * sandbox does not offer (present, throwing a stable error), hostile arguments (getters, Proxies,
 * fake views, tampered intrinsics), the release of abandoned Hash objects, and the laziness of the
 * stream side.
 */
async function run(source: string): Promise<string> {
  const r = await runGuest(source);
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('crypto: what the sandbox does not offer', () => {
  it('require works and every unsupported function and class throws ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', async () => {
    const out = await run(`
const crypto = require('crypto');
const names = ['checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv', 'createDiffieHellman', 'createDiffieHellmanGroup', 'createECDH', 'createPrivateKey', 'createPublicKey', 'createSecretKey', 'createSign', 'createVerify', 'diffieHellman', 'generatePrime', 'generatePrimeSync', 'getCipherInfo', 'getDiffieHellman', 'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'publicEncrypt', 'sign', 'setEngine', 'setFips', 'verify', 'createCipher', 'createDecipher'];
const classes = ['Certificate', 'Cipher', 'Cipheriv', 'Decipher', 'Decipheriv', 'DiffieHellman', 'DiffieHellmanGroup', 'ECDH', 'KeyObject', 'Sign', 'Verify', 'X509Certificate'];
const codes = new Set();
for (const n of names) { try { crypto[n]('x'); codes.add('no throw ' + n); } catch (e) { codes.add(e.name + ' ' + e.code); if (!e.message.startsWith('The feature crypto.' + n + ' is unavailable')) codes.add('message ' + n); } }
for (const n of classes) { try { new crypto[n](); codes.add('no throw ' + n); } catch (e) { codes.add(e.name + ' ' + e.code); } }
try { crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12)); } catch (e) { console.log(e.message); }
console.log([...codes].join('|'), JSON.stringify(crypto.getCiphers()), JSON.stringify(crypto.getCurves()));
console.log(({}) instanceof crypto.KeyObject, crypto.createHash('md5').digest('hex'));
crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']).catch((e) => console.log('subtle', e.code, e.message));`);
    expect(out.split('\n')).toEqual([
      "The feature crypto.createCipheriv is unavailable on the current platform (the sandbox's crypto offers hashes, HMAC, random values, pbkdf2, scrypt, hkdf and subtle.digest)",
      'TypeError ERR_FEATURE_UNAVAILABLE_ON_PLATFORM [] []',
      'false d41d8cd98f00b204e9800998ecf8427e',
      "subtle ERR_FEATURE_UNAVAILABLE_ON_PLATFORM The feature SubtleCrypto.importKey is unavailable on the current platform (the sandbox's crypto offers hashes, HMAC, random values, pbkdf2, scrypt, hkdf and subtle.digest)",
    ]);
  });
});

describe('crypto: hostile arguments', () => {
  it('getters, Proxies and fake views are read in the guest, never by the Worker, and errors stay Node-shaped', async () => {
    const out = await run(`
const crypto = require('crypto');
const lines = [];
const t = (label, f) => { try { const r = f(); lines.push(label + ' ok ' + (Buffer.isBuffer(r) ? r.toString('hex') : r)); } catch (e) { lines.push(label + ' ' + e.name + ' ' + e.code + ' ' + e.message); } };
let reads = 0;
const counting = { get outputLength() { reads++; return 4; } };
t('getter option', () => crypto.createHash('shake128', counting).digest('hex') + ' reads=' + reads);
t('throwing getter', () => crypto.createHash('shake128', { get outputLength() { throw new TypeError('from a getter'); } }));
const trap = new Proxy({}, { get(_t, k) { return k === 'N' ? 16 : undefined; } });
t('proxy scrypt options', () => crypto.scryptSync('p', 's', 8, trap));
t('proxy as data', () => crypto.createHash('md5').update(new Proxy(Buffer.from('x'), {})));
t('fake view', () => crypto.createHash('md5').update(Object.create(Uint8Array.prototype)));
t('fake ArrayBuffer', () => crypto.randomFillSync(Object.create(ArrayBuffer.prototype)));
t('proxy key', () => crypto.createHmac('md5', new Proxy({}, { get() { throw new Error('read'); } })));
t('toString algorithm', () => crypto.createHash({ toString() { return 'md5'; } }));
t('Symbol.toPrimitive size', () => crypto.randomBytes({ [Symbol.toPrimitive]() { return 4; } }));
t('buffer subclass', () => { class B extends Buffer {} return crypto.createHash('md5').update(Object.setPrototypeOf(Buffer.from('x'), B.prototype)).digest('hex'); });
const saved = [ArrayBuffer.isView, Uint8Array.prototype.slice];
ArrayBuffer.isView = () => true;
Uint8Array.prototype.slice = () => { throw new Error('tampered'); };
let tampered;
try { tampered = crypto.createHmac('md5', new Uint8Array([1])).update('x').digest('hex') + ' ' + crypto.createHash('md5').update(Buffer.from('x')).digest('hex'); } catch (e) { tampered = e.message; }
[ArrayBuffer.isView, Uint8Array.prototype.slice] = saved;
t('tampered intrinsics', () => tampered);
t('odd encodings', () => crypto.createHash('md5').update('x', { toString() { return 'hex'; } }).digest({ toString() { return 'base64'; } }));
console.log(lines.join('\\n'));`);
    expect(out.split('\n')).toEqual([
      'getter option ok 7f9c2ba4 reads=1',
      'throwing getter TypeError undefined from a getter',
      'proxy scrypt options ok 4efe92b5bba5ee18',
      'proxy as data TypeError ERR_INVALID_ARG_TYPE The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Buffer',
      'fake view TypeError ERR_INVALID_ARG_TYPE The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Uint8Array',
      'fake ArrayBuffer TypeError ERR_INVALID_ARG_TYPE The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView. Received an instance of ArrayBuffer',
      // Node reads properties of a Proxy key (and meets the trap's error); the sandbox never reads a key it cannot take.
      'proxy key TypeError ERR_INVALID_ARG_TYPE The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received {}',
      'toString algorithm TypeError ERR_INVALID_ARG_TYPE The "algorithm" argument must be of type string. Received an instance of Object',
      'Symbol.toPrimitive size TypeError ERR_INVALID_ARG_TYPE The "size" argument must be of type number. Received an instance of Object',
      'buffer subclass ok 9dd4e461268c8034f5c8564e155c67a6',
      'tampered intrinsics ok 659df7bc3aa422240b9d57b98eda2bd6 9dd4e461268c8034f5c8564e155c67a6',
      'odd encodings ok ndTkYSaMgDT1yFZOFVxnpg==',
    ]);
  });
});

describe('crypto: lifetime and laziness', () => {
  it('Hash objects dropped before their digest release their Worker side when collected', async () => {
    const out = await run(`
const crypto = require('crypto');
let made = 0;
let failed = 0;
function round(n) {
  for (let i = 0; i < 5000; i++) {
    try { crypto.createHash('md5').update(Buffer.from('x')); made++; } catch { failed++; }
  }
  let junk = [];
  for (let i = 0; i < 100; i++) junk.push(new Array(10000).fill(i));
  junk = null;
  if (n > 0 && made < 60000) setTimeout(() => round(n - 1), 5);
  else console.log(made >= 60000 ? 'released' : 'made ' + made + ' failed ' + failed);
}
round(60);`);
    expect(out).toBe('released');
  });

  it('createHash().update().digest() leaves the stream side unbuilt; using it builds it once for every Hash', async () => {
    const out = await run(`
const crypto = require('crypto');
const h = crypto.createHash('md5');
h.update('x');
const before = Object.getPrototypeOf(Object.getPrototypeOf(crypto.Hash.prototype));
const proxied = before !== require('stream').Transform.prototype;
console.log(proxied, Object.keys(h).join(), h.digest('hex'));
const s = crypto.createHash('md5');
s.end('x');
console.log(s.read().toString('hex'), Object.getPrototypeOf(Object.getPrototypeOf(crypto.Hash.prototype)) === require('stream').Transform.prototype, Object.keys(s).includes('_readableState'));`);
    expect(out.split('\n')).toEqual(['true _options 9dd4e461268c8034f5c8564e155c67a6', '9dd4e461268c8034f5c8564e155c67a6 true true']);
  });
});

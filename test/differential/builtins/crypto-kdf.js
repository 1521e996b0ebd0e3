// crypto key derivation: pbkdf2/pbkdf2Sync, scrypt/scryptSync and hkdf/hkdfSync with published
// test vectors, every key and salt type, options (N/cost, r/blockSize, p/parallelization, maxmem),
// Node's validation errors and their precedence, and the callback forms (their argument checks
// throw at once; derivation failures arrive through the callback).
const crypto = require('crypto');
const hex = (r) => (r instanceof ArrayBuffer ? `AB:${Buffer.from(r).toString('hex')}` : Buffer.isBuffer(r) ? r.toString('hex') : String(r));
const show = (label, f) => {
  try {
    console.log(label, 'ok', hex(f()));
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), Object.keys(e).join(','));
  }
};

// RFC 6070 (PBKDF2-HMAC-SHA1) and common SHA-256/512 vectors.
show('rfc6070 1', () => crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1'));
show('rfc6070 2', () => crypto.pbkdf2Sync('password', 'salt', 2, 20, 'sha1'));
show('rfc6070 4096', () => crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1'));
show('rfc6070 long', () => crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'));
show('rfc6070 nul', () => crypto.pbkdf2Sync('pass\0word', 'sa\0lt', 4096, 16, 'sha1'));
show('sha256', () => crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256'));
show('sha512 multi-block', () => crypto.pbkdf2Sync('password', 'salt', 10, 150, 'sha512'));
show('SHA256 upper', () => crypto.pbkdf2Sync('p', 's', 1, 8, 'SHA256'));
show('keylen 0', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1'));
for (const [label, pw, salt] of [
  ['buffers', Buffer.from('pw'), Buffer.from('salt')],
  ['typed', new Uint16Array([1, 2]), new Float32Array([1])],
  ['DataView', new DataView(new ArrayBuffer(3)), new ArrayBuffer(2)],
  ['empty', '', Buffer.alloc(0)],
  ['unicode', 'pässwörd ✓', 'sält'],
]) show(`pbkdf2 ${label}`, () => crypto.pbkdf2Sync(pw, salt, 3, 16, 'sha256'));

for (const [label, args] of Object.entries({
  'no digest': ['pw', 'salt', 1, 20],
  'iterations 0': ['pw', 'salt', 0, 20, 'sha1'],
  'iterations float': ['pw', 'salt', 1.5, 20, 'sha1'],
  'iterations string': ['pw', 'salt', '1', 20, 'sha1'],
  'iterations huge': ['pw', 'salt', 2 ** 31, 20, 'sha1'],
  'keylen -1': ['pw', 'salt', 1, -1, 'sha1'],
  'keylen 2^31': ['pw', 'salt', 1, 2 ** 31, 'sha1'],
  'keylen NaN': ['pw', 'salt', 1, NaN, 'sha1'],
  'keylen object': ['pw', 'salt', 1, {}, 'sha1'],
  'digest nope': ['pw', 'salt', 1, 20, 'nope'],
  'digest number': ['pw', 'salt', 1, 20, 5],
  'digest object': ['pw', 'salt', 1, 20, {}],
  'password number': [5, 'salt', 1, 20, 'sha1'],
  'password object': [{}, 'salt', 1, 20, 'sha1'],
  'password array': [[1], 'salt', 1, 20, 'sha1'],
  'salt null': ['pw', null, 1, 20, 'sha1'],
  'salt function': ['pw', function salt() {}, 1, 20, 'sha1'],
  'password before salt': [5, 5, 0, -1, 5],
  'shake128': ['pw', 'salt', 1, 20, 'shake128'],
})) show(`pbkdf2Sync ${label}`, () => crypto.pbkdf2Sync(...args));
show('pbkdf2 no callback', () => crypto.pbkdf2('pw', 'salt', 1, 20, 'sha1'));
show('pbkdf2 bad callback', () => crypto.pbkdf2('pw', 'salt', 1, 20, 'sha1', 5));
show('pbkdf2 args before callback', () => crypto.pbkdf2('pw', 'salt', 0, 20, 'sha1', 5));
show('pbkdf2 digest as callback', () => crypto.pbkdf2('pw', 'salt', 1, 20, () => {}));
show('pbkdf2 bad digest with callback', () => crypto.pbkdf2('pw', 'salt', 1, 20, 'nope', () => {}));

// scrypt: RFC 7914 vectors and options.
show('rfc7914 1', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }));
show('rfc7914 2', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
show('defaults', () => crypto.scryptSync('pw', 'salt', 16));
show('aliases', () => crypto.scryptSync('pw', 'salt', 16, { cost: 1024, blockSize: 8, parallelization: 1 }));
show('zeros are defaults', () => crypto.scryptSync('pw', 'salt', 16, { N: 0, r: 0, p: 0, maxmem: 0 }));
show('maxmem raised', () => crypto.scryptSync('pw', 'salt', 16, { N: 2 ** 16, maxmem: 2 ** 27 }));
show('buffers', () => crypto.scryptSync(Buffer.from('pw'), new Uint8Array([1, 2, 3]), 8, { N: 16 }));
show('keylen 0', () => crypto.scryptSync('pw', 'salt', 0));
for (const [label, args] of Object.entries({
  'N not power of 2': [{ N: 1023 }],
  'N and cost': [{ N: 1024, cost: 1024 }],
  'r and blockSize': [{ r: 8, blockSize: 8 }],
  'p and parallelization': [{ p: 1, parallelization: 1 }],
  'memory': [{ N: 2 ** 20 }],
  'N huge': [{ N: 2 ** 40, maxmem: 2 ** 53 - 1 }],
  'p huge': [{ N: 16, r: 1, p: 2 ** 30 }],
  'N string': [{ N: 'x' }],
  'N object': [{ N: {} }],
  'cost string': [{ cost: 'x' }],
  'r negative': [{ r: -1 }],
  'maxmem -1': [{ maxmem: -1 }],
  'maxmem string': [{ maxmem: 'x' }],
  'maxmem unsafe': [{ maxmem: 2 ** 60 }],
  'options number': [5],
  'options null': [null],
  'options string': ['x'],
  'options array': [[]],
})) show(`scryptSync ${label}`, () => crypto.scryptSync('pw', 'salt', 16, ...args));
show('scryptSync keylen -1', () => crypto.scryptSync('pw', 'salt', -1));
show('scryptSync keylen string', () => crypto.scryptSync('pw', 'salt', 'x'));
show('scryptSync salt number', () => crypto.scryptSync('pw', 5, 16));
show('scryptSync password object', () => crypto.scryptSync({}, 'salt', 16));
show('scrypt no callback', () => crypto.scrypt('pw', 'salt', 16));
show('scrypt bad callback', () => crypto.scrypt('pw', 'salt', 16, {}, 5));
show('scrypt params before callback', () => crypto.scrypt('pw', 'salt', 16, { N: 3 }, 5));

// hkdf: RFC 5869 test case 1, and errors.
const ikm = Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex');
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
show('rfc5869 1', () => crypto.hkdfSync('sha256', ikm, salt, info, 42));
show('hkdf strings', () => crypto.hkdfSync('sha512', 'key', 'salt', 'info', 64));
show('hkdf empty', () => crypto.hkdfSync('sha1', '', '', '', 0));
show('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
show('hkdf bad digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
show('hkdf info > 1024', () => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 10));
show('hkdf ikm object', () => crypto.hkdfSync('sha256', {}, 's', 'i', 10));
show('hkdf salt number', () => crypto.hkdfSync('sha256', 'k', 5, 'i', 10));
show('hkdf keylen string', () => crypto.hkdfSync('sha256', 'k', 's', 'i', '10'));
show('hkdf shake', () => crypto.hkdfSync('shake128', 'k', 's', 'i', 10));
show('hkdf no callback', () => crypto.hkdf('sha256', 'k', 's', 'i', 10));
show('hkdf too long async', () => crypto.hkdf('sha256', 'k', 's', 'i', 255 * 32 + 1, () => {}));

// Callback forms: results arrive later; a derivation failure comes through the callback. Each
// starts in the previous one's callback (Node's threadpool finishes concurrent jobs in any order).
const jobs = [
  (next) => crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', (err, key) => next('pbkdf2 cb', err, hex(key))),
  (next) => crypto.pbkdf2('pw', 'salt', 1, 20, 'shake128', (err, key) => next('pbkdf2 cb failure', err && err.name, err && err.code, err && err.message, key)),
  (next) => crypto.scrypt('pw', 'salt', 16, (err, key) => next('scrypt cb', err, hex(key))),
  (next) => crypto.scrypt('pw', 'salt', 16, { N: 16 }, (err, key) => next('scrypt cb options', err, hex(key))),
  (next) => crypto.hkdf('sha256', ikm, salt, info, 42, (err, key) => next('hkdf cb', err, hex(key))),
  (next) => crypto.hkdf('shake128', 'k', 's', 'i', 10, (err, key) => next('hkdf cb failure', err && err.message, key)),
];
const run = (...printed) => {
  if (printed.length > 0) console.log(...printed);
  const job = jobs.shift();
  if (job) job(run);
};
run();
console.log('sync code first');

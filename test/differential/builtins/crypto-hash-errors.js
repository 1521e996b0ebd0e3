// crypto hash errors: bad algorithms ("Digest method not supported"), wrong argument types,
// outputLength validation and XOF errors, update/digest/copy after digest (ERR_CRYPTO_HASH_FINALIZED),
// hex input of odd length, hash() errors; after each error the module keeps working.
const crypto = require('crypto');
const show = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString('hex') : r);
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), Object.keys(e).join(','), e instanceof Error, e.constructor.name);
  }
};

show('nope', () => crypto.createHash('nope'));
show('empty name', () => crypto.createHash(''));
show('md4', () => crypto.createHash('md4'));
show('sha512/256', () => crypto.createHash('sha512/256'));
show('number', () => crypto.createHash(5));
show('undefined', () => crypto.createHash());
show('null', () => crypto.createHash(null));
show('object', () => crypto.createHash({}));
show('array', () => crypto.createHash(['md5']));
show('function', () => crypto.createHash(function md5() {}));
show('symbol', () => crypto.createHash(Symbol('x')));
show('String object', () => crypto.createHash(new String('md5')));
show('long string', () => crypto.createHash('x'.repeat(100)));
show('recovered', () => crypto.createHash('md5').update('a').digest('hex'));

show('outputLength string', () => crypto.createHash('shake128', { outputLength: 'x' }));
show('outputLength negative', () => crypto.createHash('shake128', { outputLength: -1 }));
show('outputLength float', () => crypto.createHash('shake128', { outputLength: 1.5 }));
show('outputLength huge', () => crypto.createHash('shake128', { outputLength: 2 ** 32 }));
show('outputLength NaN', () => crypto.createHash('shake128', { outputLength: NaN }));
show('outputLength object', () => crypto.createHash('shake128', { outputLength: {} }));
show('outputLength null', () => crypto.createHash('shake128', { outputLength: null }));
show('not XOF', () => crypto.createHash('sha256', { outputLength: 10 }));
show('not XOF 0', () => crypto.createHash('md5', { outputLength: 0 }));
show('name checked before length', () => crypto.createHash(5, { outputLength: 'x' }));

for (const data of [5, undefined, null, {}, [1, 2], true, 10n, () => 1, new ArrayBuffer(4), new Map()]) {
  show(`update ${typeof data}`, () => crypto.createHash('md5').update(data));
}
show('hex odd', () => crypto.createHash('md5').update('abc', 'hex'));
show('HEX odd', () => crypto.createHash('md5').update('abc', 'HEX'));
show('hex odd after first', () => crypto.createHash('md5').update('ab').update('abc', 'hex'));
show('hex odd then ok', () => {
  const h = crypto.createHash('md5');
  try { h.update('a', 'hex'); } catch (e) { console.log('  caught', e.code); }
  return h.update('61', 'hex').digest('hex');
});

const finals = {
  'digest twice': (h) => { h.digest(); return h.digest(); },
  'digest twice hex': (h) => { h.digest('hex'); return h.digest('hex'); },
  'update after digest': (h) => { h.digest(); return h.update('x'); },
  'copy after digest': (h) => { h.digest(); return h.copy(); },
  'update view after digest': (h) => { h.update(Buffer.from('x')).digest(); return h.update(Buffer.from('y')); },
};
for (const [label, f] of Object.entries(finals)) show(label, () => f(crypto.createHash('sha1')));
show('copy outputLength bad', () => crypto.createHash('shake128').copy({ outputLength: 'x' }));
show('copy not XOF', () => crypto.createHash('sha1').update('a').copy({ outputLength: 3 }));
show('copy view then bad', () => crypto.createHash('sha1').update(Buffer.from('a')).copy({ outputLength: -1 }));

show('hash nope', () => crypto.hash('nope', 'a'));
show('hash number alg', () => crypto.hash(5, 'a'));
show('hash number input', () => crypto.hash('sha1', 5));
show('hash object input', () => crypto.hash('sha1', {}));
show('hash ArrayBuffer', () => crypto.hash('sha1', new ArrayBuffer(2)));
show('hash bad encoding', () => crypto.hash('sha1', 'a', 'nope'));
show('hash number encoding', () => crypto.hash('sha1', 'a', 5));
show('hash object encoding', () => crypto.hash('sha1', 'a', {}));
show('hash null encoding', () => crypto.hash('sha1', 'a', null));
show('hash no args', () => crypto.hash());
show('recovered again', () => crypto.hash('sha256', 'fine'));

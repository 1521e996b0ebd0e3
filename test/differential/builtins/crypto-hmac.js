// crypto Hmac: every hash with string and binary keys, each key type (string with and without
// options.encoding, Buffer, typed arrays, DataView, ArrayBuffer, empty and long keys), update
// chains, digest encodings, digest after digest (an empty result, as Node), and errors.
const crypto = require('crypto');
const { createHmac } = crypto;
const show = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', Buffer.isBuffer(r) ? `buf:${r.toString('hex')}` : JSON.stringify(r));
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), Object.keys(e).join(','));
  }
};

for (const name of crypto.getHashes()) {
  show(name, () => createHmac(name, 'key').update('message').digest('hex'));
  show(`${name} buffer key`, () => createHmac(name, Buffer.from('key')).update(Buffer.from('message')).digest('base64'));
}

const keyBytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const keys = {
  string: 'secret',
  'string hex': ['00ff', { encoding: 'hex' }],
  'string base64': ['c2VjcmV0', { encoding: 'base64' }],
  'string latin1': ['sécret', { encoding: 'latin1' }],
  'string utf8 default': ['sécret'],
  'encoding null': ['secret', { encoding: null }],
  'encoding unknown': ['secret', { encoding: 'nope' }],
  'encoding number': ['secret', { encoding: 5 }],
  'encoding object': ['secret', { encoding: {} }],
  'options null': ['secret', null],
  'options number': ['secret', 5],
  Buffer: keyBytes,
  Uint8Array: new Uint8Array(keyBytes),
  Uint16Array: new Uint16Array(new Uint8Array(keyBytes).buffer),
  Int32Array: new Int32Array(new Uint8Array(keyBytes).buffer),
  Float32Array: new Float32Array(new Uint8Array(keyBytes).buffer),
  DataView: new DataView(new Uint8Array(keyBytes).buffer, 4, 8),
  ArrayBuffer: new Uint8Array(keyBytes).buffer,
  subarray: keyBytes.subarray(2, 6),
  empty: '',
  'empty buffer': Buffer.alloc(0),
  'long (over block size)': 'k'.repeat(300),
  'long buffer': Buffer.alloc(5000, 7),
  number: 5,
  undefined: undefined,
  null: null,
  object: {},
  array: [1, 2],
  function: () => {},
  symbol: Symbol('k'),
  bigint: 5n,
};
for (const [label, key] of Object.entries(keys)) {
  const [k, options] = Array.isArray(key) && typeof key[0] === 'string' ? key : [key];
  show(`key ${label}`, () => createHmac('sha256', k, options).update('data').digest('hex'));
}

// The key is copied at creation: changing it afterwards changes nothing.
const mutable = Buffer.from('first');
const early = createHmac('sha1', mutable);
mutable.write('other');
show('key mutated after create', () => early.update('x').digest('hex'));
const mutable2 = new Uint8Array([1, 2, 3]);
const early2 = createHmac('md5', mutable2).update('y');
mutable2[0] = 9;
show('typed key mutated after update', () => early2.digest('hex'));

const chain = createHmac('sha512', 'k');
chain.update('a').update(Buffer.from('b')).update('6364', 'hex').update(new DataView(new ArrayBuffer(2)));
show('chain', () => chain.digest('base64url'));
show('update returns this', () => { const h = createHmac('md5', 'k'); return h.update('x') === h; });
for (const enc of [undefined, 'buffer', 'hex', 'base64', 'latin1', 'ucs2', 'nope', '']) show(`digest ${enc}`, () => createHmac('sha1', 'k').update('m').digest(enc));

// After digest: update throws, digest gives an empty result (Node keeps that behaviour).
const done = createHmac('sha256', 'k');
done.digest('hex');
show('digest again', () => done.digest());
show('digest again hex', () => done.digest('hex'));
show('digest again buffer', () => done.digest('buffer'));
show('digest again unknown', () => done.digest('nope'));
show('update after digest', () => done.update('x'));
show('copy', () => typeof done.copy);

show('bad hmac', () => createHmac('nope', 'k'));
show('hmac number', () => createHmac(5, 'k'));
show('hmac object', () => createHmac({}, 'k'));
show('hmac undefined', () => createHmac());
show('type before key', () => createHmac(5, {}));
show('key before digest name', () => createHmac('nope', {}));
show('shake128 digest', () => createHmac('shake128', 'k').digest('hex'));
show('update number', () => createHmac('md5', 'k').update(5));
show('update odd hex', () => createHmac('md5', 'k').update('a', 'hex'));
show('recovered', () => createHmac('md5', 'k').update('a').digest('hex'));
show('Hmac call', () => crypto.Hmac('md5', 'k').digest('hex'));
show('new Hmac', () => new crypto.Hmac('md5', 'k').digest('hex'));
show('shape', () => [crypto.Hmac.name, crypto.Hmac.length, crypto.createHmac.length, Object.keys(createHmac('md5', 'k'))]);

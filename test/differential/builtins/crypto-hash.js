// crypto hashes: every algorithm of getHashes() (and aliases) with every output encoding, one-shot
// and chained updates of strings in every input encoding and of every kind of view, copy(), XOF
// output lengths, crypto.hash(), and the shape of Hash objects.
const crypto = require('crypto');
const { createHash } = crypto;

const names = crypto.getHashes();
console.log(names.length, names.join(','));
console.log(crypto.getHashes() !== crypto.getHashes(), Array.isArray(names));

const encodings = [undefined, 'buffer', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf8', 'utf-8', 'ucs2', 'utf16le', 'HEX', 'Base64', 'nope', '', 0, null];
for (const name of names) {
  const line = [];
  for (const enc of encodings) {
    let out;
    try {
      out = createHash(name).update('The quick brown fox').digest(enc);
    } catch (e) {
      out = `${e.name}:${e.code}:${e.message}`;
    }
    line.push(Buffer.isBuffer(out) ? `buf:${out.toString('hex')}` : JSON.stringify(out));
  }
  console.log(name, line.join(' '));
}

for (const alias of ['SHA256', 'Sha-256', 'sha-256', 'SHA2-256', 'SHA3-256', 'RSA-SHA256', 'sha512-256', 'SHA512-224', 'MD5', 'sha-1']) {
  try {
    console.log(alias, createHash(alias).update('x').digest('hex'));
  } catch (e) {
    console.log(alias, e.name, e.code, e.message);
  }
}

// Updates: every string encoding, chains mixing strings and views, empty input.
const inputs = [
  ['plain', ['hello']],
  ['utf8', ['héllo ✓ 😀', 'utf8']],
  ['latin1', ['héllo', 'latin1']],
  ['binary', ['héllo', 'binary']],
  ['ascii', ['héllo', 'ascii']],
  ['ucs2', ['héllo', 'ucs2']],
  ['utf16le', ['héllo', 'utf16le']],
  ['hex', ['deadBEEF', 'hex']],
  ['HEX', ['00ff', 'HEX']],
  ['hex-bad', ['zz11', 'hex']],
  ['base64', ['aGVsbG8=', 'base64']],
  ['base64url', ['aGVsbG8', 'base64url']],
  ['unknown', ['abc', 'nope']],
  ['number-enc', ['abc', 5]],
  ['object-enc', ['abc', {}]],
  ['empty', ['']],
];
for (const [label, args] of inputs) {
  console.log('update', label, createHash('sha1').update(...args).digest('hex'));
}
const bytes = Buffer.from('0123456789abcdef');
const views = {
  Buffer: bytes,
  Uint8Array: new Uint8Array(bytes),
  Uint16Array: new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16)),
  Float64Array: new Float64Array(new Uint8Array(bytes).buffer),
  DataView: new DataView(new Uint8Array(bytes).buffer, 2, 10),
  subarray: bytes.subarray(3, 9),
  Uint8Clamped: new Uint8ClampedArray(bytes),
  BigInt64Array: new BigInt64Array(new Uint8Array(bytes).buffer),
  empty: new Uint8Array(0),
};
for (const [label, view] of Object.entries(views)) console.log('view', label, createHash('md5').update(view).digest('hex'));

const chain = createHash('sha256');
chain.update('a').update(Buffer.from('b')).update('63', 'hex').update(new Uint16Array([0x6564])).update('');
console.log('chain', chain.digest('hex'));
const chained = createHash('sha512').update('one').update('two').update('three');
console.log('three strings', chained.digest('base64'));
const returned = createHash('md5');
console.log('update returns this', returned.update('x') === returned);
const big = 'x'.repeat(1 << 20);
console.log('1 MiB string', createHash('sha256').update(big).digest('hex'));
console.log('1 MiB buffer', createHash('sha256').update(Buffer.alloc(1 << 20, 120)).digest('hex'));

// Updates split at every kind of seam: a surrogate pair split across two utf8 updates, base64 and
// hex chunks decoded apart, per-character encodings, strings and views mixed, many small views
// (past 16 KB in all), views changed after update(), copies taken between updates.
const splits = {
  'pair split utf8': [['\ud83d'], ['\ude00']],
  'pair split utf8 explicit': [['a\ud83d', 'utf8'], ['\ude00b', 'utf8']],
  'pair split utf16le': [['\ud83d', 'utf16le'], ['\ude00', 'utf16le']],
  'lone high then text': [['x\ud800'], ['y']],
  'text then lone low': [['x'], ['\udc00y']],
  'base64 chunks': [['YQ==', 'base64'], ['Yg==', 'base64']],
  'hex bad then good': [['zz', 'hex'], ['11', 'hex']],
  'latin1 chunks': [['é', 'latin1'], ['è', 'latin1'], ['', 'latin1']],
  'encodings differ': [['é', 'latin1'], ['é']],
  'utf8 vs utf-8': [['é', 'utf8'], ['é', 'utf-8']],
  'unknown encodings': [['ab', 'nope'], ['cd', 'nope']],
  'string then view': [['a'], [Buffer.from('b')]],
  'view then string': [[Buffer.from('a')], ['b']],
  'views': [[new Uint8Array([1, 2])], [new DataView(new ArrayBuffer(3))], [new Uint16Array([258])]],
  'empty pieces': [[''], [''], [Buffer.alloc(0)]],
};
for (const [label, parts] of Object.entries(splits)) {
  const h = createHash('sha256');
  for (const args of parts) h.update(...args);
  console.log('split', label, h.digest('hex'));
}
const many = createHash('sha1');
for (let i = 0; i < 300; i++) many.update(Buffer.alloc(100, i));
console.log('300 small views', many.digest('hex'));
const both = createHash('md5');
for (let i = 0; i < 10; i++) both.update(i % 2 ? `s${i}` : Buffer.from(`b${i}`));
console.log('alternating', both.digest('base64'));
const changing = Buffer.from('aaaa');
const kept = createHash('sha1').update(changing);
changing.fill(98);
kept.update(changing);
changing.fill(99);
console.log('view changed between updates', kept.digest('hex'));
const forked = createHash('sha256').update(Buffer.from('x'));
const fork1 = forked.copy();
forked.update('y');
const fork2 = forked.copy().update(Buffer.from('z'));
console.log('copies between updates', fork1.digest('hex'), fork2.digest('hex'), forked.digest('hex'));
const hmacChunks = crypto.createHmac('sha256', new Uint8Array([9, 9])).update(Buffer.from('a')).update(new Uint8Array(20000)).update('tail');
console.log('hmac chunks past the kept size', hmacChunks.digest('hex'));
const hugeKey = crypto.createHmac('sha1', Buffer.alloc(5000, 3)).update(Buffer.alloc(16 * 1024, 4)).update(Buffer.alloc(1, 5));
console.log('hmac big key and views', hugeKey.digest('hex'));

// A buffer changed after update() does not change the digest (bytes are hashed at update time).
const mutable = Buffer.from('before');
const early = createHash('sha1').update(mutable);
mutable.write('after!');
console.log('mutated after update', early.digest('hex'));

// copy(): of fresh, updated and copied hashes; copies diverge independently.
const base = createHash('sha256').update('prefix-');
const c1 = base.copy();
const c2 = base.copy().update('two');
base.update('base');
console.log('copy', c1.update('one').digest('hex'), c2.digest('hex'), base.digest('hex'));
const viewBase = createHash('sha1').update(Buffer.from('v'));
console.log('copy of view-fed', viewBase.copy().update('w').digest('hex'), viewBase.digest('hex'));
console.log('copy of copy', createHash('md5').update('a').copy().copy().update('b').digest('hex'));
console.log('copy is Hash', base.copy instanceof Function, c1 instanceof crypto.Hash, Object.getPrototypeOf(c1) === crypto.Hash.prototype);

// XOF: shake128/256 with outputLength, on create and on copy.
for (const length of [0, 1, 5, 16, 32, 100]) {
  console.log('shake128', length, createHash('shake128', { outputLength: length }).update('abc').digest('hex'));
  console.log('shake256', length, createHash('shake256', { outputLength: length }).digest('hex'));
}
console.log('shake default', createHash('shake128').digest('hex'), createHash('shake256').digest('hex'));
const xof = createHash('shake256').update('seed');
console.log('xof copy', xof.copy({ outputLength: 8 }).digest('hex'), xof.copy({ outputLength: 0 }).digest('hex'), xof.digest('hex'));
console.log('sha256 own length', createHash('sha256', { outputLength: 32 }).digest('hex'));
console.log('options ignored', createHash('md5', null).digest('hex'), createHash('md5', 5).digest('hex'), createHash('md5', { outputLength: undefined }).digest('hex'));

// crypto.hash() (Node 20.12+)
console.log('hash()', crypto.hash('sha1', 'abc'), crypto.hash('sha1', 'abc', 'base64'), crypto.hash('md5', Buffer.from('abc'), 'buffer'));
console.log('hash() views', crypto.hash('sha256', new Uint16Array([1, 2])), crypto.hash('sha256', new DataView(new ArrayBuffer(3))), crypto.hash('md5', 'é', 'latin1'));
console.log('hash() buffer', Buffer.isBuffer(crypto.hash('sha1', '', 'buffer')), crypto.hash('sha1', '', 'BUFFER').length);

// Shape of Hash objects.
const h = createHash('md5');
console.log(typeof crypto.Hash, crypto.Hash.name, crypto.Hash.length, h.constructor === crypto.Hash, Object.keys(h));
console.log(Object.keys(crypto.Hash.prototype), Object.keys(crypto.Hmac.prototype));
console.log(crypto.Hash('md5') instanceof crypto.Hash, new crypto.Hash('md5').digest('hex'));
console.log(typeof h.write, typeof h.pipe, typeof h.on, typeof h.setEncoding);
console.log(h instanceof require('stream').Transform, h instanceof require('events'));

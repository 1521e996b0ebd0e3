// v8.deserialize of hostile input: every prefix of valid data, every tag byte, lengths far past
// the input (strings, buffers, arrays, BigInts, host objects), bad references, wrong end counts,
// deep nesting, and seeded random mutations. Each ends with a value or Node's error, quickly, and
// never allocates by a declared size.
const v8 = require('v8');
const util = require('util');
const outcome = (bytes) => {
  try {
    return `ok ${util.inspect(v8.deserialize(bytes), { depth: 3, breakLength: Infinity })}`;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};
const hex = (h) => Buffer.from(h.replace(/ /g, ''), 'hex');
const show = (label, h) => console.log(label, outcome(hex(h)));
const started = Date.now();

show('empty', '');
show('version only', 'ff');
show('no version', '5f');
show('version 12', 'ff0c5f');
show('version 16', 'ff105f');
show('version varint truncated', 'ff80');
show('version huge', 'ffffffffff0f5f');
show('header only', 'ff0f');
show('trailing bytes', 'ff0f5f5f5f');
show('padding', 'ff0f0000005f');
show('only padding', 'ff0f000000');
show('count check', 'ff0f3f0549 02');
for (let tag = 0; tag < 256; tag++) {
  const label = `tag ${tag.toString(16).padStart(2, '0')}`;
  console.log(label, outcome(Buffer.from([0xff, 0x0f, tag])), outcome(Buffer.from([0xff, 0x0f, tag, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09])));
}
show('string too long', 'ff0f22ffffffff0f61');
show('two-byte too long', 'ff0f63ffffffff0f6100');
show('two-byte odd length', 'ff0f6303610062');
show('utf8 too long', 'ff0f53ffffffff0f61');
show('utf8 invalid', 'ff0f5303ff80c0');
show('ArrayBuffer too long', 'ff0f42ffffffff0f00');
show('resizable over max', 'ff0f7e0402000000');
show('resizable ok', 'ff0f7e0208abcd');
show('dense array too long', 'ff0f41ffffffff0f');
show('dense array longer than rest', 'ff0f41054902');
show('sparse array huge length', 'ff0f61ffffffff0f40 00 ffffffff0f');
show('sparse array end length differs', 'ff0f61034000 04');
show('sparse array count differs', 'ff0f610349004902 4001 03'.replace('4001', '4002'));
show('dense end count differs', 'ff0f410149024001 01');
show('dense hole', 'ff0f41022d49022400 02');
show('hole outside array', 'ff0f6f2201612d7b01');
show('bigint too long', 'ff0f5affffffff0f01');
show('bigint odd length', 'ff0f5a0601020304');
show('bigint negative zero', 'ff0f5a01');
show('object count differs', 'ff0f6f2201614902 7b05');
show('object unterminated', 'ff0f6f220161');
show('object key object', 'ff0f6f6f7b0049027b01');
show('object key undefined', 'ff0f6f5f49027b01');
show('object number keys', 'ff0f6f49024902 4e000000000000f83f 4904 7b02');
show('object __proto__ key', 'ff0f6f22095f5f70726f746f5f5f6f220170540b017b017b01'.replace('0b01', '7b01'));
show('reference ahead', 'ff0f5e00');
show('reference to self', 'ff0f6f2201615e007b01');
show('reference to error in its cause', 'ff0f72635e002e');
show('map odd', 'ff0f3b49023a01');
show('map length differs', 'ff0f3b490249043a04');
show('set length differs', 'ff0f2749022c05');
show('map unterminated', 'ff0f3b4902');
show('date truncated', 'ff0f440000');
show('regexp bad flags', 'ff0f5222016140');
show('regexp linear flag', 'ff0f5222016140'.replace('40', '4000').slice(0, -2));
show('regexp high flags', 'ff0f522201618004');
show('regexp invalid pattern', 'ff0f5222012800');
show('regexp pattern not a string', 'ff0f52490200');
show('string object not a string', 'ff0f734902');
show('error unknown field', 'ff0f72782e');
show('error unterminated', 'ff0f726d2201');
show('error message not a string', 'ff0f726d49022e');
show('error all fields', 'ff0f72526d22016d63490a732201532e');
show('view without buffer', 'ff0f5642000100');
show('view past buffer', 'ff0f420200005642000300');
show('view offset past buffer', 'ff0f420200005642030000');
show('view misaligned', 'ff0f42040000000056570101 00');
show('view bad subtag', 'ff0f420200005678000100');
show('view tracking on fixed buffer', 'ff0f420200005642000001');
show('view truncated', 'ff0f4202000056');
show('host object truncated', 'ff0f5c0a05616263');
show('host object huge length', 'ff0f5c0affffffff0f');
show('host object bad type', 'ff0f5c630161');
show('host object no type', 'ff0f5c');
show('transfer without map', 'ff0f7400');
show('shared object', 'ff0f7000');
show('wasm module', 'ff0f7700');

const nest = (open, close, n) => Buffer.concat([hex('ff0f'), Buffer.alloc(n * open.length / 2, open, 'hex'), hex('5f'), Buffer.alloc(n * close.length / 2, close, 'hex')]);
for (const n of [100, 1000]) {
  console.log('nested arrays', n, outcome(nest('4101', '240001', n)).slice(0, 60));
  console.log('nested objects', n, outcome(nest('6f220161', '7b01', n)).slice(0, 60));
}
console.log('nested arrays 1e6', outcome(nest('4101', '240001', 1e6)));
console.log('nested maps 1e6', outcome(nest('3b5f', '', 1e6)));
console.log('nested without ends 1e6', outcome(nest('4101', '', 1e6)));

// Nesting that ends the stack both ways: V8's RangeError, and the module still works.
const nested = (n, wrap) => { let v = 0; for (let i = 0; i < n; i++) v = wrap(v); return v; };
for (const [name, wrap] of [['arrays', (v) => [v]], ['objects', (v) => ({ v })], ['maps', (v) => new Map([[1, v]])], ['sets', (v) => new Set([v])], ['causes', (v) => Object.assign(new Error('e', { cause: v }), { stack: 's' })]]) {
  for (const n of [500, 5000]) {
    let r;
    try { r = `ok ${v8.deserialize(v8.serialize(nested(n, wrap))) !== undefined}`; } catch (e) { r = `${e.name}: ${e.message}`; }
    console.log('round trip nested', name, n, r);
  }
}

// Every prefix of a value holding every kind.
const sample = { s: 'str€', n: [1, 2.5, -3], big: 2n ** 70n, d: new Date(5), re: /x/gi, m: new Map([[1, new Set(['a'])]]), b: Buffer.from('bb'), f: new Float64Array([1]), e: Object.assign(new RangeError('r'), { stack: 'S' }), sparse: [, 1], w: [new Number(1), new String('s'), Object(1n), new Boolean(false)] };
sample.self = sample;
const full = v8.serialize(sample);
const prefixes = {};
for (let i = 0; i < full.length; i++) {
  const r = outcome(full.subarray(0, i));
  prefixes[r] = (prefixes[r] || 0) + 1;
}
console.log('prefixes', full.length, JSON.stringify(prefixes));
console.log('full', outcome(full));

// Seeded mutations: flip, replace and insert bytes.
let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const tally = {};
for (let i = 0; i < 3000; i++) {
  const bytes = Buffer.from(full);
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) bytes[2 + Math.floor(random() * (bytes.length - 2))] = Math.floor(random() * 256);
  const r = outcome(bytes);
  const key = r.startsWith('ok') ? 'ok' : r;
  tally[key] = (tally[key] || 0) + 1;
  if (i % 300 === 0) console.log('mutation', i, r.slice(0, 150));
}
console.log('mutations', JSON.stringify(tally));
console.log('after all, still', outcome(v8.serialize({ fine: true })), Date.now() - started < 20000);

// querystring: parse/decode (separators, multi-character sep/eq, maxKeys, custom decodeURIComponent,
// malformed percent sequences, '+', repeated keys, __proto__), stringify/encode (types, arrays, custom
// encoders, sep/eq), escape/unescape/unescapeBuffer, and replacing the module's escape/unescape.
const qs = require('querystring');
const show = (o) => JSON.stringify(o) + (Object.getPrototypeOf(o) === null ? ' (null proto)' : '');
const parses = [
  ['a=1&b=2&a=3'], ['a'], ['a='], ['=a'], ['='], ['&&'], ['a&&b'], ['a=1&'], ['&a=1'], ['a+b=c+d'], ['%20=%20'], ['a=%zz'], ['a=%'], ['a=%4'], ['a%zz=1'],
  ['a=%E2%82%AC'], ['a=%E2%82'], ['a=%C3%A9%zz'], ['é=ü'], ['é%41=1'], ['a%41=é%'], ['a%41%42=é%'], ['%4+1=é%4+1'], ['k=v%2'], ['__proto__=1&constructor=2&hasOwnProperty=3'],
  ['a=b=c'], ['a==b'], ['a:1;b:2', ';', ':'], ['a::1;;b::2', ';;', '::'], ['aXXbYYc', 'YY', 'XX'], ['a=1&&b=2', '&&'], ['a&=1&&&b=2', '&&'], ['a=1&b=2', '&', '=='],
  ['a=1, b=2', ', '], ['a=1ab=2', 'ab'], ['aab=1', 'ab'], ['a=1', ''], ['a=1', null, ''], ['a=1', 0, 0], ['a=1&b=2', 5], ['x5y5z', 5, 'y'],
  [''], [5], [null], [undefined], [{}], ['a=%F0%9F%98%80&b=%F0%9F'], ['a=%ED%A0%80'], ['a=\ud800'], ['+=+&++'], ['a=1&a=2&a=3&a=4'],
];
for (const args of parses) console.log(JSON.stringify(args), show(qs.parse(...args)));
const many = Array.from({ length: 1200 }, (_, i) => `k${i}=${i}`).join('&');
for (const maxKeys of [undefined, 0, -1, 1, 2, 1.5, NaN, '3', 1000, 1100]) console.log('maxKeys', maxKeys, Object.keys(qs.parse(many, null, null, { maxKeys })).length);
console.log(Object.keys(qs.parse('a=1&&&&b=2&c=3', null, null, { maxKeys: 2 })));
const decodes = [];
console.log(show(qs.parse('a=%41+b&c%zz=d', null, null, { decodeURIComponent: (s) => { decodes.push(s); return s.toUpperCase(); } })), JSON.stringify(decodes));
console.log(show(qs.parse('a=%41&b=x', null, null, { decodeURIComponent: () => { throw new Error('no'); } })));
console.log(show(qs.parse('a=1&a=2', null, null, { decodeURIComponent: (s) => s + '!' })));
console.log(show(qs.parse('x=1', null, null, { decodeURIComponent: 'notfn', maxKeys: 'x' })));
const values = [{ a: 1, b: 'x y', c: true, d: false, e: null, f: undefined, g: NaN, h: Infinity, i: 1e21, j: -0, k: 12n, l: {}, m: () => 1, n: Symbol('s') },
  { arr: [1, 'two', null, [3]], empty: [], '': 'blank', 'é': 'ü', 'a&b': 'c=d', '~!*()\'': '~!*()\'' }, { big: 123456789012345678901234567890, small: 1e-7, neg: -5.5 }];
for (const v of values) console.log(qs.stringify(v), '|', qs.stringify(v, ';', ':'), '|', qs.encode(v, null, null));
console.log(qs.stringify({ a: 'b c', d: ['e', 'f'] }, '&&', '=>', { encodeURIComponent: (s) => `<${s}>` }));
console.log(qs.stringify({ n: 5, b: true, x: null }, null, null, { encodeURIComponent: (s) => `[${typeof s}:${s}]` }));
console.log(qs.stringify('str'), qs.stringify(null), qs.stringify(5), qs.stringify([1, 2]), qs.stringify(Object.assign(Object.create({ inh: 1 }), { own: 2 })));
for (const s of ['a b', 'é', '\ud83d\ude00', '\u0000', "!'()*-._~", '/?#[]@$&+,;=', 5, true, null, undefined, { toString: () => 'obj str' }, [1, 2], { valueOf: () => 'vo', toString: () => 'ts' }]) {
  console.log(JSON.stringify(String(s)), qs.escape(s));
}
for (const s of ['\ud800', '\udc00', 'a\ud800']) {
  try { console.log(qs.escape(s)); } catch (e) { console.log(e.name, e.code, e.message, e instanceof URIError); }
}
console.log(qs.escape('\ud800x'), qs.escape('\udc00\ud800'));
for (const s of ['%41', '%zz', 'a+b', '%E2%82%AC', '%E2%82', '%', '%%41', 'é%41%', '%C3%A9%ZZ', '%FF', 'ĀāĂ%41%', '%4']) {
  console.log(JSON.stringify(s), JSON.stringify(qs.unescape(s)), JSON.stringify(qs.unescape(s, true)), qs.unescapeBuffer(s).toString('hex'), qs.unescapeBuffer(s, true).length, Buffer.isBuffer(qs.unescapeBuffer(s)));
}
console.log(qs.decode === qs.parse, qs.encode === qs.stringify, Object.keys(qs).join(), qs.unescape.name, qs.escape.name, require('node:querystring') === qs);
const origEscape = qs.escape;
qs.escape = (s) => `E(${s})`;
console.log(qs.stringify({ a: 'b', n: 1e21 }));
qs.escape = origEscape;
const origUnescape = qs.unescape;
qs.unescape = (s) => `U(${s})`;
console.log(show(qs.parse('a=%41&b=c')), new URLSearchParams('x=%41').get('x'));
qs.unescape = origUnescape;
const origBuf = qs.unescapeBuffer;
qs.unescapeBuffer = () => Buffer.from('patched');
console.log(qs.unescape('%zz'), show(qs.parse('a=%41%zz')));
qs.unescapeBuffer = origBuf;

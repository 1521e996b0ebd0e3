// URLSearchParams: constructor forms (string, record, pairs, iterables, another instance), every
// method with edge values, errors (ERR_MISSING_ARGS, ERR_INVALID_THIS, ERR_INVALID_TUPLE,
// ERR_ARG_NOT_ITERABLE), iteration, sort, size, serialization, and the live link with a URL.
const show = (p) => `${p.size} ${p.toString()} ${JSON.stringify([...p])}`;
const tryIt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
for (const init of ['', '?', '??a=1', 'a=1&b=2&a=3', 'a&b=&=c&&=&', 'a+b=c+d', '%zz=%4', '%41%42=%e2%82%ac', '%e2%82=1', 'é=ü', 'a=%F0%9F%98%80', 'x=%ZZ%41',
  '%4+1=é%4+1', 'a=b=c', '&&&', '=', '%', 'k=\ud800', 'é%41', null, undefined, 12, true]) {
  console.log(JSON.stringify(init), show(new URLSearchParams(init)));
}
console.log(show(new URLSearchParams({ a: 1, b: 'x y', c: undefined, d: null, e: [1, 2] })));
console.log(show(new URLSearchParams([['a', 1], ['b', 'c'], new Set(['s', 't'])])));
console.log(show(new URLSearchParams(new Map([['m', '1'], ['n', '2']]))));
console.log(show(new URLSearchParams(new URLSearchParams('copy=1&copy=2'))));
console.log(show(new URLSearchParams({ '\ud800': 'a', '\udc00': 'b', '\ufffd': 'c' })));
const proto = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } });
console.log(show(new URLSearchParams(proto)));
console.log(show(new URLSearchParams(function f() {})));
tryIt('pair3', () => new URLSearchParams([['a', 'b', 'c']]));
tryIt('pair1', () => new URLSearchParams([['a']]));
tryIt('pairNull', () => new URLSearchParams([null]));
tryIt('pairStr', () => new URLSearchParams([5]));
tryIt('iterNum', () => new URLSearchParams({ [Symbol.iterator]: 5 }));
tryIt('symKey', () => new URLSearchParams({ [Symbol('k')]: 1 }));
tryIt('iterSet3', () => new URLSearchParams([new Set([1, 2, 3])]));
const p = new URLSearchParams('a=1&b=2&a=3&c=4');
console.log(p.get('a'), p.get('z'), p.getAll('a'), p.has('a'), p.has('a', '3'), p.has('a', '9'), p.has('z'));
p.append('d', 'x y'); p.set('a', 'new'); p.delete('b'); p.delete('c', 'nope'); p.delete('d', 'x y');
console.log(show(p));
p.append(1, { toString: () => 'obj' }); p.set('e', undefined); console.log(show(p));
tryIt('append1', () => p.append('a'));
tryIt('set1', () => p.set('a'));
tryIt('get0', () => p.get());
tryIt('getAll0', () => p.getAll());
tryIt('has0', () => p.has());
tryIt('delete0', () => p.delete());
tryIt('forEachNum', () => p.forEach(5));
for (const m of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString']) {
  tryIt(`this:${m}`, () => URLSearchParams.prototype[m].call({}, 'a', 'b'));
}
tryIt('this:size', () => Object.getOwnPropertyDescriptor(URLSearchParams.prototype, 'size').get.call(1));
const s = new URLSearchParams('z=1&b=2&a=3&b=1&é=1&A=1&\ud83d\ude00=1&\uffff=1&a=0');
s.sort(); console.log(show(s));
const big = new URLSearchParams(); for (let i = 0; i < 150; i++) big.append(`k${(i * 37) % 50}`, String(i));
big.sort(); console.log(big.toString().slice(0, 300), big.size);
const it = s.entries(); console.log(it.next(), typeof it[Symbol.iterator], it[Symbol.iterator]() === it, Object.prototype.toString.call(it));
tryIt('itThis', () => it.next.call({}));
console.log([...s.keys()].join(), [...s.values()].join(), s[Symbol.iterator] === s.entries);
const each = []; s.forEach(function (v, k, self) { each.push(`${k}=${v}:${self === s}:${this.t}`); }, { t: 'T' }); console.log(each.join(' '));
console.log(new URLSearchParams({ sp: 'a b+c&d=e/f?g#h~!*()\'' }).toString(), new URLSearchParams('x=%7E%21').toString());
// Live link with a URL
const u = new URL('https://h/p?a=1&b=2#frag');
const sp = u.searchParams;
console.log(sp === u.searchParams, sp.get('a'));
sp.append('c', '3 4'); console.log(u.href, u.search);
sp.delete('a'); sp.delete('b'); sp.delete('c'); console.log(u.href, JSON.stringify(u.search));
sp.set('z', 'é'); console.log(u.toString(), u.pathname, u.hash, JSON.stringify(u));
u.search = '?q=1&q=2'; console.log(sp.getAll('q'), sp.size);
u.href = 'http://other/?r=5'; console.log(sp.get('r'), sp.get('q'));
u.search = ''; console.log(sp.size, u.href);
u.hash = 'x'; sp.append('k', 'v'); console.log(u.href);
const v = new URL('http://h/?a=1'); v.searchParams.sort(); console.log(v.href);
const w = new URL('http://h/?b=2&a=1'); const wsp = w.searchParams; const wit = wsp.keys(); wsp.append('c', '3');
console.log([...wit].join(), w.search, w.searchParams.toString());
const x = new URL('http://h/?x=1'); x.searchParams.forEach((val, key) => { if (key === 'x') x.search = '?y=2&z=3'; }); console.log(x.href, [...x.searchParams].join());
const copy = new URLSearchParams(u.searchParams); copy.append('only', 'copy'); console.log(u.href, copy.toString());
console.log(URLSearchParams.length, URLSearchParams.name, Object.keys(URLSearchParams.prototype).join());

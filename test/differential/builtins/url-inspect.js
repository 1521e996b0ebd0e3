// URL: util.inspect of URL, URLSearchParams and their iterators (depth, showHidden, nesting, long
// lists, subclasses), of the url, querystring and punycode modules, property descriptors of the classes,
// toJSON/JSON.stringify, brand checks.
const util = require('util');
const u = new URL('https://user:pa@example.com:8080/p/a?x=1&y=2#h');
console.log(util.inspect(u));
console.log(util.inspect(u, { showHidden: true }));
for (const s of ['http://a', 'file:///x', 'mailto:a@b', 'web+demo:/.//x/', 'foo://', 'http://[::1]:9/?#', 'blob:https://a/b']) console.log(util.inspect(new URL(s), { showHidden: true }));
console.log(util.inspect({ a: { b: u } }, { depth: 0 }), util.inspect({ a: u }, { depth: 0 }), util.inspect([u], { depth: 1 }).length);
console.log(util.inspect({ nested: { url: new URL('http://n/?q=1') } }));
const sp = new URLSearchParams('a=1&b=two&c=%20');
console.log(util.inspect(sp), util.inspect(new URLSearchParams()), util.inspect(new URLSearchParams('a'.repeat(80) + '=1&b=2')));
console.log(util.inspect({ x: sp }, { depth: 0 }), util.inspect({ x: { y: sp } }, { depth: 0 }));
console.log(util.inspect(sp.entries()), util.inspect(sp.keys()), util.inspect(sp.values()));
const it = sp.entries(); it.next(); console.log(util.inspect(it)); it.next(); it.next(); console.log(util.inspect(it));
console.log(util.inspect(new URLSearchParams('a'.repeat(90) + '=1&b=2').entries()));
console.log(util.inspect({ y: sp.keys() }, { depth: 0 }), util.inspect(sp, { showHidden: true }));
class MyURL extends URL {}
class MyParams extends URLSearchParams {}
console.log(util.inspect(new MyURL('http://sub/')), util.inspect(new MyParams('q=1')), new MyURL('http://s/') instanceof URL);
console.log(`${u}`, u.toJSON(), JSON.stringify({ u }), String(new URLSearchParams('a=b')), Object.prototype.toString.call(u), Object.prototype.toString.call(sp));
console.log(Object.keys(u), Object.getOwnPropertyNames(u), Object.keys(URL.prototype).join(), Object.keys(URL).join());
for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(URL.prototype))) console.log('URL', k, typeof d.get, typeof d.set, typeof d.value, d.enumerable, d.configurable, d.writable);
for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(URL))) console.log('URL static', k, typeof d.value, d.enumerable, d.writable);
for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(URLSearchParams.prototype))) console.log('USP', k, typeof d.get, typeof d.value, d.enumerable, d.writable);
const itProto = Object.getPrototypeOf(sp.keys());
console.log(Object.getOwnPropertyNames(itProto), itProto[Symbol.toStringTag], Object.getPrototypeOf(itProto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
for (const name of ['href', 'origin', 'protocol', 'host', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  try {
    const d = Object.getOwnPropertyDescriptor(URL.prototype, name);
    (d.get ?? d.value).call({});
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
try { URL(); } catch (e) { console.log(e.name, e.message); }
try { URLSearchParams(); } catch (e) { console.log(e.name, e.message); }
console.log(util.inspect(URL.prototype).slice(0, 40), util.inspect(URLSearchParams.prototype).slice(0, 40));
console.log(Object.getOwnPropertyDescriptor(globalThis, 'URL').enumerable, Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams').writable, require('url').URL === globalThis.URL, require('url').URLSearchParams === URLSearchParams, require('node:url') === require('url'));
console.log(require('url'), require('querystring'), require('punycode'));

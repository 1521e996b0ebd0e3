// url (legacy): url.parse of edge inputs with and without parseQueryString / slashesDenoteHost
// (every field, query objects, errors), url.resolve and resolveObject over a cross product of
// bases and references, url.format of hand-made objects, the Url class and its methods.
process.noDeprecation = true; // url.parse's DEP0170 warning names the pid; its presence is tested elsewhere
const url = require('url');
const inputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'HTTP://X.COM/Y', 'http://x.com/a b', 'http://x.com/\\back\\slash?\\q',
  '//host/path', '/just/path?x=1&x=2&y', 'path/only', '?q=only', '#only', '', '   trim  me  ', 'mailto:user@x.com', 'javascript:alert("x y")',
  'file:///etc/passwd', 'file://host/x', 'file:x', 'http://[::1]:80/x', 'http://[fe80::1%25eth0]/', 'http://münchen.de/ü?ü#ü',
  'http://a.com:/x', 'http://a.com:abc/x', 'http://x@y@z/', 'http://%41:%42@h/', 'http://a.com/%zz', 'http://a.com?x', 'http://a.com#x',
  'https://a.com:443', 'foo://bar/baz', 'foo:bar', 'x:/y', 'HtTp://CASE.com', 'http://a.com/"<>`{}|^', "http://a.com/'",
  'http://' + 'a'.repeat(300) + '.com/', 'http://a.com/\ttab\nnl', 'http://a_b.com/', 'http://-a.com/', 'http://a.com./', 'http://a..com/',
  'http:/x/y', 'http:x', 'ws://h', 'gopher://h', 'ftp://h',
];
const fields = (u) => JSON.stringify(u, (k, v) => (v && typeof v === 'object' && Object.getPrototypeOf(v) === null ? { nullProto: { ...v } } : v));
for (const input of inputs) {
  for (const [qs, slashes] of [[false, false], [true, false], [false, true]]) {
    try {
      const u = url.parse(input, qs, slashes);
      console.log(fields(u).slice(0, 500), u instanceof url.Url);
    } catch (e) {
      console.log(JSON.stringify(input), e.name, e.code, e.message, JSON.stringify(e.input));
    }
  }
}
for (const bad of ['http://%zz@a/', 'http://xn--/', 'http://[::1/', 'http://a\u0000b/', 5, undefined, {}]) {
  try {
    console.log(fields(url.parse(bad)));
  } catch (e) {
    console.log(e.name, e.code, e.message, JSON.stringify(e.input), Object.keys(e).join());
  }
}
const bases = ['http://a/b/c/d;p?q', 'http://a.com', 'http://u:p@a.com:81/x/y/', 'https://a/b', 'file:///x/y', 'mailto:a@b.com', 'mailto:local', 'foo:bar/baz', '/rel/base', 'rel/base', '', '//h/p', 'http://a/b/c/'];
const refs = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'http:g', 'https:g', 'mailto:x@y', 'file:z', 'ftp://other/x', 'javascript:void(0)', 'http://other', '//other/x?y', 'foo:/x', 'local2@domain2', '?', '#', 'a/b/../../..'];
for (const b of bases) console.log(b, JSON.stringify(refs.map((r) => url.resolve(b, r))));
console.log(fields(url.resolveObject('http://a/b/c', '../d?e#f')), url.resolveObject('', 'x'), fields(url.resolveObject('mailto:local1@domain1', 'local2@domain2')));
const parsed = url.parse('http://u@h/p?q=1#f');
console.log(fields(parsed.resolveObject('//x/y')), parsed.resolve('../z'), fields(url.resolveObject(parsed, url.parse('/w?v'))));
const objs = [
  { protocol: 'http', host: 'h.com', pathname: '/p', search: '?a=1', hash: 'x' }, { protocol: 'https:', hostname: 'h', port: 8080, pathname: 'noslash' },
  { protocol: 'mailto', pathname: 'a@b' }, { protocol: 'file', pathname: '/x' }, { protocol: 'file:' }, { host: 'h', slashes: true, pathname: 'x' },
  { hostname: '::1', port: 1 }, { hostname: '[::1]' }, { auth: 'u:p@ x', host: 'h' }, { pathname: 'a#b?c', search: 'x#y', hash: '#z' },
  { query: { a: [1, 2], b: 'c d' }, pathname: '/q' }, { query: 'string-ignored', pathname: '/q' }, { search: '', query: { x: 1 } }, {},
  { protocol: 'foo', slashes: true, host: 'h' }, { protocol: 'foo', host: 'h' }, { href: 'ignored' }, { protocol: 'http:', hostname: 'a', host: '' },
];
for (const o of objs) console.log(url.format(o));
console.log(url.format('http://a.com/x y?z#w'), url.format(parsed));
for (const bad of [5, null, undefined, true]) {
  try { url.format(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const fresh = new url.Url();
console.log(fields(fresh), Object.keys(url.Url.prototype).join(), typeof url.Url.prototype.parseHost);
fresh.host = 'h.com:99'; fresh.parseHost(); console.log(fresh.hostname, fresh.port);
console.log(fields(new url.Url().parse('http://re/parse?x=1', true)), url.parse(parsed) === parsed);

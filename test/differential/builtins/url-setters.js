// URL: every setter with edge values on special, non-special, file, opaque and credentialed URLs
// (the href after each), setters that must be ignored, the href setter's ERR_INVALID_URL, coercion.
const bases = ['https://u:p@example.com:8443/a/b?q=1#h', 'http://a/', 'file:///x/y', 'mailto:a@b', 'foo://h/p?q#f', 'foo:/p', 'data:text/plain,x', 'ws://x/'];
const values = {
  protocol: ['http', 'https:', 'FTP', 'file', 'foo', 'mailto:', 'a b', '', 'ws:extra', 'h\nttp'],
  username: ['', 'me', 'a b', 'a:b@c', 'é', '%41'],
  password: ['', 'pw', 'p@ss:w/d', 'é '],
  host: ['', 'other.com', 'other.com:99', 'h:0', 'h:65536', '[::1]:1', 'a b', 'ex%41mple', 'münchen.de', 'x/y', 'x?y', 'x#y', 'x:', ':9'],
  hostname: ['', 'n.com', 'n.com:77', '[::2]', '0x7f.1', 'a b', 'a%2fb'],
  port: ['', '0', '80', '443', '8080', '65535', '65536', '12ab', 'ab', '-1', ' 1', '1.5', 99],
  pathname: ['', '/', 'x', '/a b/c', '/../..', '\\x\\y', '/?#', '/é', '%2e%2E'],
  search: ['', '?', 'q', '??x', '?a=b c&d', '#x', '?é', '?\ud800'],
  hash: ['', '#', 'x', '##x', '#a b', '#é'],
};
for (const base of bases) {
  for (const [setter, list] of Object.entries(values)) {
    const out = [];
    for (const v of list) {
      const u = new URL(base);
      u[setter] = v;
      out.push(u.href);
    }
    console.log(base, setter, JSON.stringify(out));
  }
}
const u = new URL('http://a/b');
for (const v of ['https://z/', 'not a url', '', 'http://[/', '/relative']) {
  try {
    u.href = v;
    console.log('href ok', u.href);
  } catch (e) {
    console.log('href', e.name, e.code, e.message, JSON.stringify(e.input), 'base' in e, Object.keys(e).join(), u.href);
  }
}
const c = new URL('http://a/');
c.pathname = { toString: () => '/from-object' };
c.search = 12;
c.hash = null;
c.port = '8080abc';
console.log(c.href);
try { c.protocol = Symbol('x'); } catch (e) { console.log(e.name, e.message); }
try { Object.getOwnPropertyDescriptor(URL.prototype, 'protocol').set.call({}, 'x'); } catch (e) { console.log(e.name, e.message); }
try { Object.getOwnPropertyDescriptor(URL.prototype, 'search').get.call(Object.create(URL.prototype)); } catch (e) { console.log(e.name, e.message); }
const chain = new URL('http://x/');
chain.protocol = 'https'; chain.hostname = 'y'; chain.port = '444'; chain.pathname = 'p'; chain.search = 's=1'; chain.hash = 'h';
chain.username = 'u'; chain.password = 'p'; chain.host = 'z:445';
console.log(chain.href, chain.origin, chain.port);

// url: fileURLToPath / pathToFileURL (POSIX and the windows option), urlToHttpOptions, domainToASCII /
// domainToUnicode, url.format(URL, options), with Node's errors for wrong types and bad file URLs.
const url = require('url');
const tryIt = (label, fn) => {
  try {
    const r = fn();
    console.log(label, typeof r === 'object' && r !== null ? JSON.stringify(r) : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
for (const s of ['file:///a/b', 'file:///a%20b/%C3%A9', 'file://localhost/x', 'file:///a%2fb', 'file:///a%2Fb', 'file:///a%5cb', 'file://host/x', 'http://a/x', 'file:///', 'file:///%', 'file:///%E2%82', 'not a url']) {
  tryIt(`toPath ${s}`, () => url.fileURLToPath(s));
  tryIt(`toPath URL ${s}`, () => url.fileURLToPath(new URL(s)));
  tryIt(`toPath win ${s}`, () => url.fileURLToPath(s, { windows: true }));
}
for (const s of ['file:///C:/x/y', 'file:///c|/x', 'file://server/share/f', 'file://xn--mnchen-3ya.de/s', 'file:///x']) tryIt(`win ${s}`, () => url.fileURLToPath(s, { windows: true }));
for (const bad of [5, null, {}, { href: 'file:///x', protocol: 'file:', path: '/x' }, url.parse('file:///x')]) tryIt('toPath bad', () => url.fileURLToPath(bad));
tryIt('toPath like', () => url.fileURLToPath({ href: 'file:///like', protocol: 'file:', hostname: '', pathname: '/like' }));
for (const p of ['/a/b', '/a b/#?%/', '/trailing/', '/x/../y/./z', '/é/\u0000/\t\n\r', '/a\\b', '/[x]^|~"', '/', '//double//slash', 'relative', 'rel/dir/', '.', '']) {
  tryIt(`fromPath ${JSON.stringify(p)}`, () => url.pathToFileURL(p).href);
}
for (const p of ['\\\\server\\share\\x y', '\\\\?\\UNC\\server\\share', '\\\\server', '\\\\\\x', '\\\\münchen\\s\\f']) tryIt(`fromPath win ${JSON.stringify(p)}`, () => url.pathToFileURL(p, { windows: true }).href);
for (const bad of [5, undefined, null, Buffer.from('/x')]) tryIt('fromPath bad', () => url.pathToFileURL(bad));
console.log(url.pathToFileURL('/x') instanceof URL, url.fileURLToPath(url.pathToFileURL('/ä b#c')));
const opts = url.urlToHttpOptions(new URL('https://u%20s:p%40@[::1]:8443/a/b?c=d#e'));
console.log(Object.getPrototypeOf(opts), JSON.stringify(opts), JSON.stringify(url.urlToHttpOptions(new URL('http://plain/'))));
const extended = new URL('http://ext/'); extended.custom = 1; extended.protocol2 = 'x';
console.log(JSON.stringify(url.urlToHttpOptions(extended)), JSON.stringify(url.urlToHttpOptions({ a: 1, hostname: '[x]' })));
for (const d of ['example.com', 'münchen.de', 'MÜNCHEN.DE', 'xn--mnchen-3ya.de', 'xn--iñvalid.com', 'a..b', '', '-x.com', 'xn--', '\u0000', 'ex ample', 'ＡＢＣ.com', '☃.net', 5, null]) {
  console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
}
tryIt('domainToASCII()', () => url.domainToASCII());
tryIt('domainToUnicode()', () => url.domainToUnicode());
const u = new URL('https://us:pw@xn--mnchen-3ya.de:8080/p?q=1#h');
for (const o of [undefined, {}, { fragment: false }, { unicode: true }, { search: false }, { auth: false }, { fragment: 0, unicode: 1, search: '', auth: null }, { fragment: false, unicode: true, search: false, auth: false }]) {
  console.log(JSON.stringify(o), url.format(u, o));
}
console.log(url.format(new URL('file:///x')), url.format(new URL('mailto:a@b'), { unicode: true }), url.format(new URL('http://a/?#')));
for (const bad of [5, 'str', [], () => {}, true]) tryIt(`formatOpts ${typeof bad}`, () => url.format(u, bad));

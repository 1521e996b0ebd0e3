// URL: WHATWG parsing of edge cases (IPv6, IPv4 numbers, percent-encoding, special schemes, file URLs,
// credentials, ports, opaque paths, whitespace, invalid inputs with and without a base), each URL's
// components and origin, ERR_INVALID_URL's input/base, URL.canParse and URL.parse. URL.createObjectURL/revokeObjectURL errors.
const cases = [
  ['https://user:pa ss@EXAMPLE.com:443/a/./b/../c?x=1 2#frag ment'],
  ['http://[::1]:8080/'], ['http://[2001:db8::1:0:0:1]/'], ['http://[::ffff:192.168.0.1]/'], ['http://[1:2:3:4:5:6:7:8:9]/'],
  ['http://0x7f.1/'], ['http://2130706433/'], ['http://127.1/'], ['http://0300.0250.1.1/'], ['http://256.256.256.256/'], ['http://1.2.3.4.5/'],
  ['http://1.2.3.08/'], ['http://999999999999/'],
  ['http://exa%41mple.com/'], ['http://ex%zzample.com/'], ['http://a/%7e%7E%zz%/?%20 %#%'], ['http://a/é?é#é'], ['http://münchen.de/'],
  ['http://xn--mnchen-3ya.de/'], ['http://a..b/'], ['http://a b/'], ['http://a<b/'], ['http://a^b/'],
  ['  http://a/b \n\t'], ['ht\ntp://a/\tb'], ['http:\\\\a\\b\\c'], ['http:/a/b'], ['http:a/b'], ['HTTP://A/'],
  ['http://a:80/'], ['https://a:443/'], ['ws://a:80/'], ['wss://a:443/'], ['ftp://a:21/'], ['http://a:0/'], ['http://a:65535/'],
  ['http://a:65536/'], ['http://a:-1/'], ['http://a:8x/'], ['http://a:/'], ['http://:80/'],
  ['http://@a/'], ['http://user@a/'], ['http://:pass@a/'], ['http://u:p@a@b/'], ['http://%40:%3A@a/'],
  ['file:///etc/passwd'], ['file://localhost/x'], ['file://host/share/x'], ['file:/x'], ['file:x'], ['file:///C:/x/../y'], ['file://C:/x'],
  ['file:///a?b#c'], ['file://[::1]/x'], ['file:'],
  ['mailto:someone@example.com'], ['javascript:alert(1)'], ['data:text/plain,hi there'], ['urn:isbn:0451450523'], ['tel:+1-555'],
  ['blob:https://a.com/uuid'], ['blob:http://a.com:81/x'], ['blob:ftp://a/x'], ['blob:null/x'], ['blob:x'],
  ['web+demo:/.//not-a-host/'], ['web+demo://host/path'], ['foo://'], ['foo:////x'], ['foo://h:1/p?q#f'], ['foo:/a/../../b'], ['sc://ñ/'],
  ['sc: x '], ['non-spec:/..//p'], ['a:'], ['a:#'], ['a:?'], ['http://a/?'], ['http://a/#'], ['http://a/?#'],
  ['x', 'http://a/b/c'], ['../d', 'http://a/b/c'], ['//h/p', 'https://a/'], ['?q', 'http://a/b?c#d'], ['#f', 'http://a/b?c#d'], ['', 'http://a/b?c#d'],
  ['/abs', 'file:///x/y'], ['C|/x', 'file:///a'], ['x', 'mailto:a@b'], ['x', 'not a url'], ['http://ok/', 'not a url'],
  [''], ['x'], ['http://'], ['http://a:b@/'], ['https://[::1/'], ['http://[:::]/'], ['//a'], ['\u0000http://a/'], ['http://\u0000a/'],
  ['http://a/\ud800'], ['http://\ud800/'], ['http://a.com/' + 'x'.repeat(3000)],
];
const parts = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash];
for (const [input, base] of cases) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify(parts(u)).slice(0, 400));
  } catch (e) {
    console.log(JSON.stringify(input).slice(0, 60), e.name, e.code, e.message, JSON.stringify(e.input), JSON.stringify(e.base), Object.keys(e).join());
  }
  console.log(URL.canParse(input, base), base === undefined ? URL.canParse(input) : '', (URL.parse(input, base)?.href ?? 'null').slice(0, 100));
}
for (const bad of [[], [undefined], [null], [{ toString: () => 'http://obj/' }], [new URL('http://u/')], ['http://a', undefined], ['/p', new URL('http://b/x')]]) {
  try {
    console.log(new URL(...bad).href);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try { URL.canParse(); } catch (e) { console.log(e.code, e.message); }
try { URL.parse(); } catch (e) { console.log(e.code, e.message); }
try { new URL(Symbol('s')); } catch (e) { console.log(e.name, e.message); }
console.log(URL.parse('x'), URL.parse('x', 'http://b/').href, URL.canParse('x', 'http://b/'), URL.length, URL.parse.length, URL.canParse.length);
for (const f of [() => URL.createObjectURL({}), () => URL.createObjectURL(), () => URL.revokeObjectURL(), () => URL.revokeObjectURL('blob:nodedata:none'), () => URL.revokeObjectURL(5)]) {
  try { console.log('objectURL', f()); } catch (e) { console.log('objectURL', e.name, e.code, e.message); }
}

// url, querystring, URLSearchParams with hostile arguments: Proxies that log their traps, getters that
// count reads, throwing toString, huge inputs; each shows which reads happen in which order, and
// that a refused call leaves the modules usable.
const url = require('url');
const qs = require('querystring');
const log = [];
const logged = (target, name) => new Proxy(target, {
  get(t, k, r) { log.push(`${name}.get ${String(k)}`); return Reflect.get(t, k, r); },
  has(t, k) { log.push(`${name}.has ${String(k)}`); return Reflect.has(t, k); },
  ownKeys(t) { log.push(`${name}.ownKeys`); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push(`${name}.gopd ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
});
const flush = (label, value) => { console.log(label, JSON.stringify(value), log.join(' | ')); log.length = 0; };
flush('usp record', new URLSearchParams(logged({ a: '1', b: '2' }, 'rec')).toString());
flush('usp pairs', new URLSearchParams(logged([['x', 'y']], 'pairs')).toString());
flush('format legacy', url.format(logged({ protocol: 'http', host: 'h', pathname: '/p', query: { q: 1 } }, 'obj')));
flush('format url opts', url.format(new URL('http://u:p@h/?q#f'), logged({ fragment: false, auth: false }, 'opts')));
flush('qs stringify', qs.stringify(logged({ a: [1, 2], b: 'c' }, 'data')));
flush('qs parse opts', qs.parse('a=1&b=2', null, null, logged({ maxKeys: 1 }, 'popts')));
flush('qs stringify opts', qs.stringify({ a: 'b c' }, null, null, logged({}, 'sopts')));
try { url.urlToHttpOptions(logged(new URL('http://h:1/p?q'), 'url')); } catch (e) { flush('urlToHttpOptions proxy', e.message); }
let reads = 0;
const counting = { get maxKeys() { reads++; return 1; } };
qs.parse('a=1&b=2', null, null, counting); console.log('maxKeys reads', reads);
reads = 0;
const fmt = { get fragment() { reads++; return false; }, get unicode() { reads++; return true; } };
url.format(new URL('http://xn--mnchen-3ya.de/#f'), fmt); console.log('format option reads', reads);
const throwing = { toString() { throw new Error('boom'); } };
for (const [label, fn] of [
  ['URL', () => new URL(throwing)], ['URL base', () => new URL('/x', throwing)], ['setter', () => { new URL('http://a/').hash = throwing; }],
  ['usp', () => new URLSearchParams(throwing)], ['usp append', () => new URLSearchParams().append(throwing, 'v')], ['escape', () => qs.escape(throwing)],
  ['parse sep', () => qs.parse('a=1', throwing)], ['domain', () => url.domainToASCII(throwing)], ['usp record value', () => new URLSearchParams({ k: throwing })],
  ['canParse', () => URL.canParse(throwing)], ['revoke', () => URL.revokeObjectURL(throwing)],
]) {
  try { fn(); console.log(label, 'no throw'); } catch (e) { console.log(label, e.message); }
}
const long = 'http://h/' + 'p/'.repeat(200000) + '?' + 'q=1&'.repeat(50000);
const big = new URL(long);
console.log(big.href.length, big.pathname.length, big.searchParams.size, big.search.length);
big.searchParams.append('z', '1'); console.log(big.href.length);
const bigHost = 'http://' + 'a'.repeat(70000) + '.com/';
try { console.log(new URL(bigHost).hostname.length); } catch (e) { console.log('bigHost', e.code); }
console.log(Object.keys(qs.parse('a=' + 'x'.repeat(1 << 20))).length, qs.escape('é'.repeat(100000)).length, url.parse(long).pathname.length);
console.log(new URL('http://still/works').href, qs.parse('still=works').still, url.resolve('http://a/b', 'c'));

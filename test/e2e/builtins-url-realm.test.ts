import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for url, querystring and punycode: URL objects (their context records, their
 * searchParams), URLSearchParams and iterators and their results, parse results (legacy Url, query
 * objects, unescapeBuffer's Buffer), file URLs, http options and every error these modules throw
 * (some of which the Worker's parser reports) must be the guest's own. One foreign object would be
 * an escape.
 */
describe('realm isolation of url, querystring and punycode', () => {
  it('every object reachable from their results and errors is the guest realm own', async () => {
    const r = await runGuest(`${PROBE}
const url = require('url');
const qs = require('querystring');
const punycode = require('punycode');
const util = require('util');
const roots = { url, qs, punycode, URL, URLSearchParams };
const u = new URL('https://user:pw@example.com:8080/p?a=1&b=2#h');
roots.u = u;
roots.sp = u.searchParams;
roots.entries = u.searchParams.entries();
roots.step = roots.entries.next();
roots.keys = [...u.searchParams.keys()];
roots.all = u.searchParams.getAll('a');
u.searchParams.append('c', '3');
roots.afterAppend = u.href;
u.hostname = 'other.org'; u.port = '99'; u.search = '?x=1'; u.hash = 'y';
roots.json = u.toJSON();
roots.parsed = URL.parse('http://p/');
roots.inspectHidden = util.inspect(u, { showHidden: true });
roots.custom = u[util.inspect.custom](2, { showHidden: true, stylize: (s) => s });
roots.paramsCustom = u.searchParams[util.inspect.custom](2, { stylize: (s) => s, breakLength: 80 });
roots.fromPairs = new URLSearchParams([['a', 'b'], new Set(['c', 'd'])]);
roots.fromRecord = new URLSearchParams({ r: 1 });
roots.legacy = url.parse('http://a.com/b?c=d#e', true);
roots.legacyNoQs = url.parse('//h/p', false, true);
roots.resolved = url.resolveObject('http://a/b/c', '../d?e');
roots.resolvedText = url.resolve('mailto:a@b', 'c@d');
roots.formatted = url.format({ protocol: 'http', host: 'h', query: { q: [1, 2] } });
roots.formatUrl = url.format(u, { unicode: true, auth: false });
roots.fileUrl = url.pathToFileURL('/a b');
roots.filePath = url.fileURLToPath('file:///x%20y');
roots.httpOptions = url.urlToHttpOptions(u);
roots.ascii = url.domainToASCII('münchen.de');
roots.query = qs.parse('a=1&a=2&b=%zz');
roots.queryCustom = qs.parse('a=1', null, null, { decodeURIComponent: (s) => [s] });
roots.buffer = qs.unescapeBuffer('%41%zz');
roots.stringified = qs.stringify({ a: [1, 2] });
roots.ucs2 = punycode.ucs2.decode('\\ud83d\\ude00');
const caught = (name, f) => { try { f(); } catch (e) { roots[name] = e; } };
caught('invalidUrl', () => new URL('not a url', 'also not'));
caught('invalidHref', () => { u.href = 'nope'; });
caught('missing', () => new URL());
caught('brand', () => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}));
caught('brandField', () => Object.getOwnPropertyDescriptor(URL.prototype, 'hash').get.call({}));
caught('invalidThis', () => URLSearchParams.prototype.get.call({}, 'a'));
caught('tuple', () => new URLSearchParams([[1]]));
caught('notIterable', () => new URLSearchParams({ [Symbol.iterator]: 1 }));
caught('iteratorThis', () => roots.entries.next.call({}));
caught('legacyInvalid', () => url.parse('http://xn--/'));
caught('legacyUri', () => url.parse('http://%zz@h/'));
caught('legacyType', () => url.parse(5));
caught('fileHost', () => url.fileURLToPath('file://host/x'));
caught('fileScheme', () => url.fileURLToPath('http://x'));
caught('filePath', () => url.fileURLToPath('file:///a%2fb'));
caught('formatType', () => url.format(5));
caught('uri', () => qs.escape('\\ud800'));
caught('puny', () => punycode.decode('\\u0080'));
caught('objectUrl', () => URL.createObjectURL({}));
console.log(JSON.stringify(probe(roots)));`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(300);
  });
});

import { inspect } from 'node:util';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { urlCaps } from '../../host/worker/caps/url.js';
import { Realm } from '../../host/worker/realm.js';

/**
 * The Worker's url capabilities without a sandbox: the components they report must be exactly the
 * ones Node's own URL record holds (read here from Node's showHidden inspection), and hostile
 * arguments (foreign or short arrays, wrong types, Proxies) must be refused with -1, never thrown.
 */
const realm = new Realm(Object.prototype, () => ({ allocate: (n: number) => new Uint8Array(n) }) as never);
const caps = urlCaps(realm);
const FIELDS = ['protocol_end', 'username_end', 'host_start', 'host_end', 'port', 'pathname_start', 'search_start', 'hash_start', 'scheme_type'];

/** Node's own URLContext numbers for `u`, from its showHidden inspection. */
function nodeComponents(u: URL): number[] {
  const text = inspect(u, { showHidden: true, breakLength: Infinity });
  return FIELDS.map((f) => Number(new RegExp(`\\b${f}: (\\d+)`).exec(text)![1]));
}

const INPUTS = [
  'https://user:pa@example.com:8080/p/a?x=1&y=2#h', 'http://a/', 'http://a', 'http://u@a/', 'http://:p@a/', 'http://u:p@a:1/?#',
  'file:///x/y', 'file://host/x', 'file:', 'mailto:a@b', 'javascript:x', 'data:,x', 'web+demo:/.//not-a-host/', 'foo://', 'foo:////x',
  'foo://h:1/p?q#f', 'foo:/p', 'a:', 'a:#', 'a:?', 'a:?#', 'http://a/?', 'http://a/#', 'http://[::1]:9/x', 'ws://h:80/', 'wss://h:444/',
  'ftp://h/', 'blob:https://a/b', 'sc://ñ/', 'non-spec:/..//p', 'http://a/%zz?%zz#%zz', 'http://münchen.de/ü?ü#ü',
];

describe('url capabilities', () => {
  it('report the components of Node\'s own URL record', () => {
    const out = new Uint32Array(9);
    for (const input of INPUTS) {
      const href = caps.urlParse(input, undefined, out);
      const u = new URL(input);
      expect(href, input).toBe(u.href);
      expect([...out], input).toEqual(nodeComponents(u));
    }
  });

  it('apply setters as Node does, the components included', () => {
    const out = new Uint32Array(9);
    const cases: [string, string, string][] = [['http://a/b', 'hostname', 'x.org'], ['http://a/b', 'port', '81'], ['http://a/b?q', 'search', ''], ['http://a/', 'hash', '#'], ['foo:/p', 'host', 'h'], ['http://u:p@a/', 'username', '']];
    for (const [href, setter, value] of cases) {
      const u = new URL(href);
      (u as unknown as Record<string, string>)[setter] = value;
      expect(caps.urlUpdate(href, setter, value, out)).toBe(u.href);
      expect([...out]).toEqual(nodeComponents(u));
    }
    expect(caps.urlUpdate('http://a/', 'href', 'not a url', out)).toBe(-1);
  });

  it('refuse hostile arguments without throwing', () => {
    const foreign = vm.runInNewContext('new Uint32Array(9)') as Uint32Array;
    const proxy = new Proxy(new Uint32Array(9), {});
    for (const out of [new Uint32Array(3), new Uint8Array(36), foreign, proxy, [], null, undefined] as unknown as Uint32Array[]) {
      expect(caps.urlParse('http://a/', undefined, out)).toBe(-1);
      expect(caps.urlUpdate('http://a/', 'hash', 'x', out)).toBe(-1);
      expect(caps.legacyUrlParse('http://a/', false, out)).toBe(-1);
    }
    const out = new Uint32Array(13);
    expect(caps.urlParse(5 as unknown as string, undefined, out)).toBe(-1);
    expect(caps.urlParse('x', 7 as unknown as string, out)).toBe(-1);
    expect(caps.urlUpdate('http://a/', '__proto__', 'x', out)).toBe(-1);
    expect(caps.urlUpdate('http://a/', 'constructor', 'x', out)).toBe(-1);
    expect(caps.urlUpdate('not a url', 'hash', 'x', out)).toBe(-1);
    expect(caps.urlCanParse({} as unknown as string, undefined)).toBe(false);
    expect(caps.domainToASCII({ toString: () => { throw new Error('no'); } } as unknown as string)).toBe('');
    expect(caps.legacyUrlParse(5 as unknown as string, false, out)).toBe(-1);
    expect(caps.urlFormat(Symbol('x') as unknown as string, true, false, true, true)).toBe('');
  });

  it('pack the legacy fields and report a throw through lastError', () => {
    const out = new Uint32Array(13);
    const packed = caps.legacyUrlParse('http://u@h:1/p?q#f', false, out);
    expect(packed).toBe('http:u' + 'h:11' + 'h#f?qq/p/p?qhttp://u@h:1/p?q#f');
    expect([...out]).toEqual([5, 1, 1, 3, 1, 1, 2, 2, 1, 2, 4, 18, 0]);
    expect(caps.legacyUrlParse('http://xn--/', false, out)).toBe(-1);
    expect(realm.lastError.split('\u0000')).toEqual(['ERR_INVALID_URL', 'TypeError', 'Invalid URL']);
  });
});

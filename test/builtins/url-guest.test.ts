import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * Guest-side behaviour of url that the differential suite cannot compare byte for byte: the
 * DEP0170 warning of legacy url.parse (Node prints its own pid), and the sandbox staying usable
 * after refused calls.
 */
describe('url in the guest', () => {
  it('prints url.parse\'s DEP0170 warning once, as Node does, on the next tick', async () => {
    const r = await runGuest(`const url = require('url');
console.log(url.parse('http://a:b/').href, url.parse('http://c:d/').href);
console.log('same tick');`);
    expect(r.stdout).toBe('http://a/:b/ http://c/:d/\nsame tick\n');
    expect(r.stderr).toBe('(node:1) [DEP0170] DeprecationWarning: The URL http://a:b/ is invalid. Future versions of Node.js will throw an error.\n(Use `node --trace-deprecation ...` to show where the warning was created)\n');
  });

  it('prints no warning under process.noDeprecation, and prints none for require(\'punycode\')', async () => {
    const r = await runGuest(`process.noDeprecation = true; require('punycode'); console.log(require('url').parse('http://a:b/').host);`);
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toBe('');
  });

  it('stays usable after refused calls and a URL of 4 MB', async () => {
    const r = await runGuest(`const errors = [];
for (const f of [() => new URL('x'), () => { new URL('http://a/').href = 'y'; }, () => require('url').parse('http://xn--/'), () => URLSearchParams.prototype.get.call(1)]) {
  try { f(); } catch (e) { errors.push(e.code); }
}
const big = new URL('http://h/' + 'x'.repeat(4 << 20));
big.hash = 'end';
console.log(errors.join(), big.pathname.length, big.hash, new URL('http://after/').host);`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`ERR_INVALID_URL,ERR_INVALID_URL,ERR_INVALID_URL,ERR_INVALID_THIS ${(4 << 20) + 1} #end after\n`);
  });
});

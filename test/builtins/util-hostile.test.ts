import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * util and assert under hostile input: Proxies whose traps record or throw, throwing getters as
 * options, replaced built-ins, huge and deeply nested values, and a sandbox that stays usable
 * after each refused call.
 */
async function guestJson(source: string): Promise<Record<string, unknown>> {
  const r = await runGuest(source);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('util.types against hostile values', () => {
  it('runs no trap of a Proxy (but isKeyObject reads a property, as Node does)', async () => {
    const out = await guestJson(`
const { types } = require('util');
const trapped = [];
const handler = new Proxy({}, { get: (_, trap) => (...args) => { trapped.push(trap); return Reflect[trap](...args); } });
const proxy = new Proxy(new Map(), handler);
const checks = Object.keys(types).filter((k) => k !== 'isKeyObject' && k !== 'isCryptoKey');
const yes = checks.filter((k) => types[k](proxy));
const traps = trapped.length;
types.isKeyObject(proxy);
console.log(JSON.stringify({ yes, traps, afterKeyObject: trapped }));`);
    expect(out).toEqual({ yes: ['isProxy'], traps: 0, afterKeyObject: ['get'] });
  });

  it('answers for values of every kind without throwing, and for functions and revoked proxies', async () => {
    const out = await guestJson(`
const { types } = require('util');
const { proxy, revoke } = Proxy.revocable(() => {}, {});
revoke();
const vals = [proxy, Object.create(null), function () {}, Symbol(), 10n, new Proxy(new Proxy([], {}), {})];
console.log(JSON.stringify({ r: vals.map((v) => types.isProxy(v) + '/' + types.isAsyncFunction(v) + '/' + types.isTypedArray(v)) }));`);
    expect(out.r).toEqual(['true/false/false', 'false/false/false', 'false/false/false', 'false/false/false', 'false/false/false', 'true/false/false']);
  });
});

describe('deep equality against hostile values', () => {
  it('propagates a throwing getter or trap, and the sandbox carries on', async () => {
    const out = await guestJson(`
const util = require('util');
const results = [];
const tryIt = (f) => { try { results.push(String(f())); } catch (e) { results.push('threw ' + e.message); } };
tryIt(() => util.isDeepStrictEqual({ get x() { throw new Error('getter'); } }, { x: 1 }));
tryIt(() => util.isDeepStrictEqual(new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }), {}));
tryIt(() => util.isDeepStrictEqual(new Proxy({}, { getPrototypeOf() { throw new Error('proto trap'); } }), {}));
tryIt(() => util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
console.log(JSON.stringify({ results }));`);
    expect(out.results).toEqual(['threw getter', 'threw ownKeys trap', 'threw proto trap', 'true']);
  });

  it('is not fooled by replaced built-ins', async () => {
    const out = await guestJson(`
const util = require('util');
const assert = require('assert');
Object.keys = () => [];
Object.prototype.hasOwnProperty = () => true;
Object.prototype.propertyIsEnumerable = () => true;
RegExp.prototype.exec = () => null;
Date.prototype.getTime = () => 0;
const r = [util.isDeepStrictEqual({ a: 1 }, { a: 2 }), util.isDeepStrictEqual(new Date(1), new Date(2)), util.isDeepStrictEqual([1, , 3], [1, 2, 3])];
let matched;
try { assert.match('abc', /b/); matched = true; } catch { matched = false; }
console.log(JSON.stringify({ r, matched }));`);
    expect(out).toEqual({ r: [false, false, false], matched: true });
  });

  it('compares large buffers in place and deep nesting ends in a RangeError, not a crash', async () => {
    const out = await guestJson(`
const util = require('util');
const a = new Uint8Array(32 << 20).fill(3);
const b = new Uint8Array(32 << 20).fill(3);
const same = util.isDeepStrictEqual(a, b);
b[b.length - 1] = 4;
const differ = util.isDeepStrictEqual(a, b);
const shared = util.isDeepStrictEqual(new Uint8Array(new SharedArrayBuffer(1024)), new Uint8Array(1024));
let deep1 = {}; let deep2 = {};
for (let i = 0; i < 200000; i++) { deep1 = { n: deep1 }; deep2 = { n: deep2 }; }
let overflow;
try { util.isDeepStrictEqual(deep1, deep2); } catch (e) { overflow = e instanceof RangeError; }
console.log(JSON.stringify({ same, differ, shared, overflow, after: util.isDeepStrictEqual([1], [1]) }));`);
    expect(out).toEqual({ same: true, differ: false, shared: true, overflow: true, after: true });
  });
});

describe('util functions against hostile options', () => {
  it('parseArgs, promisify and styleText report what a hostile configuration throws', async () => {
    const out = await guestJson(`
const util = require('util');
const results = [];
const tryIt = (f) => { try { results.push(JSON.stringify(f())); } catch (e) { results.push('threw ' + (e.code || e.message)); } };
tryIt(() => util.parseArgs({ get args() { throw new Error('args getter'); } }));
tryIt(() => util.parseArgs(new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('descriptor trap'); } })));
tryIt(() => util.parseArgs({ args: ['--a'], options: { a: new Proxy({}, { get() { throw new Error('option trap'); } }) } }));
tryIt(() => util.parseArgs({ args: [1, {}], strict: false }));
const fn = () => {};
Object.defineProperty(fn, util.promisify.custom, { get() { throw new Error('custom getter'); } });
tryIt(() => util.promisify(fn));
tryIt(() => util.styleText(new Proxy([], { get() { throw new Error('format trap'); } }), 'x'));
tryIt(() => util.inspect.defaultOptions = new Proxy({}, { ownKeys() { throw new Error('options trap'); } }));
tryIt(() => util.parseArgs({ args: ['--ok'], strict: false }).values.ok);
console.log(JSON.stringify({ results }));`);
    // Node's own answers: an option read through a get trap is never read (only own descriptors are),
    // and non-string arguments pass through as positionals.
    expect(out.results).toEqual([
      'threw args getter', 'threw descriptor trap', 'threw ERR_INVALID_ARG_TYPE', '{"values":{},"positionals":[1,{}]}',
      'threw custom getter', 'threw format trap', 'threw options trap', 'true',
    ]);
  });

  it('getSystemErrorName refuses non-numbers without handing them to the Worker', async () => {
    const out = await guestJson(`
const util = require('util');
const seen = [];
const sneaky = { valueOf() { seen.push('valueOf'); return -2; }, toString() { seen.push('toString'); return '-2'; } };
let code;
try { util.getSystemErrorName(sneaky); } catch (e) { code = e.code; }
console.log(JSON.stringify({ code, seen, name: util.getSystemErrorName(-2), big: util.getSystemErrorName(-(2 ** 40)) }));`);
    expect(out).toEqual({ code: 'ERR_INVALID_ARG_TYPE', seen: [], name: 'ENOENT', big: `Unknown system error ${-(2 ** 40)}` });
  });
});

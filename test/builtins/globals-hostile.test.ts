import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * Hostile input to the web globals, structuredClone, timers/promises and perf_hooks: throwing
 * getters and Proxies as options and listeners, replaced globals and prototypes, reentrant clones,
 * large values, and a refusal followed by a working call (the clone channel recovers).
 */
async function lines(source: string): Promise<string[]> {
  const r = await runGuest(source, { filename: '/app/main.js' });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout.trim().split('\n');
}

describe('web globals under hostile input', () => {
  it('throwing getters and Proxies as options surface the guest own error', async () => {
    const out = await lines(`
const report = (f) => { try { f(); return 'ok'; } catch (e) { return e.constructor.name + ':' + e.message; } };
const trap = new Proxy({}, { get(_t, k) { throw new EvalError('trap ' + String(k)); } });
console.log(report(() => new EventTarget().addEventListener('x', () => {}, trap)));
console.log(report(() => new Event('x', trap)));
console.log(report(() => structuredClone(1, trap)));
console.log(report(() => structuredClone(trap)));
console.log(report(() => performance.mark('m', trap)));
const listener = new Proxy({}, { get(_t, k) { if (k === 'handleEvent') throw new URIError('lookup'); } });
console.log(report(() => new EventTarget().addEventListener('x', listener)));
require('timers/promises').setTimeout(1, 1, trap).catch((e) => console.log('rejected', e.constructor.name));`);
    expect(out).toEqual(['EvalError:trap once', 'EvalError:trap bubbles', 'EvalError:trap transfer', 'DOMException:#<Object> could not be cloned.', 'EvalError:trap startTime', 'URIError:lookup', 'rejected EvalError']);
  });

  it('replaced globals and prototypes do not change what the bridge builds', async () => {
    const out = await lines(`
const { DOMException: D, AbortController: A } = globalThis;
globalThis.DOMException = function Fake() {};
Object.prototype.toString = () => 'hijacked';
Error.prototype.name = 'Hijacked';
let e;
try { structuredClone(Symbol()); } catch (err) { e = err; }
console.log(e instanceof D, e.name, e.code);
const ac = new A();
ac.abort();
console.log(ac.signal.reason instanceof D, ac.signal.reason.name);
const ab = new ArrayBuffer(2);
console.log(structuredClone(ab, { transfer: [ab] }).byteLength, ab.byteLength);`);
    expect(out).toEqual(['true DataCloneError 25', 'true AbortError', '2 0']);
  });

  it('a clone inside a getter of a clone, a refusal, then a large clone all work', async () => {
    const out = await lines(`
const inner = { get v() { return structuredClone({ deep: structuredClone([1, { get w() { return structuredClone(new Map([[1, 2]])); } }]) }); } };
const c = structuredClone(inner);
console.log(JSON.stringify(c.v.deep[0]), c.v.deep[1].w.get(1));
for (let i = 0; i < 3; i++) { try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); } }
const big = new Uint8Array(32 * 1024 * 1024).fill(7);
const copy = structuredClone(big);
console.log(copy.length, copy[copy.length - 1], copy.buffer !== big.buffer, copy instanceof Uint8Array);`);
    expect(out).toEqual(['1 2', 'DataCloneError', 'DataCloneError', 'DataCloneError', '33554432 7 true true']);
  });

  it('signals and timers never keep the sandbox alive past their documented refs', async () => {
    const start = Date.now();
    const out = await lines(`
AbortSignal.timeout(4294967295);
require('timers/promises').setTimeout(60000, null, { ref: false });
const it = require('timers/promises').setInterval(60000, null, { ref: false });
it.next();
console.log('done');`);
    expect(out).toEqual(['done']);
    expect(Date.now() - start).toBeLessThan(10000);
  });

  it('listener storms and long listener lists stay linear and correct', async () => {
    const out = await lines(`
const et = new EventTarget();
// Unlimited: no MaxListenersExceededWarning (which node prints past 10 listeners).
require('events').setMaxListeners(0, et);
let n = 0;
const fns = Array.from({ length: 4000 }, () => () => { n++; });
for (const f of fns) et.addEventListener('x', f);
et.dispatchEvent(new Event('x'));
for (const f of fns.slice(0, 2000)) et.removeEventListener('x', f);
et.dispatchEvent(new Event('x'));
console.log(n, require('events').getEventListeners(et, 'x').length);`);
    expect(out).toEqual(['6000 2000']);
  });
});

import { describe, expect, it } from 'vitest';
import type { HostFunction } from '../../host/host-functions/index.js';
import { runGuest } from './helpers.js';

async function guest(source: string, hostFunctions: Record<string, HostFunction>, options: Parameters<typeof runGuest>[1] = {}): Promise<unknown> {
  const r = await runGuest(`const host = require('host'); const hp = require('host/promises');\n${source}`, { ...options, hostFunctions });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout);
}

/** Guest code: runs each thunk, collecting [name, code, message] of what it threw, then one good call. */
const COLLECT = `
function collect(thunks) {
  const out = thunks.map((f) => { try { f(); return 'no throw'; } catch (e) { return [e.name, e.code, e.message]; } });
  out.push(host.echo('still works'));
  return out;
}`;

describe('host functions: what cannot cross is refused in the guest, naming the path', () => {
  it('functions, symbols, accessors, Promises, weak collections, generators, iterators', async () => {
    const calls: unknown[] = [];
    const out = await guest(
      `${COLLECT}
       const acc = Object.defineProperty({}, 'x', { get() { return 1; }, enumerable: true });
       console.log(JSON.stringify(collect([
         () => host.echo(() => 1),
         () => host.echo({ p: acc }, 2),
         () => host.echo(1, [Symbol('s')]),
         () => host.echo({ deep: { list: [0, Promise.resolve()] } }),
         () => host.echo(new WeakMap()), () => host.echo([new WeakSet()]), () => host.echo({ r: new WeakRef({}) }),
         () => host.echo((function* () {})()), () => host.echo(new Map([[1, 2]]).entries()),
         () => host.echo({ [Symbol('k')]: 1 }), () => host.echo(new Map([['a', Math.max]])),
       ])));`,
      { echo: (...a: unknown[]) => (calls.push(a), a[0]) },
    );
    expect(out).toEqual([
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0]: function'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0].p.x: accessor'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [1][0]: symbol'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0].deep.list[1]: Promise'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0]: WeakMap'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0][0]: WeakSet'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0].r: WeakRef'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0]: generator'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0]: iterator'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0][Symbol(k)]: symbol-keyed property'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0].<value 0>: function'],
      'still works',
    ]);
    expect(calls).toEqual([['still works']]);
  });

  it('the promise API rejects instead of throwing', async () => {
    const out = await guest(`let sync = 'none'; let p; try { p = hp.echo(() => 1); } catch (e) { sync = 'threw'; }
      p.catch((e) => console.log(JSON.stringify([sync, e.code, e.message])));`, { echo: (x: unknown) => x });
    expect(out).toEqual(['none', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass [0]: function']);
  });
});

describe('host functions: depth and size limits', () => {
  const limits = { maxValueDepth: 4, maxValueBytes: 4096 };
  it('the guest refuses arguments over the limits; the host refuses results over them', async () => {
    const out = await guest(
      `${COLLECT}
       console.log(JSON.stringify(collect([
         () => host.echo({ a: { b: { c: {} } } }),
         () => host.echo(Buffer.alloc(5000)),
         () => host.big(),
         () => host.deep(),
         () => host.echo({ a: { b: 'fits' } }),
       ])));`,
      { echo: (x: unknown) => x, big: () => new Uint8Array(5000), deep: () => [[[[[1]]]]] },
      { limits },
    );
    expect(out).toEqual([
      ['RangeError', 'ERR_HOST_VALUE_TOO_DEEP', 'cannot pass [0].a.b.c: nested deeper than 4 levels'],
      ['RangeError', 'ERR_HOST_VALUE_TOO_LARGE', 'cannot pass [0]: encoded value is over the limit of 4096 bytes'],
      ['RangeError', 'ERR_HOST_VALUE_TOO_LARGE', 'cannot pass result: encoded value is over the limit of 4096 bytes'],
      ['RangeError', 'ERR_HOST_VALUE_TOO_DEEP', 'cannot pass result[0][0][0][0]: nested deeper than 4 levels'],
      'no throw',
      'still works',
    ]);
  });

  it('maxValueBytes never exceeds maxFileBytes', async () => {
    const out = await guest(`${COLLECT} console.log(JSON.stringify(collect([() => host.echo(Buffer.alloc(9000))])));`, { echo: (x: unknown) => x }, {
      limits: { maxFileBytes: 8192 },
    });
    expect(out).toEqual([['RangeError', 'ERR_HOST_VALUE_TOO_LARGE', 'cannot pass [0]: encoded value is over the limit of 8192 bytes'], 'still works']);
  });

  it('large binary values cross in both directions through a small window (chunked)', async () => {
    const out = await guest(
      `const big = Buffer.alloc(3 * 1024 * 1024 + 17); for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 255;
       const back = host.reverse(big);
       let ok = back.length === big.length; for (let i = 0; ok && i < big.length; i++) ok = back[i] === big[big.length - 1 - i];
       hp.reverse(back).then((again) => console.log(JSON.stringify([ok, Buffer.compare(again, big)])));`,
      { reverse: (b: Buffer) => Buffer.from(b).reverse() },
      { limits: { windowBytes: 64 * 1024 } },
    );
    expect(out).toEqual([true, 0]);
  });
});

describe('host functions: prototype pollution', () => {
  it('__proto__, constructor and prototype keys stay own properties on both sides', async () => {
    let got: Record<string, unknown> = {};
    const out = await guest(
      `const evil = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "prototype": {"polluted": 1}}');
       const back = host.pollute(evil);
       console.log(JSON.stringify([({}).polluted, Object.getPrototypeOf(back) === Object.prototype, Object.keys(back), Object.getOwnPropertyDescriptor(back, '__proto__').value, typeof Object.prototype.polluted]));`,
      { pollute: (v: Record<string, unknown>) => ((got = v), JSON.parse('{"__proto__": {"x": 2}, "constructor": 3}')) },
    );
    expect(out).toEqual([null, true, ['__proto__', 'constructor'], { x: 2 }, 'undefined']);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual({ polluted: 1 });
  });
});

describe('host functions: blocking and non-blocking calls', () => {
  it('a blocking call waits for an async host function; promise calls let timers run and overlap', async () => {
    const out = await guest(
      `const t0 = Date.now();
       const v = host.sleep(50, 'slept');
       const blocked = Date.now() - t0 >= 45;
       let ticks = 0; const timer = setInterval(() => ticks++, 2);
       const t1 = Date.now();
       Promise.all([hp.sleep(100, 1), hp.sleep(100, 2), hp.sleep(100, 3), hp.sleep(100, 4)]).then((all) => {
         clearInterval(timer);
         console.log(JSON.stringify([v, blocked, all, ticks > 5, Date.now() - t1 < 390]));
       });`,
      { sleep: (ms: number, v: unknown) => new Promise((r) => setTimeout(() => r(v), ms)) },
    );
    expect(out).toEqual(['slept', true, [1, 2, 3, 4], true, true]);
  });

  it('require("host") is the same object each time, lists every function, and is empty without any', async () => {
    expect(await guest(`console.log(JSON.stringify([require('host') === host, Object.keys(host), Object.keys(hp), host.b.name, typeof hp.a]));`, { a: () => 1, b: () => 2 })).toEqual([
      true,
      ['a', 'b'],
      ['a', 'b'],
      'b',
      'function',
    ]);
    expect(await guest(`console.log(JSON.stringify([Object.keys(host), Object.keys(hp)]));`, {})).toEqual([[], []]);
  });

  it('function names such as __proto__ and constructor are plain names', async () => {
    const functions = Object.fromEntries([['__proto__', () => 'proto'], ['constructor', () => 'ctor'], ['toString', () => 'str']]) as Record<string, HostFunction>;
    const out = await guest(`console.log(JSON.stringify([Object.keys(host), host.__proto__(), host.constructor(), String(host.toString()), Object.getPrototypeOf(host) === Object.prototype]));`, functions);
    expect(out).toEqual([['__proto__', 'constructor', 'toString'], 'proto', 'ctor', 'str', true]);
  });

  it('works when the guest speaks the legacy (base64) wire too', async () => {
    const out = await guest(`const b = host.echo(Buffer.from([0, 1, 255])); console.log(JSON.stringify([Buffer.isBuffer(b), [...b]]));`, { echo: (x: unknown) => x }, {
      guestProtocol: 'legacy',
    });
    expect(out).toEqual([true, [0, 1, 255]]);
  });
});

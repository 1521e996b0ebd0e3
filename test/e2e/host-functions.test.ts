import { describe, expect, it } from 'vitest';
import type { HostFunction } from '../../host/host-functions/index.js';
import { ERROR_NAMES, hostSide, VALUES_SOURCE } from './host-functions-helpers.js';
import { runGuest } from './helpers.js';

const host = hostSide();
const NAMES = Object.keys(host.makeValues());

/** Runs `body` after the shared value source; the guest prints one JSON line, which is returned parsed. */
async function guest(body: string, hostFunctions: Record<string, HostFunction>, limits = {}): Promise<unknown> {
  const r = await runGuest(`${VALUES_SOURCE}\nconst host = require('host'); const hp = require('host/promises');\n${body}`, { hostFunctions, limits });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout);
}

describe('host functions: every value kind crosses both ways through a real Worker', () => {
  it('guest -> host -> guest (sync): the host gets host-realm values, the guest gets its own back', async () => {
    const received: Record<string, unknown> = {};
    const bad = await guest(
      `const values = makeValues(); const bad = [];
       for (const [name, v] of Object.entries(values)) { const back = host.take(name, v); if (!same(back, v, true) || !shape(name, back)) bad.push(name); }
       console.log(JSON.stringify(bad));`,
      { take: (name: string, v: unknown) => ((received[name] = v), v) },
    );
    expect(bad).toEqual([]);
    const expected = host.makeValues();
    expect(NAMES.filter((n) => !host.same(received[n], expected[n], false) || !host.shape(n, received[n]))).toEqual([]);
  });

  it('host -> guest (sync and promises): values the host made arrive as guest values', async () => {
    const made = host.makeValues();
    const bad = await guest(
      `const values = makeValues(); const bad = [];
       for (const name of Object.keys(values)) { const v = host.give(name); if (!same(v, values[name], false) || !shape(name, v)) bad.push('sync ' + name); }
       Promise.all(Object.keys(values).map((name) => hp.give(name).then((v) => { if (!same(v, values[name], false) || !shape(name, v)) bad.push('async ' + name); })))
         .then(() => console.log(JSON.stringify(bad)));`,
      { give: (name: string) => made[name] },
    );
    expect(bad).toEqual([]);
  });

  it('a Buffer the host returns from a pooled slab arrives as exactly its bytes', async () => {
    const out = await guest(`const b = host.pooled(); console.log(JSON.stringify([Buffer.isBuffer(b), b.toString(), b.byteOffset, b.buffer.byteLength]));`, {
      pooled: () => Buffer.from('small pooled'),
    });
    expect(out).toEqual([true, 'small pooled', 0, 12]);
  });

  it('class instances and null-prototype objects arrive as plain objects of their own enumerable properties, both ways', async () => {
    class Point {
      constructor(
        public x = 1,
        public y = 2,
      ) {}
    }
    let got: unknown;
    const out = await guest(
      `class P { constructor() { this.a = 1; } get b() { return 2; } }
       const [p, n] = host.point(new P(), Object.assign(Object.create(null), { z: 1 }));
       console.log(JSON.stringify([Object.getPrototypeOf(p) === Object.prototype, p, Object.getPrototypeOf(n) === Object.prototype, n]));`,
      { point: (...v: unknown[]) => ((got = v), [new Point(), Object.assign(Object.create(null), { w: 2 })]) },
    );
    expect(out).toEqual([true, { x: 1, y: 2 }, true, { w: 2 }]);
    const [p, n] = got as [object, object];
    expect([Object.getPrototypeOf(p), Object.getPrototypeOf(n)]).toEqual([Object.prototype, Object.prototype]);
    expect([p, n]).toEqual([{ a: 1 }, { z: 1 }]);
  });
});

describe('host functions: errors', () => {
  it('errors a host function throws reach the guest as guest errors of the same class, sync and async', async () => {
    const made = host.makeValues();
    const bad = await guest(
      `const values = makeValues(); const bad = [];
       const names = ${JSON.stringify([...ERROR_NAMES, 'string', 'object', 'undefined'])};
       for (const name of names) {
         try { host.fail(name); bad.push('no throw ' + name); } catch (e) { if (!same(e, values[name], false) || !shape(name, e)) bad.push('sync ' + name); }
       }
       Promise.all(names.map((name) => hp.fail(name).then(() => bad.push('no rejection ' + name), (e) => { if (!same(e, values[name], false) || !shape(name, e)) bad.push('async ' + name); })))
         .then(() => console.log(JSON.stringify(bad)));`,
      {
        fail: async (name: string) => {
          await new Promise((r) => setTimeout(r, 1));
          throw made[name];
        },
      },
    );
    expect(bad).toEqual([]);
  });

  it('the guest sees the host stack, code and extra properties; instanceof works', async () => {
    const thrown = Object.assign(new RangeError('out of range'), { code: 'E_RANGE', details: { limit: 10 } });
    const out = await guest(
      `try { host.check(11); } catch (e) { console.log(JSON.stringify([e instanceof RangeError, e.constructor === RangeError, e.name, e.message, e.code, e.details, e.stack.split('\\n')[0], String(e)])); }`,
      {
        check: () => {
          throw thrown;
        },
      },
    );
    expect(out).toEqual([true, true, 'RangeError', 'out of range', 'E_RANGE', { limit: 10 }, 'RangeError: out of range', 'RangeError: out of range']);
  });

  it('a result or thrown value that cannot cross becomes a TypeError naming its path; the next call works', async () => {
    const out = await guest(
      `const r = [];
       for (const name of ['fn', 'promise', 'thrownFn']) { try { host.bad(name); r.push('no throw'); } catch (e) { r.push([e.name, e.code, e.message]); } }
       r.push(host.bad('ok'));
       console.log(JSON.stringify(r));`,
      {
        bad: (name: string) => {
          if (name === 'fn') return { nested: [1, () => 2] };
          if (name === 'promise') return { p: Promise.resolve(1) };
          if (name === 'thrownFn') throw Object.assign(new Error('x'), { cb: () => 1 });
          return 'ok';
        },
      },
    );
    expect(out).toEqual([
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass result.nested[1]: function'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass result.p: Promise'],
      ['TypeError', 'ERR_HOST_VALUE_UNSUPPORTED', 'cannot pass thrown.cb: function (the host function threw Error: x)'],
      'ok',
    ]);
  });
});

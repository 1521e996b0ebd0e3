import { describe, expect, it } from 'vitest';
import { ERROR_NAMES, hostSide, VALUES_SOURCE } from './host-functions-helpers.js';
import { runGuest } from './helpers.js';

/**
 * The realm probe of realm.test.ts: walks everything reachable from the roots (own properties,
 * getters, setters, prototypes, constructors) without calling getters and reports every object whose
 * realm (the Function at the root of its prototype chain) is not the guest's own.
 */
const PROBE = `
function realmGlobal(o) {
  let p = o;
  for (let i = 0; i < 100; i++) { const q = Object.getPrototypeOf(p); if (q === null) break; p = q; }
  if (p === o && typeof o !== 'function' && Object.getPrototypeOf(o) === null) return globalThis;
  const d = Object.getOwnPropertyDescriptor(p, 'constructor');
  const C = d && d.value;
  if (typeof C !== 'function') return globalThis;
  const F = Object.getOwnPropertyDescriptor(C, 'constructor') ? C.constructor : Object.getPrototypeOf(C).constructor;
  return F('return globalThis')();
}
function probe(roots) {
  const seen = new Set(); const queue = []; const foreign = [];
  for (const [name, v] of Object.entries(roots)) queue.push([name, v]);
  while (queue.length && seen.size < 200000) {
    const [path, v] = queue.shift();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    let g; try { g = realmGlobal(v); } catch (e) { g = 'threw ' + e; }
    if (g !== globalThis) foreign.push(path);
    queue.push([path + '.<proto>', Object.getPrototypeOf(v)]);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      const k = path + '.' + String(key);
      if ('value' in d) queue.push([k, d.value]);
      if (d.get) queue.push([k + '<get>', d.get]);
      if (d.set) queue.push([k + '<set>', d.set]);
    }
  }
  return { seen: seen.size, foreign: foreign.slice(0, 20) };
}
`;

describe('host functions: realm isolation', () => {
  it('every value kind the guest receives (results, thrown values, refusals, module objects) is of the guest realm', async () => {
    const made = hostSide().makeValues();
    const r = await runGuest(
      `${PROBE}\n${VALUES_SOURCE}
const host = require('host'); const hp = require('host/promises');
const roots = { host, hp, values: {}, thrown: {}, refusals: {}, asyncValues: {} };
for (const name of Object.keys(makeValues())) roots.values[name] = host.give(name);
roots.echoed = host.echo(makeValues());
for (const name of ${JSON.stringify(ERROR_NAMES)}) { try { host.fail(name); } catch (e) { roots.thrown[name] = e; } }
try { host.echo(() => 1); } catch (e) { roots.refusals.unsupported = e; }
try { host.bad(); } catch (e) { roots.refusals.result = e; }
try { host.deep(); } catch (e) { roots.refusals.deep = e; }
roots.pending = hp.give('map');
Promise.all([
  ...Object.keys(makeValues()).map((name) => hp.give(name).then((v) => { roots.asyncValues[name] = v; })),
  hp.fail('aggregate').catch((e) => { roots.asyncThrown = e; }),
  hp.echo(() => 1).catch((e) => { roots.asyncRefusal = e; }),
]).then(() => console.log(JSON.stringify(probe(roots))));`,
      {
        hostFunctions: {
          give: (name: string) => made[name],
          echo: (v: unknown) => v,
          fail: (name: string) => {
            throw made[name];
          },
          bad: () => () => 1,
          deep: () => {
            let v: unknown = 1;
            for (let i = 0; i < 600; i++) v = [v];
            return v;
          },
        },
      },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(300);
  });
});

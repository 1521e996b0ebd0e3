import { describe, expect, it } from 'vitest';
import { ERROR_NAMES, hostSide, VALUES_SOURCE } from './host-functions-helpers.js';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm probe of realm.test.ts: walks everything reachable from the roots (own properties,
 * getters, setters, prototypes, constructors) without calling getters and reports every object whose
 * realm (the Function at the root of its prototype chain) is not the guest's own.
 */

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

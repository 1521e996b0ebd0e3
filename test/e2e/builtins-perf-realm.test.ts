import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for perf_hooks' histograms: the instances, their classes, handles and
 * SafeMaps (with its iterators), `percentiles` and `percentilesBigInt`, toJSON, the readings, every
 * error (Node's validation errors, the Worker's native range error, the sandbox's refusal of a range
 * HdrHistogram cannot build), the event loop delay histogram, and timerify with a histogram. All
 * are the guest's own; one foreign object would be an escape.
 */
describe('realm isolation of perf_hooks histograms', () => {
  it('every object a histogram hands the guest is guest-realm', async () => {
    const r = await runGuest(
      `${PROBE}
const ph = require('perf_hooks');
const h = ph.createHistogram();
[1, 5, 5, 900, 123456].forEach((v) => h.record(v));
h.record(2n ** 40n);
const roots = { ph, h, R: h.constructor, H: Object.getPrototypeOf(h.constructor) };
const caught = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
roots.percentiles = h.percentiles;
roots.entries = [...h.percentiles.entries()];
roots.iterator = h.percentiles[Symbol.iterator]();
roots.keys = h.percentiles.keys();
roots.percentilesBigInt = [...h.percentilesBigInt];
roots.json = h.toJSON();
roots.readings = [h.count, h.min, h.max, h.mean, h.stddev, h.exceeds, h.countBigInt, h.minBigInt, h.maxBigInt, h.exceedsBigInt, h.percentile(50), h.percentileBigInt(99)];
roots.handles = Object.getOwnPropertySymbols(h).map((s) => h[s]);
const b = ph.createHistogram({ lowest: 1n, highest: 2n ** 62n, figures: 2 });
b.record(3n);
h.add(b);
roots.b = b;
caught('recordZero', () => h.record(0));
caught('recordZeroBig', () => h.record(0n));
caught('recordHuge', () => h.record(2n ** 64n));
caught('percentile', () => h.percentile(0));
caught('addForeign', () => h.add({}));
caught('addUndefined', () => h.add());
caught('badThis', () => h.record.call({}, 1));
caught('illegal', () => new h.constructor());
caught('unbuildable', () => ph.createHistogram({ lowest: 2 ** 50, highest: 2 ** 53 - 1, figures: 5 }));
caught('mixed', () => ph.createHistogram({ lowest: 1n }));
caught('highest', () => ph.createHistogram({ lowest: 5n, highest: 9n }));
caught('handleBadThis', () => roots.handles[2].count.call({}));
caught('handleCtor', () => new (Object.getPrototypeOf(roots.handles[2]).constructor)());
const e = ph.monitorEventLoopDelay({ resolution: 1 });
roots.e = e;
roots.enabled = e.enable();
caught('resolution', () => ph.monitorEventLoopDelay({ resolution: 0 }));
const timed = ph.createHistogram();
roots.timerified = performance.timerify(function f() { return 1; }, { histogram: timed });
roots.timerified();
roots.timed = timed;
caught('timerifyBad', () => performance.timerify(() => 1, { histogram: {} }));
setTimeout(() => {
  roots.disabled = e.disable();
  roots.eldPercentiles = e.percentiles;
  roots.eldJson = e.toJSON();
  const out = probe(roots);
  out.kinds = [roots.recordZeroBig instanceof RangeError, roots.recordZeroBig.code, roots.unbuildable instanceof RangeError, roots.unbuildable.code, roots.addForeign.code, roots.percentiles instanceof Map, roots.eldPercentiles.size > 0].join(',');
  console.log(JSON.stringify(out));
}, 20);`,
      { filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; kinds: string };
    expect(out.kinds).toBe('true,ERR_OUT_OF_RANGE,true,ERR_INVALID_ARG_VALUE,ERR_INVALID_ARG_TYPE,false,true');
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(150);
  });
});

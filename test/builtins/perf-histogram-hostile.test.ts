import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';
import { MAX_HISTOGRAM_BYTES } from '../../host/worker/caps/histograms.js';

/**
 * Hostile use of perf_hooks' histograms: forged and moved handles, handle methods on other
 * receivers, ranges that abort node's own process, replaced intrinsics, and more live histograms
 * than the sandbox allows. Each refusal is a Node-style error, and the sandbox keeps working.
 */
async function lines(source: string): Promise<string[]> {
  const r = await runGuest(source, { filename: '/app/main.js' });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout.trim().split('\n');
}

const REPORT = `const { createHistogram, monitorEventLoopDelay } = require('perf_hooks');
const report = (f) => { try { const v = f(); return 'ok ' + String(v); } catch (e) { return e.constructor.name + ' ' + e.code + ' ' + e.message; } };
const symbols = (o) => Object.fromEntries(Object.getOwnPropertySymbols(o).map((s) => [s.description, s]));`;

describe('perf_hooks histograms under hostile input', () => {
  it('forged handles reach no histogram, and fail as the wrong argument', async () => {
    const out = await lines(`${REPORT}
const h = createHistogram();
h.record(5);
const { kRecordable, kHandle, kMap } = symbols(h);
const victim = createHistogram();
victim.record(7);
const forged = (handle) => ({ [kRecordable]: true, [kHandle]: handle });
console.log(report(() => h.add(forged(1))));
console.log(report(() => h.add(forged({ add() {}, count: () => 99 }))));
console.log(report(() => h.add(forged(Object.create(Object.getPrototypeOf(victim[kHandle]))))));
console.log(report(() => h.add(forged(new Proxy(victim[kHandle], {})))));
console.log(report(() => h.add(forged(monitorEventLoopDelay()[symbols(monitorEventLoopDelay()).kHandle]))));
console.log(report(() => victim[kHandle].count.call({})));
console.log(report(() => victim[kHandle].count.call(Object.create(victim[kHandle]))));
console.log(report(() => victim[kHandle].record.call(monitorEventLoopDelay()[symbols(monitorEventLoopDelay()).kHandle], 5)));
console.log(report(() => victim[kHandle].percentile('50')));
console.log(report(() => victim[kHandle].record('5')));
console.log(report(() => victim[kHandle].add({})));
console.log(report(() => new (Object.getPrototypeOf(victim[kHandle]).constructor)()));
console.log(report(() => Object.getPrototypeOf(victim[kHandle]).percentiles.call(victim[kHandle], new Proxy(new Map(), {}))));
console.log(report(() => { const m = {}; victim[kHandle].percentiles(m); return Object.keys(m).length; }));
// A histogram given a number as its handle fails where Node's would, and holds no other histogram's numbers.
const liar = createHistogram();
liar[kHandle] = 1;
console.log(report(() => liar.count));
liar[kHandle] = { count: () => 'guest' };
console.log(report(() => liar.count));
liar[kMap] = new Map();
console.log(report(() => liar.percentiles.size));
// A moved handle is that histogram's own, as in Node.
const mover = createHistogram();
mover[kHandle] = victim[kHandle];
console.log(report(() => mover.count), report(() => h.add(mover)), h.count, victim.count);
console.log(report(() => [h.count, h.min, h.max, victim.max].join(',')));`);
    expect(out).toEqual([
      'TypeError ERR_INVALID_ARG_TYPE The "other" argument must be an instance of RecordableHistogram. Received an instance of Object',
      'TypeError ERR_INVALID_ARG_TYPE The "other" argument must be an instance of RecordableHistogram. Received an instance of Object',
      'TypeError ERR_INVALID_ARG_TYPE The "other" argument must be an instance of RecordableHistogram. Received an instance of Object',
      'TypeError ERR_INVALID_ARG_TYPE The "other" argument must be an instance of RecordableHistogram. Received an instance of Object',
      'TypeError ERR_INVALID_ARG_TYPE The "other" argument must be an instance of RecordableHistogram. Received an instance of Object',
      'TypeError undefined Illegal invocation',
      'TypeError undefined Illegal invocation',
      'TypeError undefined Illegal invocation',
      'TypeError undefined Illegal invocation',
      'TypeError undefined Illegal invocation',
      'TypeError undefined Illegal invocation',
      'TypeError ERR_ILLEGAL_CONSTRUCTOR Illegal constructor',
      expect.stringMatching(/^TypeError undefined Method Map.prototype.set called on incompatible receiver/),
      expect.stringMatching(/^TypeError undefined Method Map.prototype.set called on incompatible receiver/),
      expect.stringMatching(/^TypeError undefined .*is not a function$/),
      'ok guest',
      expect.stringMatching(/^TypeError undefined .*is not a function$/),
      'ok 1 ok undefined 2 1',
      'ok 2,5,7,7',
    ]);
  });

  it('refuses the ranges that abort node, and keeps working', async () => {
    const out = await lines(`${REPORT}
for (const options of [{ lowest: 0n, highest: 2n }, { lowest: -5n, highest: 2n }, { lowest: 2 ** 50, highest: 2 ** 53 - 1, figures: 5 }, { lowest: 2n ** 52n, highest: 2n ** 60n },
  { lowest: 1n, highest: 2n ** 64n - 1n }, { lowest: 2n ** 64n + 1n, highest: 2n ** 66n }]) {
  console.log(report(() => createHistogram(options)));
}
const h = createHistogram({ lowest: 2 ** 44, highest: 2 ** 53 - 1, figures: 5 });
h.record(2 ** 50);
console.log(report(() => h.count), require('crypto').createHash('sha256').update('x').digest('hex').length);`);
    expect(out).toEqual([
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.lowest' is invalid. Received 0n",
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.lowest' is invalid. Received -5n",
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.lowest' is invalid. Received 1125899906842624",
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.lowest' is invalid. Received 4503599627370496n",
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.highest' is invalid. Received 18446744073709551615n",
      "RangeError ERR_INVALID_ARG_VALUE The property 'options.highest' is invalid. Received 73786976294838206464n",
      'ok 1 64',
    ]);
  });

  it('replaced intrinsics change nothing the histograms build', async () => {
    const out = await lines(`${REPORT}
Map.prototype.set = () => { throw new Error('hijacked set'); };
Map.prototype.entries = () => { throw new Error('hijacked entries'); };
Object.fromEntries = () => 'hijacked';
Object.defineProperty = () => { throw new Error('hijacked defineProperty'); };
const h = createHistogram();
h.record(3);
console.log(report(() => [...h.percentiles].join(';')), report(() => JSON.stringify(h)), report(() => monitorEventLoopDelay().enable()));`);
    expect(out).toEqual(['ok 0,3;100,3 ok {"count":1,"min":3,"max":3,"mean":3,"exceeds":0,"stddev":0,"percentiles":{"0":3,"100":3}} ok true']);
  });

  it('bounds live histograms with a clear error, keeps working, and releases collected ones', async () => {
    const out = await lines(`${REPORT}
const fs = require('fs');
let kept = [];
let error;
try { for (;;) kept.push(createHistogram()); } catch (e) { error = e; }
console.log(kept.length, error.name, error.code, error.message);
console.log(report(() => monitorEventLoopDelay()), report(() => createHistogram({ figures: 1 })));
kept[0].record(42);
console.log(kept[0].count, kept[0].max, kept.at(-1).count);
fs.writeFileSync('/after.txt', 'still here');
console.log(fs.readFileSync('/after.txt', 'utf8'), performance.now() > 0);
const total = kept.length;
kept = [];
(async () => {
  // Dropped histograms are released when they are collected: a whole second batch fits in time.
  let made = [];
  for (let turn = 0; turn < 5000 && made.length < total; turn++) {
    let junk = [];
    for (let i = 0; i < 1000; i++) junk.push({ i, s: 'x'.repeat(64) });
    junk = null;
    await new Promise((r) => setImmediate(r));
    try { for (;;) { made.push(createHistogram()); if (made.length === total) break; } } catch {}
  }
  console.log('second batch', made.length === total);
})();`);
    const perHistogram = 45056 * 8 + 16 * 1024;
    const fits = Math.floor(MAX_HISTOGRAM_BYTES / perHistogram);
    expect(out).toEqual([
      `${fits} RangeError ERR_HISTOGRAM_SANDBOX_LIMIT The live histograms' counts would take ${(fits + 1) * perHistogram} bytes, more than the sandbox limit of ${MAX_HISTOGRAM_BYTES} (each is released when it is collected)`,
      expect.stringMatching(/^RangeError ERR_HISTOGRAM_SANDBOX_LIMIT .* ok \[object Object\]$/),
      '1 42 0',
      'still here true',
      'second batch true',
    ]);
  }, 30_000);
});

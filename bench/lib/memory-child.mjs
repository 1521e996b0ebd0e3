/**
 * One memory case in its own process (see memory.mjs): argv[2] is
 * `{"impl","op","bytes","iterations"}`; prints one JSON line with the peaks in MiB.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { batchOf, buildFiles, caseList, MiB, MODES } from './cases.mjs';
import { procStatus, resetPeak } from './memory.mjs';

const spec = JSON.parse(process.argv[2]);
const { create } = await import(`../adapters/${spec.impl}.mjs`);
const built = buildFiles([spec.bytes]);
const c = caseList(MODES.quick, [spec.bytes]).find((x) => x.op === spec.op && x.bytes === spec.bytes);
const { expect } = built;
// Only the file this case reads (a write needs none): nothing else in the volume.
const files = built.files.filter((f) => f.path === c.path);
built.files.length = 0;
const batch = { ...batchOf(MODES.quick, c, expect), minIter: spec.iterations, maxIter: spec.iterations, budgetUs: 0 };

const adapter = create();
await adapter.setup(files);
// One call first, outside the measurement: code warmed up, write data generated (it is the caller's).
const warm = await adapter.run(c.op, c.path, c.bytes, { ...batch, minIter: 1, maxIter: 1 });
if (warm.error) {
  console.log(JSON.stringify({ ...spec, error: warm.error }));
  process.exit(0);
}
// Settle: collect the set-up garbage of the host isolate, let Workers finish starting.
files.length = 0;
globalThis.gc?.();
await sleep(100);
globalThis.gc?.();

const exact = resetPeak();
const before = procStatus();
const base = process.memoryUsage();
const peak = { arrayBuffers: base.arrayBuffers, external: base.external };
const sample = () => {
  const m = process.memoryUsage();
  if (m.arrayBuffers > peak.arrayBuffers) peak.arrayBuffers = m.arrayBuffers;
  if (m.external > peak.external) peak.external = m.external;
};
const timer = setInterval(sample, 2);
const report = await adapter.run(c.op, c.path, c.bytes, batch, sample);
clearInterval(timer);
sample();
const after = procStatus();
await adapter.teardown();

const mib = (x) => Math.round((x / MiB) * 10) / 10;
console.log(
  JSON.stringify({
    ...spec,
    error: report.error,
    calls: report.samples?.length ?? 0,
    peakRssMiB: exact ? mib(after.hwm - before.rss) : null,
    peakArrayBuffersMiB: mib(peak.arrayBuffers - base.arrayBuffers),
    peakExternalMiB: mib(peak.external - base.external),
    baseRssMiB: mib(before.rss),
    peakRssAbsMiB: mib(after.hwm),
  }),
);
process.exit(0);

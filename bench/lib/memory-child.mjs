/**
 * One memory case in its own process (see memory.mjs): argv[2] is
 * `{"impl","op","bytes","iterations"}`; prints one JSON line with the peaks in MiB.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { batchOf, buildFiles, caseList, MODES } from './cases.mjs';
import { measurePeaks } from './memory.mjs';

const spec = JSON.parse(process.argv[2]);
const { create } = await import(`../adapters/${spec.impl}.mjs`);
const built = buildFiles([spec.bytes], { text: spec.op === 'readFileSync.utf8' });
const c = caseList(MODES.quick, [spec.bytes]).find((x) => x.op === spec.op && x.bytes === spec.bytes);
const { expect } = built;
// Only the file this case reads (a write needs none): nothing else in the volume.
const files = built.files.filter((f) => f.path === c.path);
built.files.length = 0;
const batch = batchOf(MODES.quick, c, expect);

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

const peaks = await measurePeaks(adapter, c, batch, spec.iterations);
await adapter.teardown();
console.log(JSON.stringify({ ...spec, ...peaks }));
process.exit(0);

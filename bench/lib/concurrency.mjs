import { binPath, buildFiles, MiB } from './cases.mjs';
import { median, percentile } from './stats.mjs';

export const COUNTS = [1, 2, 4, 8];

/**
 * N guests of one implementation reading a 1 MiB file `reads` times each, all told to start in the
 * same host tick. Aggregate throughput = every byte read / the host's wall time from the start
 * signal to the last report. Implementations and counts are interleaved; the best-of is not taken:
 * the median of `rounds` bursts is.
 */
export async function runConcurrency({ impls, mode, log }) {
  const { files, expect } = buildFiles([MiB], { text: false });
  const path = binPath(MiB);
  const want = expect.get(path);
  const fleets = new Map();
  for (const name of impls) {
    const { create } = await import(`../adapters/${name}.mjs`);
    const fleet = Array.from({ length: Math.max(...COUNTS) }, () => create());
    await Promise.all(fleet.map((a) => a.setup(files.filter((f) => f.path === path))));
    fleets.set(name, fleet);
  }
  const rows = [];
  try {
    for (const [, fleet] of fleets) await Promise.all(fleet.map((a) => a.burst(path, 2, want))); // warm-up
    for (const n of COUNTS) {
      const walls = new Map(impls.map((x) => [x, []]));
      const lat = new Map(impls.map((x) => [x, []]));
      for (let round = 0; round < mode.burstRounds; round++) {
        for (const name of rotate(impls, round + n)) {
          const guests = fleets.get(name).slice(0, n);
          const t0 = performance.now();
          const reports = await Promise.all(guests.map((a) => a.burst(path, mode.burstReads, want)));
          const wall = (performance.now() - t0) * 1000;
          for (const r of reports) {
            if (r.error) throw new Error(`${name} x${n}: ${r.error}`);
            lat.get(name).push(...r.samples);
          }
          walls.get(name).push(wall);
        }
      }
      for (const name of impls) {
        const wall = median(walls.get(name));
        const mbPerS = (n * mode.burstReads * MiB) / wall;
        rows.push({ impl: name, sandboxes: n, aggregateMbPerS: mbPerS, medianUs: median(lat.get(name)), p95Us: percentile(lat.get(name), 95), wallMs: wall / 1000 });
        log(`  concurrency ${name} x${n}: ${mbPerS.toFixed(0)} MB/s aggregate`);
      }
    }
  } finally {
    for (const fleet of fleets.values()) await Promise.all(fleet.map((a) => a.teardown()));
  }
  for (const r of rows) r.scaling = r.aggregateMbPerS / rows.find((x) => x.impl === r.impl && x.sandboxes === 1).aggregateMbPerS;
  return rows;
}

export function rotate(list, k) {
  const s = ((k % list.length) + list.length) % list.length;
  return [...list.slice(s), ...list.slice(0, s)];
}

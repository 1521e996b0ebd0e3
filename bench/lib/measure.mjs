import { batchOf, BYTE_OPS } from './cases.mjs';
import { rotate } from './concurrency.mjs';
import { us } from './report.mjs';
import { median, mbPerS, percentile, round } from './stats.mjs';
import { sizeLabel } from './svg.mjs';

/**
 * The timing phase and its results: every case on every implementation, interleaved round-robin,
 * then one JSON row per case and implementation (missing ones included and marked).
 */

/** Median cost of one timing sample where each implementation takes them. */
export async function timerCost(adapters) {
  const out = {};
  const batch = { minIter: 2000, maxIter: 2000, budgetUs: 0, expect: null };
  for (const [name, a] of adapters) {
    const r = await a.run('timer', '', 0, batch);
    out[name] = round(median(r.samples.slice(200)));
  }
  return out;
}

/** The timing phase: every case, every implementation, interleaved round-robin. */
export async function measure(adapters, mode, cases, expect, missing, errors, log) {
  const samples = new Map();
  const available = (impl, op) => !missing.has(`${impl}|${op}`);
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const large = c.bytes >= 16 * 1024 * 1024;
    const first = !mode.warmLarge && large ? 1 : 0;
    const rounds = large ? mode.roundsLarge : mode.rounds;
    for (let round = first; round <= rounds; round++) {
      for (const impl of rotate([...adapters.keys()], ci + round)) {
        if (!available(impl, c.op)) continue;
        const key = `${c.op}|${c.bytes}|${impl}`;
        if (samples.get(key)?.failed) continue;
        const batch = { ...batchOf(mode, c, expect), fullCheck: round === first };
        const report = await adapters.get(impl).run(c.op, c.path, c.bytes, batch);
        if (!samples.has(key)) samples.set(key, { samples: [], failed: false });
        if (report.error) {
          errors.push(`${impl} ${c.op} ${sizeLabel(c.bytes)}: ${report.error.split('\n')[0]}`);
          samples.get(key).failed = true;
          log(`  FAILED ${impl} ${c.op} ${sizeLabel(c.bytes)}: ${report.error}`);
          continue;
        }
        if (round > 0) samples.get(key).samples.push(...report.samples);
      }
    }
    const line = [...adapters.keys()].map((impl) => `${impl} ${us(median(samples.get(`${c.op}|${c.bytes}|${impl}`)?.samples ?? []))}`).join(', ');
    log(`  ${c.op} ${BYTE_OPS.has(c.op) ? sizeLabel(c.bytes) : ''}: ${line} µs`);
  }
  return samples;
}

/** The JSON rows: one per case and implementation, missing ones included and marked. */
export function resultRows(cases, impls, samples, missing, memory) {
  const rows = [];
  for (const c of cases) {
    for (const impl of impls) {
      const key = `${c.op}|${c.bytes}|${impl}`;
      const s = samples.get(key);
      const mem = memory.find((m) => m.impl === impl && m.op === c.op && m.bytes === c.bytes && !m.error);
      const base = { op: c.op, bytes: c.bytes, impl };
      if (missing.has(`${impl}|${c.op}`) || !s || s.failed || s.samples.length === 0) {
        const why = missing.get(`${impl}|${c.op}`) ?? (s?.failed ? 'failed verification' : 'not measured');
        rows.push({ ...base, medianUs: null, p95Us: null, mbPerS: null, peakRssMiB: null, missing: why });
        continue;
      }
      const m = median(s.samples);
      rows.push({
        ...base,
        medianUs: round(m),
        p95Us: round(percentile(s.samples, 95)),
        mbPerS: BYTE_OPS.has(c.op) ? round(mbPerS(c.bytes, m)) : null,
        peakRssMiB: mem?.peakRssMiB ?? null,
        peakArrayBuffersMiB: mem?.peakArrayBuffersMiB ?? null,
        peakExternalMiB: mem?.peakExternalMiB ?? null,
        calls: s.samples.length,
      });
    }
  }
  const get = (op, bytes, impl) => rows.find((r) => r.op === op && r.bytes === bytes && r.impl === impl && r.medianUs !== null);
  for (const r of rows) {
    if (r.medianUs === null) continue;
    const floor = get(r.op, r.bytes, 'floor');
    const legacy = get(r.op, r.bytes, 'legacy');
    r.ratioToFloor = floor && floor.medianUs > 0 ? round(r.medianUs / floor.medianUs) : null;
    r.speedupVsLegacy = legacy && r.medianUs > 0 ? round(legacy.medianUs / r.medianUs) : null;
  }
  return rows;
}


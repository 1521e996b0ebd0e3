import { BYTE_OPS, IMPLS, MiB, OPS } from './cases.mjs';
import { IDLE_LIMIT_MS_PER_S } from './idle.mjs';
import { sizeLabel } from './svg.mjs';

/** Formats a time in microseconds with about three significant digits. */
export function us(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return Math.round(x).toLocaleString('en-US');
}

function num(x, digits = 1) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits);
}

const times = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${num(x, x < 10 ? 2 : 1)}×`);
const sizeOf = (r) => (BYTE_OPS.has(r.op) ? sizeLabel(r.bytes) : '(16 B file)');

/** Finds the result row of one op, size and implementation. */
export function finder(results) {
  const map = new Map(results.map((r) => [`${r.op}|${r.bytes}|${r.impl}`, r]));
  return (op, bytes, impl) => map.get(`${op}|${bytes}|${impl}`);
}

/** The issue's targets, evaluated on the results. */
export function evaluateTargets(results) {
  const get = finder(results);
  const med = (op, bytes, impl) => get(op, bytes, impl)?.medianUs ?? null;
  const out = [];
  const add = (id, text, value, ok, figures, missing) =>
    out.push({ id, target: text, value, status: missing ? 'missing' : ok ? 'met' : 'missed', figures });
  const ratio = (a, b) => (a !== null && b !== null && b > 0 ? a / b : null);

  const rl = ratio(med('readFileSync', MiB, 'legacy'), med('readFileSync', MiB, 'raw'));
  add('read-vs-legacy', 'raw >= 20x faster than legacy, readFileSync 1 MiB', rl, rl !== null && rl >= 20,
    `legacy ${us(med('readFileSync', MiB, 'legacy'))} us / raw ${us(med('readFileSync', MiB, 'raw'))} us = ${times(rl)}`, rl === null);
  for (const bytes of [MiB, 16 * MiB]) {
    const rf = ratio(med('readFileSync', bytes, 'raw'), med('readFileSync', bytes, 'floor'));
    add(`read-vs-floor-${sizeLabel(bytes).replace(' ', '')}`, `raw within 2x of floor, readFileSync ${sizeLabel(bytes)}`, rf, rf !== null && rf <= 2,
      `raw ${us(med('readFileSync', bytes, 'raw'))} us / floor ${us(med('readFileSync', bytes, 'floor'))} us = ${times(rf)}`, rf === null);
  }
  for (const op of ['statSync', 'existsSync']) {
    const raw = get(op, 0, 'raw');
    const missing = !raw || raw.medianUs === null;
    const proxy = `; for scale, raw readFileSync 0 B: ${us(med('readFileSync', 0, 'raw'))} us, synckit ${us(med('readFileSync', 0, 'synckit'))} us`;
    const m = raw?.medianUs ?? null;
    add(`${op}-latency`, `small call ${op}: raw median <= 10 us`, m, m !== null && m <= 10,
      missing ? `${op} is missing in the guest fs${proxy}` : `raw median ${us(m)} us`, missing);
    const sk = ratio(med(op, 0, 'synckit'), m);
    add(`${op}-vs-synckit`, `small call ${op}: raw >= 4x faster than synckit`, sk, sk !== null && sk >= 4,
      missing ? `${op} is missing in the guest fs` : `synckit ${us(med(op, 0, 'synckit'))} us / raw ${us(m)} us = ${times(sk)}`, missing);
  }
  const wl = ratio(med('writeFileSync', MiB, 'legacy'), med('writeFileSync', MiB, 'raw'));
  add('write-vs-legacy', 'writes: raw >= 10x faster than legacy, writeFileSync 1 MiB', wl, wl !== null && wl >= 10,
    `legacy ${us(med('writeFileSync', MiB, 'legacy'))} us / raw ${us(med('writeFileSync', MiB, 'raw'))} us = ${times(wl)}`, wl === null);
  return out;
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map((h) => (/^(op|size|impl|target|scenario|result|status|figures)$/.test(h) ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The compact table: median per call of every implementation, and the key ratios. */
export function summaryTable(doc) {
  const get = finder(doc.results);
  const rows = [];
  for (const op of OPS) {
    const sizes = [...new Set(doc.results.filter((r) => r.op === op).map((r) => r.bytes))].sort((a, b) => a - b);
    for (const bytes of sizes) {
      const m = Object.fromEntries(IMPLS.map((i) => [i, get(op, bytes, i)?.medianUs ?? null]));
      const cell = (i) => (get(op, bytes, i)?.missing ? 'missing' : us(m[i]));
      const r = (a, b) => (a !== null && b !== null && b > 0 ? a / b : null);
      rows.push([op, sizeOf({ op, bytes }), ...IMPLS.map(cell), times(r(m.raw, m.floor)), times(r(m.legacy, m.raw)), times(r(m.synckit, m.raw))]);
    }
  }
  return table(['op', 'size', 'raw µs', 'legacy µs', 'floor µs', 'synckit µs', 'raw ÷ floor', 'legacy ÷ raw', 'synckit ÷ raw'], rows);
}

/** Every figure of every case. */
export function detailTable(doc) {
  const rows = doc.results.map((r) =>
    r.missing
      ? [r.op, sizeOf(r), r.impl, 'missing', '', '', '', '', '']
      : [r.op, sizeOf(r), r.impl, us(r.medianUs), us(r.p95Us), r.mbPerS === null ? '–' : num(r.mbPerS), times(r.ratioToFloor), times(r.speedupVsLegacy), String(r.calls)],
  );
  return table(['op', 'size', 'impl', 'median µs', 'p95 µs', 'MB/s', 'time ÷ floor', 'legacy ÷ time', 'calls'], rows);
}

export function memoryTable(doc) {
  const rows = doc.memory.map((m) =>
    m.error
      ? [m.op, sizeLabel(m.bytes), m.impl, m.error.slice(0, 80), '', '', '']
      : [m.op, sizeLabel(m.bytes), m.impl, num(m.peakRssMiB), num(m.peakArrayBuffersMiB), num(m.peakExternalMiB), num(m.baseRssMiB)],
  );
  return table(['op', 'size', 'impl', 'peak RSS +MiB (process)', 'peak ArrayBuffers +MiB (host isolate)', 'peak external +MiB (host isolate)', 'RSS before, MiB'], rows);
}

export function concurrencyTable(doc) {
  return table(
    ['impl', 'sandboxes', 'aggregate MB/s', 'scaling vs 1', 'per-read median µs', 'per-read p95 µs'],
    doc.concurrency.map((c) => [c.impl, String(c.sandboxes), num(c.aggregateMbPerS), times(c.scaling), us(c.medianUs), us(c.p95Us)]),
  );
}

export function idleTable(doc) {
  return table(
    ['scenario', 'CPU ms per s', 'above baseline', 'result'],
    doc.idle.map((r) => [r.scenario, num(r.cpuMsPerS), num(r.excessMsPerS), r.expectIdle ? (r.idle ? 'idle' : 'BURNS CPU') : r.idle ? 'control NOT detected' : 'control detected (spins)']),
  );
}

export function targetsTable(targets) {
  return table(['target', 'status', 'figures'], targets.map((t) => [t.target, t.status.toUpperCase(), t.figures]));
}

/** The whole markdown report; `extra` sections (markdown text) go before the errors. */
export function markdown(doc, extra = []) {
  const m = doc.machine;
  const parts = [];
  parts.push(`# v8-fs-bridge benchmark (${doc.mode})`);
  parts.push(
    `Machine: ${doc.cpu}, ${m.memoryGiB} GiB, ${m.os}; Node ${doc.node}. Date: ${doc.date}. ` +
      `Load average (1 min) ${m.loadStart} at start, ${m.loadEnd} at end${m.loadStart > 0.5 ? ': other processes shared the machine, expect noise' : ''}. ` +
      `Tree: ${m.commit ?? 'unknown commit'}${m.changedFiles ? ` with ${m.changedFiles} changed tracked files` : ''}; run took ${m.seconds} s.`,
  );
  parts.push(
    `Method: every implementation runs the same timing loop (bench/lib/kernel.mjs) where the calls are made: inside the sandboxed guest for raw and legacy (timed with the guest's process.hrtime), ` +
      `in the synckit guest Worker, on the host thread for floor. Cases are interleaved round-robin (${doc.settings.rounds} rounds, ${doc.settings.roundsLarge} for 16 MiB and more, after a warm-up round${doc.settings.warmUpLarge ? '' : ' (none for 16 MiB and more)'}; at least ${doc.settings.budgetMs} ms per batch); ` +
      `figures are medians and p95 of all calls. Every result is verified (length and checksum; writes are read back on the host). MB = 10^6 bytes. ` +
      (doc.settings.spinIterations !== null ? `Sandboxes: spinIterations ${doc.settings.spinIterations}, hostSpinMicros ${doc.settings.hostSpinMicros ?? 'n/a'}, window ${doc.settings.windowBytes / 1024} KiB. ` : '') +
      `Timer cost per sample (median): ${Object.entries(doc.timerUs).map(([k, v]) => `${k} ${us(v)} µs`).join(', ')} (included, not subtracted).`,
  );
  if (doc.wire.length) parts.push(`Wire check: ${doc.wire.map((w) => `${w.impl}: ${w.text}`).join('; ')}.`);
  if (doc.missing.length) parts.push(`## Missing\n\n${doc.missing.map((x) => `- ${x}`).join('\n')}`);
  parts.push(`## Targets\n\n${targetsTable(doc.targets)}`);
  parts.push(`## Median time per call\n\n\`raw ÷ floor\`: how many times the floor's time (1.00× = no cost over in-process memfs); \`legacy ÷ raw\`, \`synckit ÷ raw\`: how many times faster raw is.\n\n${summaryTable(doc)}`);
  parts.push(`## All figures\n\n${detailTable(doc)}`);
  if (doc.memory.length) {
    parts.push(
      `## Peak memory\n\n${doc.settings.memoryInProcess ? `Quick mode: measured in the benchmark process after the timing phase, ${doc.settings.memoryCalls} calls per case (approximate: pages freed by earlier cases are reused, so RSS growth can read low; the full run measures each case in a fresh process).` : `Each case alone in a fresh process, ${doc.settings.memoryCalls} calls after one warm-up call.`} The guest cannot report its own memory, so this is the host process that contains the guest Worker(s): ` +
        `peak RSS is the kernel's high-water mark (whole process: host + Workers) above RSS before the case; ArrayBuffers and external are the host main isolate's only (sampled every 2 ms), the guest isolate's buffers show only in RSS.\n\n${memoryTable(doc)}`,
    );
  }
  if (doc.concurrency.length) parts.push(`## Concurrency: N guests reading a 1 MiB file at once\n\n${doc.settings.burstReads} reads per guest, median of ${doc.settings.burstRounds} bursts; aggregate = all bytes / host wall time.\n\n${concurrencyTable(doc)}`);
  if (doc.idle.length) parts.push(`## Idle CPU\n\nprocess.cpuUsage (all threads) over ${doc.settings.idleMs} ms; limit ${IDLE_LIMIT_MS_PER_S} ms per s above the baseline.\n\n${idleTable(doc)}`);
  parts.push(...extra.map((x) => x.trimEnd()));
  if (doc.errors.length) parts.push(`## Errors\n\n${doc.errors.map((e) => `- ${e}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}

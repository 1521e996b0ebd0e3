#!/usr/bin/env node
/**
 * npm run bench [-- --quick] [--json FILE] [--save] [--impls raw,floor] [--no-memory]
 *                  [--no-concurrency] [--no-idle] [--profile IMPL:OP:BYTES]
 *
 * Side-by-side benchmark of raw (this bridge), legacy (same sandbox, base64 protocol), floor
 * (memfs in-process) and synckit. Prints a markdown report on stdout (progress on stderr).
 * --json FILE writes the results as JSON; --save writes bench/results/latest.{md,json} and
 * throughput.svg (otherwise the chart goes to bench/results/tmp/). --profile writes CPU profiles
 * of one case (host and guest) and prints where the time goes. Exit status 1 when a case fails
 * its verification.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchOf, BYTE_OPS, buildFiles, caseList, IMPLS, MODES } from './lib/cases.mjs';
import { rotate, runConcurrency } from './lib/concurrency.mjs';
import { runIdle } from './lib/idle.mjs';
import { measureAll } from './lib/memory.mjs';
import { evaluateTargets, markdown, us } from './lib/report.mjs';
import { median, mbPerS, percentile, round } from './lib/stats.mjs';
import { sizeLabel, throughputChart } from './lib/svg.mjs';
import { checkWire } from './lib/wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');

function parseArgs(argv) {
  const a = { quick: false, json: null, save: false, impls: IMPLS, memory: true, concurrency: true, idle: true, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--quick') a.quick = true;
    else if (k === '--json') a.json = argv[++i];
    else if (k === '--save') a.save = true;
    else if (k === '--impls') a.impls = argv[++i].split(',').filter((x) => IMPLS.includes(x));
    else if (k === '--no-memory') a.memory = false;
    else if (k === '--no-concurrency') a.concurrency = false;
    else if (k === '--no-idle') a.idle = false;
    else if (k === '--profile') a.profile = argv[++i];
    else if (k === '--help' || k === '-h') {
      console.log('usage: npm run bench [-- --quick] [--json FILE] [--save] [--impls raw,legacy,floor,synckit] [--no-memory] [--no-concurrency] [--no-idle] [--profile IMPL:OP:BYTES]');
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (a.json === undefined) throw new Error('--json needs a file name');
  return a;
}

const log = (s) => process.stderr.write(`${s}\n`);
const t0 = performance.now();
const phase = (name) => log(`-- ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

async function loadAdapters(names, files) {
  const adapters = new Map();
  for (const name of names) {
    const { create } = await import(`./adapters/${name}.mjs`);
    const a = create();
    await a.setup(files);
    adapters.set(name, a);
  }
  return adapters;
}

/** Median cost of one timing sample where each implementation takes them. */
async function timerCost(adapters) {
  const out = {};
  const batch = { minIter: 2000, maxIter: 2000, budgetUs: 0, expect: null };
  for (const [name, a] of adapters) {
    const r = await a.run('timer', '', 0, batch);
    out[name] = round(median(r.samples.slice(200)));
  }
  return out;
}

/** The timing phase: every case, every implementation, interleaved round-robin. */
async function measure(adapters, mode, cases, expect, missing, errors) {
  const samples = new Map();
  const available = (impl, op) => !missing.has(`${impl}|${op}`);
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const first = !mode.warmLarge && c.bytes >= 16 * 1024 * 1024 ? 1 : 0;
    for (let round = first; round <= mode.rounds; round++) {
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
function resultRows(cases, impls, samples, missing, memory) {
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

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.profile) {
    const { profileCase } = await import('./lib/profile.mjs');
    return profileCase(args.profile, join(resultsDir, 'tmp'), log);
  }
  const modeName = args.quick ? 'quick' : 'full';
  const mode = MODES[modeName];
  const started = performance.now();
  const loadStart = os.loadavg()[0];
  log(`v8-fs-bridge bench (${modeName}): ${args.impls.join(', ')}; sizes ${mode.sizes.map(sizeLabel).join(', ')}`);

  const wire = [];
  const missing = new Map();
  const impls = [];
  for (const impl of args.impls) {
    if (impl === 'raw' || impl === 'legacy') {
      const w = await checkWire(impl);
      wire.push({ impl, ...w });
      if (!w.ok) {
        log(`  ${impl}: wire check failed (${w.text}); not measured`);
        for (const op of ['readFileSync', 'promises.readFile', 'readFileSync.utf8', 'writeFileSync', 'statSync', 'existsSync']) missing.set(`${impl}|${op}`, `the ${impl} protocol is not available: ${w.text}`);
        continue;
      }
    }
    impls.push(impl);
  }

  const { files, expect } = buildFiles(mode.sizes);
  const cases = caseList(mode, mode.sizes);
  const adapters = await loadAdapters(impls, files);
  files.length = 0;
  for (const [name, a] of adapters) {
    for (const op of ['statSync', 'existsSync']) if (a.info?.has?.[op] === false) missing.set(`${name}|${op}`, `fs.${op} is not in the guest's fs`);
  }
  const errors = [];
  phase('timing');
  const timerUs = await timerCost(adapters);
  log(`  timer cost per sample: ${JSON.stringify(timerUs)} µs`);
  const samples = await measure(adapters, mode, cases, expect, missing, errors);
  for (const a of adapters.values()) await a.teardown();
  adapters.clear();

  let memory = [];
  phase('memory');
  if (args.memory) {
    const specs = [];
    for (const bytes of mode.memorySizes) for (const op of mode.memoryOps) for (const impl of impls) if (!missing.has(`${impl}|${op}`)) specs.push({ impl, op, bytes, iterations: 3 });
    log(`  memory: ${specs.length} cases, each in a fresh process`);
    memory = await measureAll(specs, 2, (m) => log(`  memory ${m.impl} ${m.op} ${sizeLabel(m.bytes)}: ${m.error ?? `peak RSS +${m.peakRssMiB} MiB`}`));
    for (const m of memory) if (m.error) errors.push(`memory ${m.impl} ${m.op} ${sizeLabel(m.bytes)}: ${m.error}`);
  }
  let concurrency = [];
  phase('concurrency');
  const sandboxed = impls.filter((x) => x !== 'floor');
  if (args.concurrency && sandboxed.length) {
    try {
      concurrency = await runConcurrency({ impls: sandboxed, mode, log });
    } catch (e) {
      errors.push(`concurrency: ${e.message}`);
    }
  }
  let idle = [];
  phase('idle');
  if (args.idle && impls.includes('raw')) idle = await runIdle({ mode, log });
  for (const r of idle) if (!r.ok) errors.push(`idle: ${r.scenario}: ${r.cpuMsPerS.toFixed(1)} ms CPU per s`);

  const cpus = os.cpus();
  const doc = {
    node: process.version,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} x ${cpus.length}`,
    date: new Date().toISOString(),
    mode: modeName,
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      loadStart: Math.round(loadStart * 100) / 100,
      loadEnd: Math.round(os.loadavg()[0] * 100) / 100,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    settings: { rounds: mode.rounds, budgetMs: mode.budgetMs, sizes: mode.sizes, warmUpLarge: mode.warmLarge, memoryCalls: 3, memoryOps: mode.memoryOps, burstReads: mode.burstReads, burstRounds: mode.burstRounds, idleMs: mode.idleMs },
    timerUs,
    wire: wire.map(({ impl, ok, text }) => ({ impl, ok, text })),
    missing: [...new Set([...missing.entries()].map(([k, why]) => `${k.split('|')[1]} (${k.split('|')[0]}): ${why}`))],
    results: resultRows(cases, args.impls, samples, missing, memory),
    memory: memory.map(({ iterations, ...m }) => ({ ...m, calls: m.calls ?? iterations })),
    concurrency: concurrency.map((c) => ({ ...c, aggregateMbPerS: round(c.aggregateMbPerS), medianUs: round(c.medianUs), p95Us: round(c.p95Us), scaling: round(c.scaling), wallMs: round(c.wallMs) })),
    idle: idle.map((r) => ({ ...r, cpuMsPerS: round(r.cpuMsPerS), excessMsPerS: round(r.excessMsPerS) })),
    errors,
  };
  doc.targets = evaluateTargets(doc.results).map((t) => ({ ...t, value: round(t.value) }));
  const md = markdown(doc);
  process.stdout.write(md);

  const svg = throughputChart(doc.results, {
    ops: ['readFileSync', 'promises.readFile', 'readFileSync.utf8', 'writeFileSync'],
    impls: args.impls,
    title: `v8-fs-bridge: throughput by file size (${modeName} run, median per call)`,
    subtitle: `${doc.cpu}, Node ${doc.node}, ${doc.date.slice(0, 10)}; MB = 10^6 bytes`,
  });
  const svgPath = args.save ? join(resultsDir, 'throughput.svg') : join(resultsDir, 'tmp', `throughput-${modeName}.svg`);
  mkdirSync(dirname(svgPath), { recursive: true });
  writeFileSync(svgPath, svg);
  log(`chart: ${svgPath}`);
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(doc, null, 2) + '\n');
    log(`json: ${args.json}`);
  }
  if (args.save) {
    writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(doc, null, 2) + '\n');
    writeFileSync(join(resultsDir, 'latest.md'), md);
    log(`saved: ${join(resultsDir, 'latest.md')}, latest.json, throughput.svg`);
  }
  log(`done in ${doc.machine.seconds} s${errors.length ? `, ${errors.length} error(s)` : ''}`);
  if (errors.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

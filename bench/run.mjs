#!/usr/bin/env node
/**
 * npm run bench [-- --quick] [--json FILE] [--save] [--impls raw,floor] [--no-memory]
 *                  [--no-concurrency] [--no-idle] [--no-modules] [--spin N] [--host-spin MICROS]
 *                  [--profile IMPL:OP:BYTES]
 *
 * Side-by-side benchmark of raw (this bridge), legacy (same sandbox, base64 protocol), floor
 * (memfs in-process) and synckit. Prints a markdown report on stdout (progress on stderr).
 * --json FILE writes the results as JSON; --save writes bench/results/latest.{md,json} and
 * throughput.svg (otherwise the chart goes to bench/results/tmp/). --profile writes CPU profiles
 * of one case (host and guest) and prints where the time goes. --spin N and --host-spin MICROS set
 * the sandboxes' spinIterations and hostSpinMicros limits for the timing phase (default: the
 * sandbox defaults). The module-loading cases (bench/modules.mjs: cold loads of real package trees,
 * installed first when missing) run last; --no-modules skips them. Exit status 1 when a case fails its
 * verification.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchOf, buildFiles, caseList, IMPLS, MODES } from './lib/cases.mjs';
import { runConcurrency } from './lib/concurrency.mjs';
import { measure, resultRows, timerCost } from './lib/measure.mjs';
import { runIdle } from './lib/idle.mjs';
import { MODES as MODULE_MODES, IMPLS as MODULE_IMPLS } from './lib/modules/cases.mjs';
import { runModules } from './lib/modules/index.mjs';
import { modulesMarkdown } from './lib/modules/report.mjs';
import { measureAll, measurePeaks } from './lib/memory.mjs';
import { evaluateTargets, markdown } from './lib/report.mjs';
import { round } from './lib/stats.mjs';
import { sizeLabel, throughputChart } from './lib/svg.mjs';
import { checkWire } from './lib/wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');

function parseArgs(argv) {
  const a = { quick: false, json: null, save: false, impls: IMPLS, memory: true, concurrency: true, idle: true, modules: true, profile: null, spin: undefined, hostSpin: undefined };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--quick') a.quick = true;
    else if (k === '--json') a.json = argv[++i];
    else if (k === '--save') a.save = true;
    else if (k === '--impls') a.impls = argv[++i].split(',').filter((x) => IMPLS.includes(x));
    else if (k === '--no-memory') a.memory = false;
    else if (k === '--no-concurrency') a.concurrency = false;
    else if (k === '--no-idle') a.idle = false;
    else if (k === '--no-modules') a.modules = false;
    else if (k === '--profile') a.profile = argv[++i];
    else if (k === '--spin') a.spin = Number(argv[++i]);
    else if (k === '--host-spin') a.hostSpin = Number(argv[++i]);
    else if (k === '--help' || k === '-h') {
      console.log('usage: npm run bench [-- --quick] [--json FILE] [--save] [--impls raw,legacy,floor,synckit] [--no-memory] [--no-concurrency] [--no-idle] [--no-modules] [--spin N] [--host-spin MICROS] [--profile IMPL:OP:BYTES]');
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (a.json === undefined) throw new Error('--json needs a file name');
  return a;
}

const log = (s) => process.stderr.write(`${s}\n`);

/** The commit measured, and how many files of the working tree differ from it (read-only git calls). */
function treeState() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length;
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: changed };
  } catch {
    return { commit: null, changedFiles: null };
  }
}
const t0 = performance.now();
const phase = (name) => log(`-- ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

async function loadAdapters(names, files, options) {
  const adapters = new Map();
  for (const name of names) {
    const { create } = await import(`./adapters/${name}.mjs`);
    const a = create(options);
    await a.setup(files);
    adapters.set(name, a);
  }
  return adapters;
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
  const adapters = await loadAdapters(impls, files, { spinIterations: args.spin, hostSpinMicros: args.hostSpin });
  files.length = 0;
  const sandboxInfo = (adapters.get('raw') ?? adapters.get('legacy'))?.info;
  for (const [name, a] of adapters) {
    for (const op of ['statSync', 'existsSync']) if (a.info?.has?.[op] === false) missing.set(`${name}|${op}`, `fs.${op} is not in the guest's fs`);
  }
  const errors = [];
  phase('timing');
  const timerUs = await timerCost(adapters);
  log(`  timer cost per sample: ${JSON.stringify(timerUs)} µs`);
  const samples = await measure(adapters, mode, cases, expect, missing, errors, log);

  let memory = [];
  phase('memory');
  if (args.memory) {
    const specs = [];
    for (const bytes of mode.memorySizes) for (const op of mode.memoryOps) for (const impl of impls) if (!missing.has(`${impl}|${op}`)) specs.push({ impl, op, bytes, iterations: 3 });
    const done = (m) => log(`  memory ${m.impl} ${m.op} ${sizeLabel(m.bytes)}: ${m.error ?? `peak RSS +${m.peakRssMiB} MiB`}`);
    if (mode.memoryInProcess) {
      log(`  memory: ${specs.length} cases, in this process (quick: approximate)`);
      for (const spec of specs) {
        const c = cases.find((x) => x.op === spec.op && x.bytes === spec.bytes);
        const m = { ...spec, isolation: 'in-process', ...(await measurePeaks(adapters.get(spec.impl), c, batchOf(mode, c, expect), spec.iterations)) };
        memory.push(m);
        done(m);
      }
    } else {
      for (const a of adapters.values()) await a.teardown();
      log(`  memory: ${specs.length} cases, each in a fresh process`);
      memory = (await measureAll(specs, 2, done)).map((m) => ({ ...m, isolation: 'fresh process' }));
    }
    for (const m of memory) if (m.error) errors.push(`memory ${m.impl} ${m.op} ${sizeLabel(m.bytes)}: ${m.error}`);
  }
  for (const a of adapters.values()) await a.teardown();
  adapters.clear();

  let concurrency = [];
  phase('concurrency');
  const sandboxed = impls.filter((x) => x !== 'floor' && (mode.concurrencyImpls ?? IMPLS).includes(x));
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
  let modules = null;
  phase('modules');
  if (args.modules) {
    try {
      const samples = MODULE_MODES[args.quick ? 'quick' : 'full'].samples;
      modules = await runModules({ impls: MODULE_IMPLS, samples, log });
      for (const e of modules.errors) errors.push(`modules: ${e}`);
    } catch (e) {
      errors.push(`modules: ${e.message}`);
    }
  }

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
      ...treeState(),
    },
    settings: { spinIterations: sandboxInfo?.spinIterations ?? null, hostSpinMicros: sandboxInfo?.hostSpinMicros ?? null, windowBytes: sandboxInfo?.windowBytes ?? null, rounds: mode.rounds, roundsLarge: mode.roundsLarge, budgetMs: mode.budgetMs, sizes: mode.sizes, warmUpLarge: mode.warmLarge, memoryCalls: 3, memoryOps: mode.memoryOps, memoryInProcess: mode.memoryInProcess, burstReads: mode.burstReads, burstRounds: mode.burstRounds, idleMs: mode.idleMs },
    timerUs,
    wire: wire.map(({ impl, ok, text }) => ({ impl, ok, text })),
    missing: [...new Set([...missing.entries()].map(([k, why]) => `${k.split('|')[1]} (${k.split('|')[0]}): ${why}`))],
    results: resultRows(cases, args.impls, samples, missing, memory),
    memory: memory.map(({ iterations, ...m }) => ({ ...m, calls: m.calls ?? iterations })),
    concurrency: concurrency.map((c) => ({ ...c, aggregateMbPerS: round(c.aggregateMbPerS), medianUs: round(c.medianUs), p95Us: round(c.p95Us), scaling: round(c.scaling), wallMs: round(c.wallMs) })),
    idle: idle.map((r) => ({ ...r, cpuMsPerS: round(r.cpuMsPerS), excessMsPerS: round(r.excessMsPerS) })),
    modules,
    errors,
  };
  doc.targets = evaluateTargets(doc.results).map((t) => ({ ...t, value: round(t.value) }));
  const md = markdown(doc, modules ? [modulesMarkdown(modules, { errors: false })] : []);
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

// The allocation watch goes in before any host module loads (see oracles/alloc.ts).
import { setAllocationBound } from './oracles/alloc.js';
import { requestLimit } from '../host/dispatcher/legacy.js';
import type { Dispatcher } from '../host/dispatcher/index.js';
import { categories, makeCase, METHODS, SESSION, type Category } from './generators/index.js';
import { callFrame } from './generators/frames.js';
import { callArgs } from './generators/calls.js';
import { encodeArgs } from '../bridge/wire/values.js';
import { frameSeed, Rng } from './random/index.js';
import { caseBytes, formatReport, frameCount, shrink, signature, type Crash, type FuzzReport } from './report/index.js';
import { runRace, serveAlone, Targets, type TargetOptions } from './targets/index.js';
import type { Case, Finding, FuzzLimits } from './types.js';
import { createSandbox } from '../host/sandbox/index.js';
import { createMemoryVfs } from '../host/vfs/index.js';

export { formatReport, describeCase, type FuzzReport, type Crash } from './report/index.js';
export type { Case, Finding, FuzzLimits } from './types.js';

/**
 * The host-side fuzzer: generated and mutated frames against the decoders, the dispatcher (over a
 * memory volume and a mounted directory) and the shared-memory channel, each checked by the oracles
 * in fuzz/oracles/. `npm run fuzz` runs it (fuzz/cli.ts); test/host/fuzz.test.ts runs a short fixed-seed
 * run inside `npm test`.
 */

/** Options of a run. */
export interface FuzzOptions {
  seed: number;
  /** Frames to send (a case sends one or a few). */
  count: number;
  /** Serve the mount target too. Default true. */
  mount?: boolean;
  /** Run the racing-thread channel cases. Default true. */
  race?: boolean;
  /** Shrink each crash to a minimal reproducer. Default true. */
  shrink?: boolean;
  /** Called with a progress line now and then. */
  progress?: (line: string) => void;
  /** Called with every dispatcher made (tests plant bugs with it, to see the oracles fire). */
  tamper?: (d: Dispatcher) => void;
  /** At the end, run a real Sandbox (a Worker and its guest) and check that it works. Default true. */
  sandbox?: boolean;
  /** Time after which a dispatched frame without an answer is a hang (default 10 s). */
  hangMs?: number;
  /** File size limit of the sandboxes (default 256 KiB: small, so that a breach is cheap to see). */
  maxFileBytes?: number;
}

/** Cases between two rounds of probes (each session reads correctly, the jail is intact). */
const PROBE_EVERY = 1000;
/** Frames between two races (a thread scribbling on the window), and calls per race. */
const RACE_EVERY = 25_000;
const RACE_CALLS = 100;
/** Crashes shrunk per run, and replays per shrink. */
const MAX_SHRINKS = 10;
const SHRINK_REPLAYS = 300;

function targetOptions(options: FuzzOptions): TargetOptions {
  const maxFileBytes = options.maxFileBytes ?? 256 * 1024;
  const limits: FuzzLimits = { maxFileBytes, maxRequestBytes: requestLimit(maxFileBytes), maxAnswerBytes: 32 * maxFileBytes, windows: [4096, 16 * 1024, 64 * 1024] };
  return { limits, mount: options.mount ?? process.platform === 'linux', sessionCases: 500, worldCases: 10_000, slowMs: 3000, hangMs: options.hangMs, tamper: options.tamper };
}

/** The case of index `i` of a run seeded `seed`, generated for `targets`. */
export function caseAt(seed: number, i: number, targets: Targets, all: Record<string, Category> = categories()): Case {
  const rng = new Rng(frameSeed(seed, i));
  const weights: Record<string, number> = {};
  for (const [name, c] of Object.entries(all)) if (c.target !== 'mount' || targets.mount) weights[name] = c.weight;
  const name = rng.weighted(weights);
  return makeCase(rng, name, all, targets.context(all[name]!.target));
}

/** Collects exceptions nobody handled while the run is on. */
function watchUncaught(): { take(): Finding[]; stop(): void } {
  let seen: Finding[] = [];
  const onError = (e: unknown) => void seen.push({ oracle: 'uncaught', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    take: () => {
      const out = seen;
      seen = [];
      return out;
    },
    stop: () => {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}

/** Runs the fuzzer; resolves with what it found. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const topts = targetOptions(options);
  const targets = new Targets(topts);
  const all = categories();
  const report: FuzzReport = { seed: options.seed, cases: 0, frames: 0, seconds: 0, framesPerSecond: 0, categories: {}, notes: {}, crashes: [] };
  const bySignature = new Map<string, Crash>();
  const uncaught = watchUncaught();
  const record = (findings: Finding[], c: Case, index: number, mode: number) => {
    for (const f of findings) {
      const sig = signature(f);
      const known = bySignature.get(sig);
      if (known) known.count++;
      else bySignature.set(sig, { oracle: f.oracle, message: f.message, category: c.category, seed: options.seed, index, count: 1, mode, original: c });
    }
  };
  const tally = (category: string, frames: number, failing: boolean, ms: number) => {
    const s = (report.categories[category] ??= { cases: 0, frames: 0, findings: 0, seconds: 0 });
    s.cases++;
    s.seconds += ms / 1000;
    s.frames += frames;
    if (failing) s.findings++;
  };
  const started = performance.now();
  let nextRace = RACE_EVERY / 2;
  // Atomics.waitAsync does not keep the event loop alive; while the channel waits, this does.
  const alive = setInterval(() => undefined, 1000);
  try {
    for (let i = 0; report.frames < options.count; i++) {
      const c = caseAt(options.seed, i, targets, all);
      const mode = c.target === 'mount' ? (targets.mount?.mode ?? 0) : targets.memfs.mode;
      if (process.env.FUZZ_TRACE) process.stderr.write(`${i} ${c.category}\n`);
      const served = performance.now();
      const outcome = await targets.serve(c);
      const ms = performance.now() - served;
      const findings = [...outcome.findings, ...uncaught.take()];
      for (const note of outcome.notes) report.notes[note] = (report.notes[note] ?? 0) + 1;
      const frames = frameCount(c);
      report.cases++;
      report.frames += frames;
      tally(c.category, frames, findings.length > 0, ms);
      record(findings, c, i, mode);
      if (findings.length > 0 || report.cases % PROBE_EVERY === 0) {
        const probed = await targets.probe();
        if (probed.length > 0) record(probed, { ...c, category: `probe after ${c.category}` }, i, mode);
      }
      if ((options.race ?? true) && report.frames >= nextRace) {
        nextRace += RACE_EVERY;
        if (process.env.FUZZ_TRACE) process.stderr.write(`race\n`);
        const raced = performance.now();
        const race = await raceCase(options.seed, i, targets, topts);
        report.cases++;
        report.frames += race.calls;
        tally('channel race', race.calls, race.findings.length > 0, performance.now() - raced);
        for (const note of race.notes) report.notes[note] = (report.notes[note] ?? 0) + 1;
        record(race.findings, { target: 'channel', category: 'channel race', window: 4096, steps: [] }, i, 0);
      }
      if (options.progress && report.cases % 5_000 === 0) {
        const s = (performance.now() - started) / 1000;
        options.progress(`${report.frames} frames, ${Math.round(report.frames / s)} frames/s, ${bySignature.size} crash signature(s)`);
      }
    }
    report.seconds = (performance.now() - started) / 1000;
    report.framesPerSecond = report.frames / report.seconds;
    record([...(await targets.probe()), ...uncaught.take()], { target: 'codec', category: 'final probe', decoder: 'args', bytes: new Uint8Array(0) }, report.cases, 0);
    if (options.sandbox ?? true) {
      const findings = [...(await sandboxStillWorks()), ...uncaught.take()];
      report.sandbox = findings.length === 0 ? 'works' : 'failed';
      record(findings, { target: 'codec', category: 'final sandbox', decoder: 'args', bytes: new Uint8Array(0) }, report.cases, 0);
    }
  } finally {
    clearInterval(alive);
    setAllocationBound(Infinity);
    uncaught.stop();
    targets.close();
  }
  report.crashes = [...bySignature.values()];
  if (options.shrink ?? true) {
    const shrinking = setInterval(() => undefined, 1000);
    await shrinkCrashes(report.crashes, topts).finally(() => clearInterval(shrinking));
  }
  return report;
}

/** The guest program of the last check: a write, a read, a listing and output, through a real Worker. */
const LAST_PROGRAM = `
const fs = require('fs');
fs.writeFileSync('/out.bin', Buffer.from([0, 1, 2, 255]));
console.log(fs.readFileSync('/in.txt', 'utf8'), fs.readFileSync('/out.bin').length, fs.readdirSync('/').join(','));
`;

/** After the run: a real Sandbox in this process still starts, serves its guest's calls and ends well. */
async function sandboxStillWorks(): Promise<Finding[]> {
  const vfs = createMemoryVfs();
  vfs.writeFileSync('/in.txt', 'still fine');
  const out: Uint8Array[] = [];
  try {
    const sandbox = createSandbox({ vfs, stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void out.push(Buffer.from(b)) });
    const r = await sandbox.run(LAST_PROGRAM, { filename: '/main.js' });
    const text = Buffer.concat(out).toString();
    const written = Buffer.from(vfs.readFileSync('/out.bin') as Uint8Array);
    if (r.exitCode === 0 && text === 'still fine 4 in.txt,out.bin\n' && written.equals(Buffer.from([0, 1, 2, 255]))) return [];
    return [{ oracle: 'recovery', message: `a real sandbox after the run: exit ${r.exitCode}, output ${JSON.stringify(text.slice(0, 200))}` }];
  } catch (e) {
    return [{ oracle: 'recovery', message: `a real sandbox after the run failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** One race: valid calls (generated from the case's seed) while a thread scribbles on the window. */
async function raceCase(seed: number, i: number, targets: Targets, topts: TargetOptions) {
  const rng = new Rng(frameSeed(seed, i) ^ 0x5a5a5a5a);
  const ctx = targets.context('memfs');
  const frames = Array.from({ length: RACE_CALLS }, () => {
    const method = rng.pick(METHODS);
    return callFrame(SESSION, rng.int(1, 1000), method, encodeArgs(callArgs(rng, ctx.world, method)));
  });
  return runRace(targets.channel, topts.limits, frames, rng.u32(), rng.chance(0.5));
}

/** Replays each crash alone and shrinks the ones that fail alone. */
async function shrinkCrashes(crashes: Crash[], topts: TargetOptions): Promise<void> {
  for (const crash of crashes.slice(0, MAX_SHRINKS)) {
    if (crash.category.startsWith('probe') || crash.category === 'final probe' || crash.category === 'channel race') {
      crash.reproducible = false;
      continue;
    }
    const sig = signature(crash);
    const fails = async (c: Case) => (await serveAlone(c, topts, crash.mode)).findings.some((f) => signature(f) === sig);
    setAllocationBound(Infinity);
    crash.reproducible = await fails(crash.original);
    if (!crash.reproducible) continue;
    const slow = crash.oracle === 'slow' || crash.oracle === 'hang';
    crash.minimal = await shrink(crash.original, fails, slow ? 10 : SHRINK_REPLAYS);
    if (caseBytes(crash.minimal) >= caseBytes(crash.original)) crash.minimal = undefined;
  }
}

/** Serves the case of index `index` alone, on fresh targets, and returns its findings and description. */
export async function replay(options: FuzzOptions & { index: number; mode?: number }): Promise<{ c: Case; findings: Finding[] }> {
  const topts = targetOptions(options);
  const targets = new Targets(topts);
  let c: Case;
  try {
    c = caseAt(options.seed, options.index, targets);
  } finally {
    targets.close();
  }
  const alive = setInterval(() => undefined, 1000);
  try {
    const outcome = await serveAlone(c, topts, options.mode ?? 0);
    return { c, findings: outcome.findings };
  } finally {
    clearInterval(alive);
  }
}


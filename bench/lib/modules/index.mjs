/**
 * The module-loading benchmark: loads real package trees (bench/modules) cold, in a fresh run per
 * sample, under plain node and in the sandbox (see cases.mjs for the cases and implementations).
 * Per case: node's run is the reference; each implementation first makes one check run (traced for
 * raw and legacy, so the bridge calls are counted outside the timed runs) that must print what node
 * prints; a run that fails where the guest lacks built-ins the case needs is "blocked", any other
 * difference is an error. Then `samples` rounds, implementations interleaved, every output verified.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryVfs, loadDirectory } from '../../../dist/host/index.js';
import { median, percentile } from '../stats.mjs';
import { CASES } from './cases.mjs';
import { ensureInstalled, treeSize } from '../../../scripts/install-tree.mjs';
import { describeMissing, firstError, guestMissing, nodeNeeds } from './probe.mjs';
import { countCalls, makeRunners } from './runners.mjs';

/** The fixture tree: bench/modules. */
export const TREE = join(dirname(fileURLToPath(import.meta.url)), '../../modules');

/** Copies the tree into fresh memory volumes `times` times; the last volume and the median time. */
function loadVolume(times) {
  const ms = [];
  let vol;
  for (let i = 0; i < times; i++) {
    vol = createMemoryVfs();
    const t = performance.now();
    loadDirectory(vol, TREE);
    ms.push(performance.now() - t);
  }
  return { vol, medianMs: median(ms), ms };
}

const same = (a, b) => a.code === b.code && a.stdout === b.stdout;

/** The check run of one sandbox or CLI implementation: its status, and its bridge calls when traced. */
async function check(runner, c, reference, missing) {
  const trace = runner.name === 'raw' || runner.name === 'legacy' ? [] : null;
  const r = await runner.run(c, trace ? (e) => void trace.push(e) : undefined);
  const calls = trace ? countCalls(trace) : null;
  if (same(r, reference)) return { status: 'runs', calls };
  const error = firstError(r.stderr) || `stdout ${JSON.stringify(r.stdout.slice(0, 200))}`;
  // Blocked: the error is about a built-in the guest lacks (a missing module; a lacking property named
  // in the error line; a read through a property that is null here); any other failure is an error.
  const lacking = missing.flatMap((m) => m.props ?? []);
  const named = lacking.some((p) => new RegExp(`\\b${p.split(' ')[0]}\\b`).test(error));
  const throughNull = /of null \(reading/.test(error) && lacking.some((p) => p.includes('(null here'));
  const blocked = r.code !== 0 && (/ERR_UNKNOWN_BUILTIN_MODULE/.test(r.stderr) || named || throughNull);
  return { status: blocked ? 'blocked' : 'failed', error: `exit ${r.code}: ${error}`, calls };
}

/** Times the running implementations of one case over `samples` interleaved rounds. */
async function time(runners, c, reference, samples, errors) {
  const ms = Object.fromEntries(runners.map((r) => [r.name, []]));
  for (let round = 0; round < samples; round++) {
    for (let i = 0; i < runners.length; i++) {
      const runner = runners[(i + round) % runners.length];
      const r = await runner.run(c);
      if (!same(r, reference)) {
        errors.push(`${c.name} ${runner.name}: sample ${round} printed ${JSON.stringify(r.stdout.slice(0, 120))} (exit ${r.code}), node ${JSON.stringify(reference.stdout.slice(0, 120))}`);
        continue;
      }
      ms[runner.name].push(r.ms);
    }
  }
  return ms;
}

/** One case: reference, needs, checks, timing. */
async function runCase(c, runners, vol, samples, log, errors) {
  const node = runners.find((r) => r.name === 'node') ?? makeRunners(['node'], TREE, vol)[0];
  const reference = await node.run(c);
  const out = { name: c.name, loads: c.loads, role: c.role, stdout: reference.stdout.trim(), impls: {} };
  if (reference.code !== 0) {
    errors.push(`${c.name}: plain node failed (exit ${reference.code}): ${firstError(reference.stderr)}`);
    return out;
  }
  const needs = nodeNeeds(TREE, c.file);
  const missing = await guestMissing(vol, needs);
  Object.assign(out, { compiled: needs.compiled, builtins: Object.keys(needs.builtins).sort(), missing: describeMissing(missing, needs) });
  const timed = [];
  for (const runner of runners) {
    if (runner.name === 'node') {
      out.impls.node = { status: 'runs', calls: null };
      timed.push(runner);
      continue;
    }
    const result = await check(runner, c, reference, missing);
    out.impls[runner.name] = result;
    log(`  ${c.name} ${runner.name}: ${result.status}${result.error ? ` (${result.error})` : ''}${result.calls ? `, ${result.calls.calls} bridge calls` : ''}`);
    if (result.status === 'runs') timed.push(runner);
    if (result.status === 'failed') errors.push(`${c.name} ${runner.name}: ${result.error}`);
  }
  const ms = await time(timed, c, reference, samples, errors);
  const nodeMedian = median(ms.node ?? []);
  for (const [name, list] of Object.entries(ms)) {
    const m = median(list);
    Object.assign(out.impls[name], { samples: list.length, medianMs: m, p95Ms: percentile(list, 95), ratioToNode: Number.isFinite(nodeMedian) ? m / nodeMedian : null });
  }
  return out;
}

/**
 * Runs the benchmark: { tree, loadDirectory, samples, impls, cases, errors }.
 * `cases` and `impls` are names (default: all); `log` gets progress lines.
 */
export async function runModules({ impls, cases = CASES.map((c) => c.name), samples, log = () => {} }) {
  const errors = [];
  const install = ensureInstalled(TREE, log);
  const size = treeSize(TREE);
  log(`  tree: ${install.packages} packages, ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB${install.installed ? `; installed in ${(install.ms / 1000).toFixed(1)} s` : ''}`);
  const { vol, medianMs, ms } = loadVolume(3);
  log(`  loadDirectory into memory: ${medianMs.toFixed(0)} ms (median of ${ms.length})`);
  const runners = makeRunners(impls, TREE, vol);
  const results = [];
  for (const c of CASES.filter((x) => cases.includes(x.name))) results.push(await runCase(c, runners, vol, samples, log, errors));
  return { tree: { packages: install.packages, ...size, installedNow: install.installed, installMs: install.ms }, loadDirectory: { medianMs, ms }, samples, impls, cases: results, errors };
}

#!/usr/bin/env node
/**
 * node bench/load/index.mjs [--sandboxes 8] [--ops 10000] [--max-bytes 8388608] [--runs 1000] [--wave 64]
 *
 * Load without loss. Phase 1: `sandboxes` sandboxes at once (half on the memory filesystem, half on
 * a mount of a temporary directory), each making `ops` mixed operations (reads and writes of random
 * sizes up to `max-bytes`, stat, readdir, rename, unlink, sync and async, host functions), every
 * result checked by the guest against a model of its directory. Phase 2: `runs` short runs in waves
 * of `wave` sandboxes alive at once, each verifying its own write. Reports throughput, latencies,
 * mismatches, and the host's RSS, handles and descriptors before and after (with a GC when node
 * runs with --expose-gc). `npm run load` runs the full size.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSandbox, MountVfs } from '../../dist/host/index.js';

const GUEST = readFileSync(join(import.meta.dirname, 'guest.js'), 'utf8');

/** What the host holds: resident memory, libuv handles, open descriptors. */
function footprint() {
  globalThis.gc?.();
  return {
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    handles: process._getActiveHandles().length,
    handleKinds: process._getActiveHandles().map((h) => h.constructor?.name ?? typeof h).join(' '),
    fds: readdirSync('/proc/self/fd').length,
    fdTargets: readdirSync('/proc/self/fd').map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '?';
      }
    }).sort().join(' '),
  };
}

/** The footprint once the last Workers' handles have closed (they close a moment after exit), within 2 s. */
async function settled(before) {
  let now = footprint();
  for (let waited = 0; waited < 2000 && (now.handles > before.handles || now.fds > before.fds); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = footprint();
  }
  return now;
}

/** `echo` answers what it is given; `corrupt` (the harness's self-check) makes it answer wrongly. */
function hostFunctions(corrupt) {
  return {
    echo: corrupt ? (value) => ({ ...value, i: value.i + 1 }) : (value) => value,
  };
}

/** One sandbox of phase 1: its result line, parsed, with its exit status and stderr. */
async function loaded(k, options, mountDir) {
  const out = [];
  const err = [];
  const sandbox = createSandbox({
    ...(k % 2 === 1 ? { mount: mountDir } : {}),
    hostFunctions: hostFunctions(options.corrupt),
    stdout: (b) => void out.push(Buffer.from(b)),
    stderr: (b) => void err.push(Buffer.from(b)),
  });
  let r;
  try {
    r = await sandbox.run(GUEST, { args: [String(1000 + k * 7919), String(options.ops), String(options.maxBytes), `/load-${k}`] });
  } finally {
    // A mount holds host descriptors until it is closed (or collected).
    if (sandbox.vfs instanceof MountVfs) sandbox.vfs.close();
  }
  const text = Buffer.concat(out).toString().trim();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = { ops: 0, mismatches: 1, wrong: [`unreadable output: ${text.slice(0, 200)}`], latency: {} };
  }
  return { k, exitCode: r.exitCode, terminated: r.terminated, stderr: Buffer.concat(err).toString(), ...report };
}

/** Phase 2: short runs in waves; each writes a file named after itself and reads it back. */
async function churn(runs, wave) {
  let failed = 0;
  const wrong = [];
  // The host's footprint after each quarter of the runs: a leak grows with every quarter.
  const quarters = [];
  const started = performance.now();
  for (let done = 0; done < runs; done += wave) {
    if (quarters.length < Math.floor((done / runs) * 4)) quarters.push(footprint());
    const batch = [];
    for (let j = done; j < Math.min(runs, done + wave); j++) {
      const out = [];
      const sandbox = createSandbox({ stdout: (b) => void out.push(Buffer.from(b)), stderr: () => {} });
      const program = `const fs = require('fs'); fs.writeFileSync('/run', 'run ${j}'); console.log(fs.readFileSync('/run', 'utf8'));`;
      batch.push(
        sandbox.run(program).then((r) => {
          const text = Buffer.concat(out).toString();
          if (r.exitCode !== 0 || text !== `run ${j}\n`) {
            failed++;
            if (wrong.length < 10) wrong.push(`run ${j}: status ${r.exitCode}, output ${JSON.stringify(text)}`);
          }
        }),
      );
    }
    await Promise.all(batch);
  }
  return { runs, failed, wrong, quarters, seconds: (performance.now() - started) / 1000 };
}

/** Runs both phases; the result says everything the report prints. */
export async function runLoad(options = {}) {
  const o = { sandboxes: 8, ops: 10_000, maxBytes: 8 * 1024 * 1024, runs: 1000, wave: 64, corrupt: false, ...options };
  const mountDir = mkdtempSync(join(tmpdir(), 'v8fsb-load-'));
  try {
    // The host's own stdio handles are made on first use: made now, they are not counted as left behind.
    void process.stdout;
    void process.stderr;
    const before = footprint();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: o.sandboxes }, (_, k) => loaded(k, o, mountDir)));
    const seconds = (performance.now() - started) / 1000;
    const afterLoad = footprint();
    const churned = await churn(o.runs, o.wave);
    const after = await settled(before);
    const latency = {};
    for (const r of results) {
      for (const [kind, l] of Object.entries(r.latency ?? {})) {
        const e = (latency[kind] ??= { n: 0, p50: [], p99: 0 });
        e.n += l.n;
        e.p50.push(l.p50);
        e.p99 = Math.max(e.p99, l.p99);
      }
    }
    const ops = results.reduce((n, r) => n + r.ops, 0);
    return {
      options: o,
      phase1: {
        ops,
        seconds,
        opsPerSecond: ops / seconds,
        mismatches: results.reduce((n, r) => n + r.mismatches, 0),
        failures: results.filter((r) => r.exitCode !== 0 || r.stderr !== '').map((r) => `sandbox ${r.k}: status ${r.exitCode}${r.terminated ? ` (${r.terminated})` : ''} ${r.stderr.slice(0, 200)}`),
        wrong: results.flatMap((r) => r.wrong.map((w) => `sandbox ${r.k}: ${w}`)),
        latency,
      },
      phase2: churned,
      footprint: { before, afterLoad, after },
    };
  } finally {
    rmSync(mountDir, { recursive: true, force: true });
  }
}

const ms = (v) => (v < 1 ? `${(v * 1000).toFixed(0)} us` : `${v.toFixed(2)} ms`);

function report(r) {
  const lines = [];
  lines.push(`# Load: ${r.options.sandboxes} sandboxes x ${r.options.ops} operations, then ${r.options.runs} runs in waves of ${r.options.wave}`);
  lines.push('', `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}.`, '');
  const p = r.phase1;
  lines.push(`Phase 1: ${p.ops} operations in ${p.seconds.toFixed(1)} s (${Math.round(p.opsPerSecond)} per second), ${p.mismatches} mismatched answers, ${p.failures.length} failed sandboxes.`, '');
  lines.push('| operation | count | p50 (median of sandboxes) | p99 (worst sandbox) |', '|---|---:|---:|---:|');
  for (const [kind, e] of Object.entries(p.latency).sort()) {
    const p50 = e.p50.sort((a, b) => a - b)[Math.floor(e.p50.length / 2)];
    lines.push(`| ${kind} | ${e.n} | ${ms(p50)} | ${ms(e.p99)} |`);
  }
  const c = r.phase2;
  lines.push('', `Phase 2: ${c.runs} runs in ${c.seconds.toFixed(1)} s (${(c.runs / c.seconds).toFixed(0)} per second), ${c.failed} failed.`, '');
  const f = r.footprint;
  lines.push(`| host | before | after phase 1 | ${c.quarters.map((_, i) => `after ${(i + 1) * 25}% of phase 2 | `).join('')}after phase 2 |`);
  lines.push(`|---|---:|---:|${c.quarters.map(() => '---:|').join('')}---:|`);
  for (const key of ['rssMiB', 'handles', 'fds']) lines.push(`| ${key} | ${f.before[key]} | ${f.afterLoad[key]} | ${c.quarters.map((q) => `${q[key]} | `).join('')}${f.after[key]} |`);
  for (const w of [...p.failures, ...p.wrong, ...c.wrong]) lines.push(`- ${w}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { sandboxes: { type: 'string' }, ops: { type: 'string' }, 'max-bytes': { type: 'string' }, runs: { type: 'string' }, wave: { type: 'string' } },
  });
  const num = (v) => (v === undefined ? undefined : Number(v));
  const opts = Object.fromEntries(
    Object.entries({ sandboxes: num(values.sandboxes), ops: num(values.ops), maxBytes: num(values['max-bytes']), runs: num(values.runs), wave: num(values.wave) }).filter(([, v]) => v !== undefined),
  );
  const r = await runLoad(opts);
  console.log(report(r));
  const lost = r.phase1.mismatches + r.phase1.failures.length + r.phase2.failed;
  process.exit(lost === 0 ? 0 : 1);
}

import { setTimeout as sleep } from 'node:timers/promises';
import { binPath, buildFiles } from './cases.mjs';

/** CPU (user + system, every thread of this process) over `ms` of idle waiting, in ms per second. */
async function cpuPerSecond(ms) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(ms);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / ((performance.now() - t0) / 1000);
}

/** Allowed CPU above the no-guest baseline, ms per s (2% of one core). */
export const IDLE_LIMIT_MS_PER_S = 20;

/**
 * Checks that an idle sandbox burns no CPU: the spin before Atomics.wait must be bounded. Measures
 * process.cpuUsage (all threads) while a guest is blocked in a long host call (its control call,
 * held by the host) and while it sleeps in a timer, against the same process with no guest. A
 * control run with a practically unbounded spin shows that the measurement would see a spinner.
 */
export async function runIdle({ mode, log }) {
  const ms = mode.idleMs;
  const { files } = buildFiles([16], { text: false });
  const small = files.filter((f) => f.path === binPath(16));
  const rows = [];
  const add = (scenario, cpu, expectIdle) => {
    rows.push({ scenario, cpuMsPerS: cpu, expectIdle });
    log(`  idle ${scenario}: ${cpu.toFixed(1)} ms CPU per s`);
  };
  add('no guest (baseline)', await cpuPerSecond(ms), true);

  const { create: raw } = await import('../adapters/raw.mjs');
  const { create: legacy } = await import('../adapters/legacy.mjs');
  for (const [name, create, spin] of [
    ['raw', raw, undefined],
    ['legacy', legacy, undefined],
    ['raw, control: spinIterations 2^31-1', raw, 2 ** 31 - 1],
  ]) {
    const a = create(spin === undefined ? {} : { spinIterations: spin });
    const { spinIterations } = await a.setup(small);
    await sleep(100);
    add(`${name} guest blocked in a long host call (spin ${spinIterations})`, await cpuPerSecond(ms), spin === undefined);
    if (spin === undefined && name === 'raw') {
      const slept = a.sleep(ms + 300);
      await sleep(100);
      add(`raw guest sleeping in a timer (spin ${spinIterations})`, await cpuPerSecond(ms), true);
      await slept;
    }
    await a.teardown();
  }
  const base = rows[0].cpuMsPerS;
  for (const r of rows) {
    r.excessMsPerS = r.cpuMsPerS - base;
    r.idle = r.excessMsPerS <= IDLE_LIMIT_MS_PER_S;
    r.ok = r.expectIdle ? r.idle : !r.idle;
  }
  return rows;
}

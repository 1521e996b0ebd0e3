import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Peak memory of one case, each in a fresh child process so that no case inherits pages another
 * one left mapped. The guest cannot report memory (it has no process.memoryUsage), so what is
 * measured is the host process that contains the guest Worker(s):
 *   - peak RSS: the kernel's high-water mark (VmHWM, reset through /proc/self/clear_refs just
 *     before the case) minus RSS at that moment: host + every Worker, exact, not sampled;
 *   - peak ArrayBuffers / external: process.memoryUsage() of the host's main isolate, sampled
 *     every 2 ms (and after every call for `floor`, whose calls block the main thread): the
 *     guest isolate's buffers are not visible there, so they count only in the RSS column.
 */

const childPath = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));

/** VmRSS and VmHWM of this process, in bytes. */
export function procStatus() {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
export function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const mib = (x) => Math.round((x / 2 ** 20) * 10) / 10;

/**
 * Measures the peaks of `calls` calls of one case on an adapter that is already set up (and warmed
 * up), in this process. Returns the fields of a memory row.
 */
export async function measurePeaks(adapter, c, batch, calls) {
  const exact = resetPeak();
  const before = procStatus();
  const base = process.memoryUsage();
  const peak = { arrayBuffers: base.arrayBuffers, external: base.external };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.arrayBuffers > peak.arrayBuffers) peak.arrayBuffers = m.arrayBuffers;
    if (m.external > peak.external) peak.external = m.external;
  };
  const timer = setInterval(sample, 2);
  const report = await adapter.run(c.op, c.path, c.bytes, { ...batch, minIter: calls, maxIter: calls, budgetUs: 0 }, sample);
  clearInterval(timer);
  sample();
  const after = procStatus();
  return {
    error: report.error,
    calls: report.samples?.length ?? 0,
    peakRssMiB: exact ? mib(after.hwm - before.rss) : null,
    peakArrayBuffersMiB: mib(peak.arrayBuffers - base.arrayBuffers),
    peakExternalMiB: mib(peak.external - base.external),
    baseRssMiB: mib(before.rss),
    peakRssAbsMiB: mib(after.hwm),
  };
}

/** Runs one memory case in a child process and returns its report. */
export function measureInChild(spec) {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--expose-gc', childPath, JSON.stringify(spec)], { maxBuffer: 1 << 20, timeout: 300_000 }, (err, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line));
      } catch {
        resolve({ ...spec, error: `memory child failed: ${err?.message ?? ''} ${stderr.slice(-500)}` });
      }
    });
  });
}

/** Runs `specs` two at a time (memory is per process, so running them side by side is fair). */
export async function measureAll(specs, parallel = 2, onDone = () => {}) {
  const out = new Array(specs.length);
  let next = 0;
  async function lane() {
    while (next < specs.length) {
      const i = next++;
      out[i] = await measureInChild(specs[i]);
      // Someone rebuilding dist/ under a running child makes it fail to load: one retry.
      if (out[i].error?.startsWith('memory child failed')) out[i] = await measureInChild(specs[i]);
      onDone(out[i]);
    }
  }
  await Promise.all(Array.from({ length: parallel }, lane));
  return out;
}

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

/** The DeprecationWarning legacy url.parse emits (once per process, as Node decides in the Worker). */
import type { GuestProcess } from '../registry.js';

type Warner = (message: string, code: string) => void;

/**
 * A warner for the guest's process: its `emitWarning` when it has one; else Node's default output on
 * stderr on the next tick (`(node:PID) [CODE] DeprecationWarning: ...`). `process.noDeprecation`
 * silences it, as in Node.
 */
export function deprecationWarner(process: GuestProcess): Warner {
  return (message, code) => {
    const p = process as unknown as { noDeprecation?: unknown; emitWarning?: unknown; pid: number; stderr: { write(s: string): unknown } };
    if (p.noDeprecation) return;
    if (typeof p.emitWarning === 'function') return void p.emitWarning(message, 'DeprecationWarning', code);
    process.nextTick(() => {
      p.stderr.write(`(node:${p.pid}) [${code}] DeprecationWarning: ${message}\n(Use \`node --trace-deprecation ...\` to show where the warning was created)\n`);
    });
  };
}

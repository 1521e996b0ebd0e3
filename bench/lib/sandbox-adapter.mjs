import { createMemoryVfs, createSandbox } from '../../dist/host/index.js';
import { checksumBytes } from './kernel.mjs';
import { guestProgram } from './guest-program.mjs';
import { Control } from './control.mjs';

/**
 * The adapter of a v8-fs-bridge sandbox (`raw` or `legacy` protocol). One sandbox run (one Worker)
 * lives from setup to teardown; the timing loop runs inside the guest, and the guest fetches each
 * batch from the host through a control call (see control.mjs), where it sits blocked between
 * batches. The host never times anything here: it forwards the guest's own samples.
 */
export function sandboxAdapter(name, protocol, describe) {
  return function create(options = {}) {
    /** @type {import('memfs').Volume} */
    let vfs;
    let sandbox;
    let control;
    let output = '';
    let exited;
    let info;

    return {
      name,
      describe,
      get vfs() {
        return vfs;
      },
      get info() {
        return info;
      },

      /** Loads `files` into a fresh volume, starts the guest and waits for its hello. */
      async setup(files, setupOptions = {}) {
        vfs = setupOptions.vfs ?? createMemoryVfs();
        if (!setupOptions.vfs) for (const f of files) vfs.writeFileSync(f.path, f.bytes);
        control = new Control();
        const keep = (b) => {
          if (output.length < 1 << 16) output += Buffer.from(b).toString();
        };
        sandbox = createSandbox({
          vfs,
          protocol,
          limits: {
            heapMb: 4096,
            ...(options.spinIterations === undefined ? {} : { spinIterations: options.spinIterations }),
            ...(options.hostSpinMicros === undefined ? {} : { hostSpinMicros: options.hostSpinMicros }),
          },
          stdout: keep,
          stderr: keep,
          hostFunctions: control.hostFunctions(),
        });
        exited = sandbox.run(guestProgram(), { filename: '/bench-guest.js' }).then((r) => {
          control.fail(new Error(`${name} guest exited (${JSON.stringify(r)}): ${output.slice(-2000)}`));
          return r;
        });
        const hello = await control.next();
        const { spinIterations, hostSpinMicros = null, windowBytes } = sandbox.limits;
        info = { has: hello.has, spinIterations, hostSpinMicros, windowBytes };
        return info;
      },

      /** Runs one batch in the guest; a write is then read back and checked on the host. */
      async run(op, path, bytes, batch) {
        const report = await control.send({ type: 'batch', ...batch, op, path, bytes });
        if (report.error) return report;
        if (op === 'writeFileSync') {
          const back = vfs.readFileSync(path);
          if (back.length !== batch.expect.length || checksumBytes(back, 1) !== batch.expect.full) {
            return { ...report, error: `written file ${path} reads back as ${back.length} bytes with the wrong checksum` };
          }
        }
        return report;
      },

      /** Reads a 1 MiB file `reads` times in a row once told to (used to start many guests at once). */
      burst(path, reads, expect) {
        return control.send({ type: 'burst', op: 'readFileSync', path, reads, expect });
      },

      /** The guest sleeps in a timer for `ms`, then reports. */
      sleep(ms) {
        return control.send({ type: 'sleep', ms });
      },

      /** Holds the guest blocked in its control call (a long host call) for `ms` before the next command. */
      hold(ms) {
        return control.holdFor(ms);
      },

      async teardown() {
        if (!sandbox) return;
        control.send({ type: 'exit' }).catch(() => {});
        await exited;
        sandbox = undefined;
      },
    };
  };
}

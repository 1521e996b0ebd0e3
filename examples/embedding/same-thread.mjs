// A same-thread host: the guest bridge installed in a plain `vm` context on this thread, its
// transport calling an fs Dispatcher directly. No Worker, no SharedArrayBuffer, no second process.
//
//   node examples/embedding/same-thread.mjs program.js [directory]
//
// runs program.js with `directory` (default: an empty in-memory filesystem) loaded into memory
// as its filesystem, and exits with its status.
//
// This shows the seam, not a sandbox: guest code on the embedder's own thread shares its isolate,
// heap and event loop, so nothing bounds its memory or time and a `process.exit` it catches cannot
// be enforced. Use it where the embedder already isolates code its own way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// In a project that depends on the package: from 'v8-fs-bridge' and 'v8-fs-bridge/guest'.
import { createFsDispatcher, createMemoryVfs, loadDirectory } from '../../dist/host/index.js';
import { createGuestContext, guestBundle, guestConfig } from '../../dist/host/guest/index.js';

/**
 * Runs `source` as the guest's `/main.js` over `vfs`. `protocol` 'raw' (default) or 'legacy' (the
 * host answers as an old one, base64 bytes objects and text errors). Resolves to the exit status.
 */
export function runSameThread(source, { vfs = createMemoryVfs(), protocol = 'raw', stdout, stderr } = {}) {
  const session = 'same-thread';
  const dispatcher = createFsDispatcher(session, { vfs, protocol: protocol === 'legacy' ? 'legacy' : 'negotiate', stdout, stderr });
  return new Promise((done) => {
    let exitCode = 0;
    let inFlight = 0;
    let finished = false;
    let checking = false;

    const finish = (code) => {
      if (finished) return;
      finished = true;
      // Unwinding the guest's stack after an exit can reject its promises: those are not reported.
      setImmediate(() => {
        process.off('uncaughtException', onUncaught);
        process.off('unhandledRejection', onRejection);
      });
      // The guest's 'exit' listeners; one that throws makes the status 1, as in Node.
      const after = guest.api.exit(code);
      dispatcher.close();
      done(typeof after === 'number' ? after : code);
    };
    // The guest is done when it has no ref'd timer and no async call in flight, as Node's loop is.
    const check = () => {
      if (checking || finished) return;
      checking = true;
      setImmediate(() => {
        checking = false;
        if (finished || guest.refedTimers > 0 || inFlight > 0) return;
        guest.api.beforeExit();
        setImmediate(() => {
          if (!finished && guest.refedTimers === 0 && inFlight === 0) finish(exitCode);
        });
      });
    };

    const transport = {
      // The frame is the guest realm's; the dispatcher reads a copy of this realm's.
      callSync: (frame) => dispatcher.handleSync(new Uint8Array(frame)),
      post(frame, weak) {
        if (finished) return false;
        if (!weak) inFlight++;
        void dispatcher.handle(new Uint8Array(frame)).then((reply) => {
          if (!weak) inFlight--;
          if (!finished) guest.api.deliver(reply);
          check();
        });
        return true;
      },
    };
    const guest = createGuestContext({
      bundle: guestBundle(),
      config: guestConfig({ session, source, protocol: 'negotiate' }),
      transport,
      exit: (code) => finish(code),
      setExitCode: (code) => void (exitCode = code),
      onTimers: () => check(),
    });
    // What escapes guest callbacks on this thread reaches the process's handlers while the run lasts.
    const onUncaught = (e) => guest.die(e, 'exception');
    const onRejection = (e) => guest.die(e, 'rejection');
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onRejection);
    guest.runMain();
    check();
  });
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const [program, directory] = process.argv.slice(2);
  if (!program) {
    process.stderr.write('usage: node examples/embedding/same-thread.mjs program.js [directory]\n');
    process.exit(2);
  }
  const vfs = createMemoryVfs();
  if (directory) loadDirectory(vfs, directory);
  process.exitCode = await runSameThread(readFileSync(program, 'utf8'), { vfs });
}

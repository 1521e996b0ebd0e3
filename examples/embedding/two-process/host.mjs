// A two-process host: the guest runs in a separate process (guest.mjs) and its frames reach this
// process's fs Dispatcher as length-prefixed frames over socket descriptors, as the reference
// runtime's IPC carries them.
//
//   node examples/embedding/two-process/host.mjs program.js [directory]
//
// runs program.js with `directory` (default: an empty in-memory filesystem) loaded into memory
// as its filesystem, and exits with its status.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createFsDispatcher, createMemoryVfs, loadDirectory } from '../../../dist/host/index.js';
import { guestConfig } from '../../../dist/host/guest/index.js';
import { prefixed, readFrames } from './frames.mjs';

const GUEST = fileURLToPath(new URL('./guest.mjs', import.meta.url));

/**
 * Runs `source` as the guest's `/main.js` over `vfs` in a guest process. `protocol` 'raw' (default)
 * or 'legacy' (this host answers as an old one). Resolves to the guest's exit status.
 */
export function runTwoProcess(source, { vfs = createMemoryVfs(), protocol = 'raw', stdout, stderr } = {}) {
  const session = 'two-process';
  const dispatcher = createFsDispatcher(session, { vfs, protocol: protocol === 'legacy' ? 'legacy' : 'negotiate', stdout, stderr });
  const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings', GUEST], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe', 'pipe'],
    env: {},
  });
  const [, , , calls, posts] = child.stdio;
  calls.write(prefixed(Buffer.from(guestConfig({ session, source }))));
  // Blocking calls come one at a time: each is answered before the guest sends the next.
  readFrames(calls, (frame) => void dispatcher.handle(frame).then((reply) => calls.write(prefixed(reply))));
  readFrames(posts, (frame) => void dispatcher.handle(frame).then((reply) => posts.write(prefixed(reply))));
  // The guest may end with answers unread: what it no longer reads is not an error here.
  calls.on('error', () => undefined);
  posts.on('error', () => undefined);
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      dispatcher.close();
      done(code ?? (signal ? 128 + 9 : 1));
    });
  });
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const [program, directory] = process.argv.slice(2);
  if (!program) {
    process.stderr.write('usage: node examples/embedding/two-process/host.mjs program.js [directory]\n');
    process.exit(2);
  }
  const vfs = createMemoryVfs();
  if (directory) loadDirectory(vfs, directory);
  process.exitCode = await runTwoProcess(readFileSync(program, 'utf8'), { vfs });
}

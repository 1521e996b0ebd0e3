/**
 * The synckit guest: a Worker whose code gets a synchronous fs through synckit's `createSyncFn`,
 * served by the owner thread (synckit-owner.mjs) that holds the memfs volume. It runs the same
 * kernel (runBatch) as the sandboxed guest, timed with this thread's performance.now().
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSyncFn } from 'synckit';
import { runBatch, runBurst } from './kernel.mjs';

const call = createSyncFn(workerData.ownerPath);
const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

/** The fs a synckit user writes: each call one synchronous round trip to the owner. */
const fs = {
  readFileSync(path, encoding) {
    const r = call('readFile', path, encoding ?? null);
    return typeof r === 'string' ? r : asBuffer(r);
  },
  writeFileSync(path, data) {
    call('writeFile', path, data);
  },
  statSync(path) {
    const st = call('stat', path);
    return { ...st, isFile: () => st.file, isDirectory: () => st.directory };
  },
  existsSync(path) {
    return call('exists', path);
  },
  // synckit has no async form: the promise wraps the same blocking call.
  promises: { readFile: async (path, encoding) => fs.readFileSync(path, encoding) },
};

const now = () => performance.now() * 1000;

async function serve(cmd) {
  switch (cmd.type) {
    case 'load':
      for (const f of cmd.files) call('writeFile', f.path, f.bytes);
      return { loaded: cmd.files.length };
    case 'batch':
      return runBatch(fs, cmd, now);
    case 'checksum':
      return call('checksum', cmd.path);
    case 'burst':
      return runBurst(fs, cmd, now);
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, cmd.ms));
      return { slept: cmd.ms };
    default:
      return { error: `unknown command ${cmd.type}` };
  }
}

parentPort.on('message', async ({ id, cmd }) => {
  let report;
  try {
    report = await serve(cmd);
  } catch (e) {
    report = { error: String(e?.stack ?? e) };
  }
  parentPort.postMessage({ id, report });
});

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const guestPath = fileURLToPath(new URL('../lib/synckit-guest.mjs', import.meta.url));
const ownerPath = fileURLToPath(new URL('../lib/synckit-owner.mjs', import.meta.url));

/**
 * `synckit`: what people use today for a synchronous call into another thread. The guest is a
 * Worker (plain Node, not sandboxed) whose fs calls go through synckit's `createSyncFn` to an owner
 * thread holding a memfs volume; results come back by structured clone. The timing loop runs in
 * that guest Worker. `promises.readFile` wraps the blocking call (synckit has no async form).
 */
export function create() {
  let worker;
  let nextId = 1;
  const pending = new Map();
  let info;

  function send(cmd, transfer) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, cmd }, transfer);
    });
  }

  return {
    name: 'synckit',
    describe: 'a Worker calling a memfs-owning thread synchronously through synckit (structured clone)',
    get info() {
      return info;
    },
    async setup(files) {
      worker = new Worker(guestPath, { workerData: { ownerPath } });
      worker.on('message', ({ id, report }) => {
        pending.get(id)?.resolve(report);
        pending.delete(id);
      });
      const fail = (e) => {
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`synckit guest exited with ${code}`)));
      const loaded = await send({ type: 'load', files });
      if (loaded.error) throw new Error(loaded.error);
      info = { has: { statSync: true, existsSync: true } };
      return info;
    },
    async run(op, path, bytes, batch) {
      const report = await send({ type: 'batch', ...batch, op, path, bytes });
      if (!report.error && op === 'writeFileSync') {
        const back = await send({ type: 'checksum', path });
        if (back.length !== batch.expect.length || back.full !== batch.expect.full) {
          return { ...report, error: `written file ${path} reads back on the owner as ${back.length} bytes with the wrong checksum` };
        }
      }
      return report;
    },
    burst(path, reads, expect) {
      return send({ type: 'burst', path, reads, expect });
    },
    sleep(ms) {
      return send({ type: 'sleep', ms });
    },
    async teardown() {
      if (!worker) return;
      worker.removeAllListeners('exit');
      await worker.terminate();
      worker = undefined;
    },
  };
}

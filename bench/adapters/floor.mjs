import { createMemoryVfs } from '../../dist/host/index.js';
import { checksumBytes, runBatch } from '../lib/kernel.mjs';

/**
 * `floor`: the same call on the same kind of memfs volume, in-process on the host thread, no sandbox
 * and no bridge: what the bridge costs is the distance to this line.
 */
export function create() {
  let vfs;
  const now = () => performance.now() * 1000;
  return {
    name: 'floor',
    describe: 'the same call on a memfs volume in-process (no sandbox, no bridge)',
    get vfs() {
      return vfs;
    },
    info: undefined,
    async setup(files) {
      vfs = createMemoryVfs();
      for (const f of files) vfs.writeFileSync(f.path, f.bytes);
      this.info = { has: { statSync: true, existsSync: true } };
      return this.info;
    },
    async run(op, path, bytes, batch, afterEach) {
      const report = await runBatch(vfs, { ...batch, op, path, bytes }, now, afterEach);
      if (!report.error && op === 'writeFileSync') {
        const back = vfs.readFileSync(path);
        if (back.length !== batch.expect.length || checksumBytes(back, 1) !== batch.expect.full) {
          return { ...report, error: `written file ${path} reads back wrong` };
        }
      }
      return report;
    },
    async teardown() {
      vfs = undefined;
    },
  };
}

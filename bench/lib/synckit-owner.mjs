/**
 * The synckit owner thread: it holds the memfs volume and serves calls that the synckit guest makes
 * synchronously through `createSyncFn` (the usual synckit set-up: an async worker function).
 */
import { Volume } from 'memfs';
import { runAsWorker } from 'synckit';
import { checksumBytes } from './kernel.mjs';

const vol = new Volume();

/** A stat record that survives structured clone (a memfs Stats object would lose its methods). */
function statRecord(st) {
  return { size: st.size, mode: st.mode, mtimeMs: st.mtimeMs, ino: st.ino, nlink: st.nlink, uid: st.uid, gid: st.gid, file: st.isFile(), directory: st.isDirectory() };
}

runAsWorker(async (op, path, arg) => {
  switch (op) {
    case 'readFile':
      return vol.readFileSync(path, arg ?? undefined);
    case 'writeFile':
      vol.writeFileSync(path, arg);
      return undefined;
    case 'stat':
      return statRecord(vol.statSync(path));
    case 'exists':
      return vol.existsSync(path);
    case 'checksum': {
      const bytes = vol.readFileSync(path);
      return { length: bytes.length, full: checksumBytes(bytes, 1) };
    }
    default:
      throw new Error(`unknown op ${op}`);
  }
});

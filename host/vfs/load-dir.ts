import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Volume } from 'memfs';

/**
 * Copies a host directory tree into a memfs volume at `target` (default `/`): files (bytes, mode,
 * times), directories and symlinks (their target text, unchanged). The host tree is only read.
 */
export function loadDirectory(volume: Volume, hostDir: string, target = '/'): void {
  volume.mkdirSync(target, { recursive: true });
  for (const name of readdirSync(hostDir)) {
    const from = join(hostDir, name);
    const to = posix.join(target, name);
    const st = lstatSync(from);
    if (st.isSymbolicLink()) {
      volume.symlinkSync(readlinkSync(from), to);
      continue;
    }
    if (st.isDirectory()) loadDirectory(volume, from, to);
    else if (st.isFile()) volume.writeFileSync(to, readFileSync(from));
    else continue;
    volume.chmodSync(to, st.mode & 0o7777);
    volume.utimesSync(to, st.atime, st.mtime);
  }
}

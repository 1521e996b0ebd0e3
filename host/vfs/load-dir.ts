import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { posix } from 'node:path';
import { bytesToName } from '../../bridge/names/index.js';
import type { Volume } from 'memfs';

/**
 * Copies a host directory tree into a memfs volume at `target` (default `/`): files (bytes, mode,
 * times), directories and symlinks (their target text, unchanged). The host tree is only read.
 * Names keep their bytes (bridge/names), UTF-8 or not.
 */
const SLASH = Buffer.from('/');

export function loadDirectory(volume: Volume, hostDir: string | Buffer, target = '/'): void {
  volume.mkdirSync(target, { recursive: true });
  const dir = typeof hostDir === 'string' ? Buffer.from(hostDir) : hostDir;
  for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
    const from = Buffer.concat([dir, SLASH, raw]);
    const to = posix.join(target, bytesToName(raw));
    const st = lstatSync(from);
    if (st.isSymbolicLink()) {
      volume.symlinkSync(bytesToName(readlinkSync(from, { encoding: 'buffer' })), to);
      continue;
    }
    if (st.isDirectory()) loadDirectory(volume, from, to);
    else if (st.isFile()) volume.writeFileSync(to, readFileSync(from));
    else continue;
    volume.chmodSync(to, st.mode & 0o7777);
    volume.utimesSync(to, st.atime, st.mtime);
  }
}

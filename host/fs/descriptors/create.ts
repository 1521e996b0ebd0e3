import { constants } from 'node:fs';
import type { Vfs } from '../../vfs/index.js';

const { O_CREAT } = constants;

/**
 * POSIX lets the call that creates a file use it as it was opened, whatever mode the new file gets:
 * `open(p, 'w+', 0o444)` reads and writes it. memfs checks the new file's mode at that same open
 * and refuses with EACCES, so a file created without owner read and write is created with them and
 * gets its own mode right after. An existing file is opened as it is (its mode decides).
 */
export function createAccessible<T>(vfs: Vfs, path: string, flags: number, mode: number, create: (mode: number) => T): T {
  if ((flags & O_CREAT) === 0 || (mode & 0o600) === 0o600 || vfs.existsSync(path)) return create(mode);
  const result = create(mode | 0o600);
  vfs.chmodSync(path, mode);
  return result;
}

import { SystemError } from '../dirs/errors.js';

/** cp's SystemErrors, as Node 20 words them: the prefix of each code, its system code and errno. */
const KINDS: Record<string, [prefix: string, code: string, errno: number]> = {
  ERR_FS_CP_DIR_TO_NON_DIR: ['Cannot overwrite non-directory with directory', 'EISDIR', 21],
  ERR_FS_CP_EEXIST: ['Target already exists', 'EEXIST', 17],
  ERR_FS_CP_EINVAL: ['Invalid src or dest', 'EINVAL', 22],
  ERR_FS_CP_FIFO_PIPE: ['Cannot copy a FIFO pipe', 'EINVAL', 22],
  ERR_FS_CP_NON_DIR_TO_DIR: ['Cannot overwrite directory with non-directory', 'ENOTDIR', 20],
  ERR_FS_CP_SOCKET: ['Cannot copy a socket file', 'EINVAL', 22],
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: ['Cannot overwrite symlink in subdirectory of self', 'EINVAL', 22],
  ERR_FS_CP_UNKNOWN: ['Cannot copy an unknown file type', 'EINVAL', 22],
};

/** One of cp's errors about `path`, e.g. `Invalid src or dest: cp returned EINVAL (src and dest cannot be the same) a`. */
export function cpError(key: keyof typeof KINDS, message: string, path: string): Error {
  const [prefix, code, errno] = KINDS[key]!;
  return new SystemError(key, prefix, { message, path, syscall: 'cp', errno, code });
}

/** ERR_FS_EISDIR for a directory copied without `recursive` (cpSync gives it EINVAL's errno, 22: see index.ts). */
export function eisdir(message: string, path: string): Error {
  return new SystemError('ERR_FS_EISDIR', 'Path is a directory', { message, path, syscall: 'cp', errno: 21, code: 'EISDIR' });
}

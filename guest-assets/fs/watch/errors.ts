import { errnoOf, systemMessage } from '../../../bridge/wire/errors.js';
import type { Result } from '../../rpc.js';
import { Status } from '../../../bridge/wire/protocol.js';
import { unwrap } from '../../rpc.js';

/** Node's message for a watcher refused for want of room (inotify's ENOSPC). */
const NO_ROOM = 'System limit for number of file watchers reached';

/**
 * Node's error for a watcher that failed (a UVException): `ENOENT: no such file or directory,
 * watch 'x'`, own fields errno, syscall, code, path, then `filename` as the caller gave it.
 */
export function watchError(code: string, path: unknown, filename: unknown): Error {
  const shown = path === undefined || path === null ? undefined : String(path);
  let message = systemMessage({ code, syscall: 'watch', ...(shown === undefined ? {} : { path: shown }) });
  if (code === 'ENOSPC') message = message.replace('no space left on device', NO_ROOM);
  const err = new Error(message) as Error & Record<string, unknown>;
  err.errno = errnoOf(code);
  err.syscall = 'watch';
  err.code = code;
  if (shown !== undefined) err.path = shown;
  err.filename = filename;
  return err;
}

/** The error of a host refusal to watch: a system error named as Node names it, anything else as the host sent it. */
export function refusal(result: Result, path: string, filename: unknown): Error {
  if (result.status === Status.Error && errnoOf(result.error.code) !== undefined) return watchError(result.error.code, path, filename);
  try {
    unwrap(result);
  } catch (e) {
    return e as Error;
  }
  return watchError('EIO', path, filename);
}

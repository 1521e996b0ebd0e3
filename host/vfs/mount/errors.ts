import { constants } from 'node:os';
import { getSystemErrorMap } from 'node:util';

/**
 * Errors of the mounted filesystem (host/vfs/mount/index.ts). Every error that leaves a MountVfs method is
 * built here from trusted fields only, with the GUEST's paths: a host error (whose message and
 * `path` name `/proc/self/fd/N/...`) never travels on, so the host directory's location never shows.
 */

const guestErrors = new WeakSet<object>();
const errnos = constants.errno as Record<string, number>;

/** Fields of a Node system error (`uvException`). */
export interface SystemErrorFields {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

/** A Node-shaped system error: `ENOENT: no such file or directory, open '/a'` with errno, code, syscall, path, dest. */
export function guestError(fields: SystemErrorFields): Error {
  const errno = -(errnos[fields.code] ?? 0);
  const description = getSystemErrorMap().get(errno)?.[1] ?? 'unknown error';
  let message = `${fields.code}: ${description}, ${fields.syscall}`;
  if (fields.path !== undefined) message += ` '${fields.path}'`;
  if (fields.dest !== undefined) message += ` -> '${fields.dest}'`;
  const err = new Error(message) as Error & Record<string, unknown>;
  err.errno = errno;
  err.code = fields.code;
  err.syscall = fields.syscall;
  if (fields.path !== undefined) err.path = fields.path;
  if (fields.dest !== undefined) err.dest = fields.dest;
  guestErrors.add(err);
  return err;
}

/** True for an error this module built (already guest-shaped; passed on unchanged). */
export function isGuestError(thrown: unknown): boolean {
  return typeof thrown === 'object' && thrown !== null && guestErrors.has(thrown);
}

/** The system error code (`ENOENT`, ...) of something a host call threw, if it is one. */
export function systemCode(thrown: unknown): string | undefined {
  const code = (thrown as { code?: unknown } | null)?.code;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(errnos, code) ? code : undefined;
}

/**
 * What to throw to the guest for something a host call threw while serving `fields.syscall` on the
 * guest's `path`: guest errors pass, system errors are rebuilt with the guest's fields, and anything
 * else (Node's own argument validation of guest-supplied values) passes unchanged.
 */
export function toGuest(thrown: unknown, fields: Omit<SystemErrorFields, 'code'>): unknown {
  if (isGuestError(thrown)) return thrown;
  const code = systemCode(thrown);
  return code === undefined ? thrown : guestError({ ...fields, code });
}

/** Node's `ERR_FS_EISDIR` (a SystemError): what `rmSync` throws for a directory without `recursive`. */
export function rmIsDirectory(path: string): Error {
  const info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: errnos.EISDIR ?? 21 };
  const err = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`) as Error & Record<string, unknown>;
  err.name = 'SystemError';
  err.code = 'ERR_FS_EISDIR';
  err.info = info;
  err.errno = info.errno;
  err.syscall = 'rm';
  err.path = path;
  guestErrors.add(err);
  return err;
}

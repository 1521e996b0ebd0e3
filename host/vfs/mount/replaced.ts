import { fstatSync } from 'node:fs';

/**
 * What watchers of a mount must not show of the mount's own atomic writes (host/vfs/mount/write.ts):
 * the temporary files beside a target, and the rename that puts one over an existing file, which
 * Node's in-place write shows as a `change` of that file. Only directories being watched are noted,
 * so nothing is kept when no one watches.
 */

/** The mount's temporary file names (write.ts makes them). */
export const TEMP_NAME = /^\.v8fsb-[0-9a-f]{12}\.tmp$/;

/** Watchers per watched directory (`dev:ino`). */
const watchedDirs = new Map<string, number>();
/** Renames over existing files not yet reported, per `dev:ino/name`. */
const pending = new Map<string, number>();
/** Most notes kept per directory entry (a burst of writes between two event reads). */
const MAX_PENDING = 1024;

/** The key of a directory by its identity. */
export function dirKey(dev: number, ino: number): string {
  return `${dev}:${ino}`;
}

/** A watcher of directory `key` started (`+1`) or stopped (`-1`). */
export function watching(key: string, delta: 1 | -1): void {
  const n = (watchedDirs.get(key) ?? 0) + delta;
  if (n > 0) watchedDirs.set(key, n);
  else {
    watchedDirs.delete(key);
    for (const k of pending.keys()) if (k.startsWith(`${key}/`)) pending.delete(k);
  }
}

/** Notes that the file `name` of the directory held by `dir` is about to be replaced by a rename. */
export function replacing(dir: number, name: string): void {
  if (watchedDirs.size === 0) return;
  let key: string;
  try {
    const st = fstatSync(dir);
    key = dirKey(st.dev, st.ino);
  } catch {
    return;
  }
  const watchers = watchedDirs.get(key);
  if (watchers === undefined) return;
  // One note for each watcher of the directory: each sees the rename once.
  const k = `${key}/${name}`;
  pending.set(k, Math.min(MAX_PENDING, (pending.get(k) ?? 0) + watchers));
}

/** True (once per note) when a rename of `name` in directory `key` was the mount's own replacement. */
export function wasReplaced(key: string, name: string): boolean {
  const k = `${key}/${name}`;
  const n = pending.get(k);
  if (n === undefined) return false;
  if (n <= 1) pending.delete(k);
  else pending.set(k, n - 1);
  return true;
}

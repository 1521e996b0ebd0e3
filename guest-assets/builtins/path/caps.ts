/** The Worker's capabilities behind the guest's `path.win32` and `path.matchesGlob` (host/worker/caps/path.ts). */
export interface PathCaps {
  /**
   * Calls the Worker's `path.win32[op](...args)` (Node's own code) on strings the guest validated.
   * Returns a string or boolean, for `parse` a JSON text of its five fields; -1 on failure (lastError).
   */
  pathWin32(op: string, args: string[]): string | boolean | number;
  /** The Worker's `path[win32 ? 'win32' : 'posix'].matchesGlob(path, pattern)`; -1 on failure (lastError). */
  pathMatchesGlob(path: string, pattern: string, win32: boolean): boolean | number;
}

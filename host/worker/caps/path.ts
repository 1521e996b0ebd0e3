/**
 * Capabilities behind the guest's `path.win32` and `path.matchesGlob` (guest-assets/builtins/path):
 * Node's own implementations, given strings only (the guest validates the arguments first).
 */
import path from 'node:path';
import type { PathCaps } from '../../../guest-assets/builtins/path/caps.js';
import type { Realm } from '../realm.js';

const WIN32_OPS = new Set(['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath', 'dirname', 'basename', 'extname', 'parse']);

/** Strings copied out of a guest array of strings (anything else makes the call fail). */
function strings(args: unknown): string[] {
  if (!Array.isArray(args) || args.length > 1_000_000) throw new TypeError('not a list of strings');
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s: unknown = args[i];
    if (typeof s !== 'string') throw new TypeError('not a list of strings');
    out.push(s);
  }
  return out;
}

export function pathCaps(realm: Realm): PathCaps {
  return {
    pathWin32: (op, args) =>
      realm.codec(() => {
        if (typeof op !== 'string' || !WIN32_OPS.has(op)) throw new TypeError('unknown path operation');
        const list = strings(args);
        if (op === 'parse') return JSON.stringify(path.win32.parse(list[0]!));
        return (path.win32[op as 'join'] as (...a: string[]) => string | boolean)(...list);
      }) as string | boolean | number,
    pathMatchesGlob: (p, pattern, win32) =>
      realm.codec(() => {
        if (typeof p !== 'string' || typeof pattern !== 'string') throw new TypeError('not strings');
        const impl = win32 ? path.win32 : path.posix;
        return (impl as unknown as { matchesGlob(a: string, b: string): boolean }).matchesGlob(p, pattern);
      }) as boolean | number,
  };
}

/**
 * The guest's `path`, `path/posix` and `path/win32`. POSIX paths are the bundled path-browserify
 * (Node's posix algorithm, in the guest, fast); `path.win32` calls Node's own win32 implementation
 * in the Worker with strings the guest validated (a relative path resolves from the guest's cwd, as
 * Node resolves from process.cwd()). `format` is Node 20's (an extension without its dot gets one)
 * and `matchesGlob` is Node's, with its ExperimentalWarning.
 */
import posixBase from 'path-browserify';
import { guard } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import type { BuiltinContext } from '../registry.js';
import { failure } from '../failure.js';
import { validateString } from '../validate.js';

type PathObject = { root?: unknown; dir?: unknown; base?: unknown; ext?: unknown; name?: unknown };


/** Node 20's `path.format` for a separator. */
function formatWith(sep: string) {
  return (pathObject: unknown): string => {
    if (pathObject === null || typeof pathObject !== 'object') throw invalidArgType('pathObject', ['object'], [], pathObject);
    const o = pathObject as PathObject;
    const dir = o.dir || o.root;
    const ext = o.ext ? `${String(o.ext)[0] === '.' ? '' : '.'}${String(o.ext)}` : '';
    const base = o.base || `${o.name || ''}${ext}`;
    if (!dir) return String(base);
    return dir === o.root ? `${String(dir)}${String(base)}` : `${String(dir)}${sep}${String(base)}`;
  };
}

export function definePath(ctx: BuiltinContext): void {
  const { caps } = ctx;
  let warned = false;
  const matchesGlob = (win32: boolean) => (path: unknown, pattern: unknown) => {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    if (!warned) {
      warned = true;
      (ctx.process as unknown as { emitWarning?: (m: string, t: string) => void }).emitWarning?.('glob is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
    const out = guard(() => caps.pathMatchesGlob(path, pattern, win32));
    if (typeof out !== 'boolean') throw failure(caps);
    return out;
  };
  const win32Call = (op: string, args: string[]) => {
    const out = guard(() => caps.pathWin32(op, args));
    if (out === -1) throw failure(caps);
    return out;
  };
  const one = (op: string) => (path: unknown) => {
    validateString(path, 'path');
    return win32Call(op, [path]);
  };
  const win32: Record<string, unknown> = {
    resolve: (...args: unknown[]) => {
      args.forEach((a, i) => validateString(a, `paths[${i}]`));
      return win32Call('resolve', [ctx.process.cwd(), ...(args as string[])]);
    },
    normalize: one('normalize'),
    isAbsolute: one('isAbsolute'),
    join: (...args: unknown[]) => {
      args.forEach((a) => validateString(a, 'path'));
      return win32Call('join', args as string[]);
    },
    relative: (from: unknown, to: unknown) => {
      validateString(from, 'from');
      validateString(to, 'to');
      // Node resolves both from process.cwd(): here the guest's.
      const cwd = ctx.process.cwd();
      return win32Call('relative', [win32Call('resolve', [cwd, from]) as string, win32Call('resolve', [cwd, to]) as string]);
    },
    toNamespacedPath: (path: unknown) => {
      if (typeof path !== 'string' || path === '') return path;
      // Node resolves from process.cwd() first: here the guest's. A root of two characters or less stays as given.
      const resolved = win32Call('resolve', [ctx.process.cwd(), path]) as string;
      return resolved.length <= 2 ? path : win32Call('toNamespacedPath', [resolved]);
    },
    dirname: one('dirname'),
    basename: (path: unknown, suffix?: unknown) => {
      validateString(path, 'path');
      if (suffix !== undefined) validateString(suffix, 'suffix');
      return win32Call('basename', suffix === undefined ? [path] : [path, suffix]);
    },
    extname: one('extname'),
    format: formatWith('\\'),
    parse: (path: unknown) => {
      validateString(path, 'path');
      return JSON.parse(win32Call('parse', [path]) as string) as object;
    },
    matchesGlob: matchesGlob(true),
    sep: '\\',
    delimiter: ';',
  };
  const base = posixBase as unknown as Record<string, (...args: unknown[]) => unknown>;
  /** path-browserify's function behind Node's argument checks (its own messages are not Node's). */
  const checked = (fn: string, name: string, optional?: string) => (...args: unknown[]) => {
    validateString(args[0], name);
    if (optional !== undefined && args[1] !== undefined) validateString(args[1], optional);
    return base[fn]!(...args);
  };
  const posix: Record<string, unknown> = {
    ...base,
    resolve: (...args: unknown[]) => {
      args.forEach((a, i) => validateString(a, `paths[${i}]`));
      return base.resolve!(...args);
    },
    join: (...args: unknown[]) => {
      args.forEach((a) => validateString(a, 'path'));
      return base.join!(...args);
    },
    normalize: checked('normalize', 'path'),
    isAbsolute: checked('isAbsolute', 'path'),
    relative: (from: unknown, to: unknown) => {
      validateString(from, 'from');
      validateString(to, 'to');
      return base.relative!(from, to);
    },
    dirname: checked('dirname', 'path'),
    basename: checked('basename', 'path', 'suffix'),
    extname: checked('extname', 'path'),
    parse: checked('parse', 'path'),
    toNamespacedPath: (path: unknown) => path,
    format: formatWith('/'),
    matchesGlob: matchesGlob(false),
  };
  win32._makeLong = win32.toNamespacedPath;
  posix._makeLong = posix.toNamespacedPath;
  win32.win32 = posix.win32 = win32;
  win32.posix = posix.posix = posix;
  ctx.define('path', () => posix);
  ctx.define('path/posix', () => posix);
  ctx.define('path/win32', () => win32);
}

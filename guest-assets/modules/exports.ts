import { invalidModuleSpecifier, invalidPackageConfig, invalidPackageTarget, packageImportNotDefined, packagePathNotExported } from './errors.js';
import type { PackageConfig } from './package-json.js';

/**
 * package.json `exports` and `imports`, resolved by Node 20's algorithm (the resolver its ES module
 * loader and, for `exports`, its CommonJS loader share): condition keys tried in the package's own key
 * order, `*` patterns chosen by the longest prefix, arrays as fallbacks, Node's validation of targets.
 *
 * Results are percent-encoded absolute paths (the path of the file: URL Node would return); the
 * callers check for encoded separators and decode them.
 */

/** Resolves a bare specifier from inside a package (an `imports` target such as `"#x": "dep/y"`). */
export type PackageResolve = (specifier: string, base: string) => string;

/** Segments no target may contain (also in percent-encoded form); the first form also matches empty segments. */
const INVALID_SEGMENT = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const DEPRECATED_INVALID_SEGMENT = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
const URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** One resolution's fixed inputs. */
interface Ctx {
  /** The package.json's path; its directory ends with '/'. */
  pjsonPath: string;
  pkgDir: string;
  /** The importing file (for messages), if any. */
  base: string | undefined;
  conditions: ReadonlySet<string>;
  packageResolve: PackageResolve;
}

/** Dot segments resolved the way URL parsing resolves them (the input starts with '/'). */
export function normalizeUrlPath(path: string): string {
  const out: string[] = [];
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const seg = parts[i]!;
    const last = i === parts.length - 1;
    if (seg === '.' || seg.toLowerCase() === '%2e') {
      if (last) out.push('');
    } else if (seg === '..' || /^(\.|%2e)(\.|%2e)$/i.test(seg)) {
      out.pop();
      if (last) out.push('');
    } else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function isArrayIndex(key: string): boolean {
  const n = +key;
  return `${n}` === key && n >= 0 && n < 0xffffffff;
}

/** Node's ordering of pattern keys: longer prefix first, then longer key. */
export function patternKeyCompare(a: string, b: string): number {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const baseA = aStar === -1 ? a.length : aStar + 1;
  const baseB = bStar === -1 ? b.length : bStar + 1;
  if (baseA > baseB) return -1;
  if (baseB > baseA) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function invalidSubpath(ctx: Ctx, request: string, match: string, internal: boolean): Error {
  const reason = `request is not a valid match in pattern "${match}" for the "${internal ? 'imports' : 'exports'}" resolution of ${ctx.pjsonPath}`;
  return invalidModuleSpecifier(request, reason, ctx.base);
}

function targetString(ctx: Ctx, target: string, subpath: string, match: string, pattern: boolean, internal: boolean): string {
  if (subpath !== '' && !pattern && !target.endsWith('/')) throw invalidPackageTarget(ctx.pkgDir, match, target, internal, ctx.base);
  if (!target.startsWith('./')) {
    if (internal && !target.startsWith('../') && !target.startsWith('/') && !URL_SCHEME.test(target)) {
      const exportTarget = pattern ? target.replace(/\*/g, () => subpath) : target + subpath;
      return ctx.packageResolve(exportTarget, ctx.pjsonPath);
    }
    throw invalidPackageTarget(ctx.pkgDir, match, target, internal, ctx.base);
  }
  if (INVALID_SEGMENT.test(target.slice(2)) && DEPRECATED_INVALID_SEGMENT.test(target.slice(2))) {
    throw invalidPackageTarget(ctx.pkgDir, match, target, internal, ctx.base);
  }
  const resolved = normalizeUrlPath(ctx.pkgDir + target.slice(2));
  if (!resolved.startsWith(ctx.pkgDir)) throw invalidPackageTarget(ctx.pkgDir, match, target, internal, ctx.base);
  if (subpath === '') return resolved;
  if (INVALID_SEGMENT.test(subpath) && DEPRECATED_INVALID_SEGMENT.test(subpath)) {
    const request = pattern ? match.replace('*', () => subpath) : match + subpath;
    throw invalidSubpath(ctx, request, match, internal);
  }
  if (pattern) return normalizeUrlPath(resolved.replace(/\*/g, () => subpath));
  return normalizeUrlPath(resolved + subpath);
}

/** PACKAGE_TARGET_RESOLVE: a path, null (explicitly nothing) or undefined (no condition matched). */
function resolveTarget(ctx: Ctx, target: unknown, subpath: string, match: string, pattern: boolean, internal: boolean): string | null | undefined {
  if (typeof target === 'string') return targetString(ctx, target, subpath, match, pattern, internal);
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let last: unknown;
    for (const item of target) {
      let result: string | null | undefined;
      try {
        result = resolveTarget(ctx, item, subpath, match, pattern, internal);
      } catch (e) {
        last = e;
        if ((e as { code?: unknown }).code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (result === undefined) continue;
      if (result === null) {
        last = null;
        continue;
      }
      return result;
    }
    if (last === undefined || last === null) return last as null | undefined;
    throw last;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const key of keys) {
      if (isArrayIndex(key)) throw invalidPackageConfig(ctx.pjsonPath, ctx.base, '"exports" cannot contain numeric property keys.');
    }
    for (const key of keys) {
      if (key === 'default' || ctx.conditions.has(key)) {
        const result = resolveTarget(ctx, (target as Record<string, unknown>)[key], subpath, match, pattern, internal);
        if (result === undefined) continue;
        return result;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidPackageTarget(ctx.pkgDir, match, target, internal, ctx.base);
}

function isConditionalSugar(exports: unknown, ctx: Ctx): boolean {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  let sugar = false;
  let i = 0;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const current = key === '' || key[0] !== '.';
    if (i++ === 0) sugar = current;
    else if (sugar !== current) {
      throw invalidPackageConfig(
        ctx.pjsonPath,
        ctx.base,
        '"exports" cannot contain some keys starting with \'.\' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.',
      );
    }
  }
  return sugar;
}

/** The pattern key that matches `name` best, and the part `*` stands for. */
function bestPattern(map: object, name: string): { key: string; subpath: string } | undefined {
  let best = '';
  let subpath = '';
  for (const key of Object.getOwnPropertyNames(map)) {
    const star = key.indexOf('*');
    if (star === -1 || !name.startsWith(key.slice(0, star))) continue;
    const trailer = key.slice(star + 1);
    if (name.length >= key.length && name.endsWith(trailer) && patternKeyCompare(best, key) === 1 && key.lastIndexOf('*') === star) {
      best = key;
      subpath = name.slice(star, name.length - trailer.length);
    }
  }
  return best === '' ? undefined : { key: best, subpath };
}

function context(config: PackageConfig, base: string | undefined, conditions: ReadonlySet<string>, packageResolve: PackageResolve): Ctx {
  const pkgDir = config.pjsonPath.slice(0, config.pjsonPath.length - 'package.json'.length);
  return { pjsonPath: config.pjsonPath, pkgDir, base, conditions, packageResolve };
}

/** PACKAGE_EXPORTS_RESOLVE for `subpath` ('.' or './x') of the package whose config is given. */
export function packageExportsResolve(config: PackageConfig, subpath: string, base: string | undefined, conditions: ReadonlySet<string>, packageResolve: PackageResolve): string {
  const ctx = context(config, base, conditions, packageResolve);
  let exports = config.exports;
  if (isConditionalSugar(exports, ctx)) exports = { '.': exports };
  const map = exports as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
    const result = resolveTarget(ctx, map[subpath], '', subpath, false, false);
    if (result == null) throw packagePathNotExported(ctx.pkgDir, subpath, base);
    return result;
  }
  const best = bestPattern(map, subpath);
  if (best) {
    const result = resolveTarget(ctx, map[best.key], best.subpath, best.key, true, false);
    if (result == null) throw packagePathNotExported(ctx.pkgDir, subpath, base);
    return result;
  }
  throw packagePathNotExported(ctx.pkgDir, subpath, base);
}

/** PACKAGE_IMPORTS_RESOLVE for a `#name` specifier; `scope` is the importing file's package config. */
export function packageImportsResolve(name: string, base: string, scope: PackageConfig, conditions: ReadonlySet<string>, packageResolve: PackageResolve): string {
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw invalidModuleSpecifier(name, 'is not a valid internal imports specifier name', base);
  }
  let pkgDir: string | undefined;
  if (scope.exists) {
    const ctx = context(scope, base, conditions, packageResolve);
    pkgDir = ctx.pkgDir;
    const imports = scope.imports;
    if (imports && typeof imports === 'object') {
      const map = imports as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(map, name) && !name.includes('*')) {
        const result = resolveTarget(ctx, map[name], '', name, false, true);
        if (result != null) return result;
      } else {
        const best = bestPattern(map, name);
        if (best) {
          const result = resolveTarget(ctx, map[best.key], best.subpath, best.key, true, true);
          if (result != null) return result;
        }
      }
    }
  }
  throw packageImportNotDefined(name, pkgDir, base);
}

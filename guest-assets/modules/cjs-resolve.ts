import path from 'path-browserify';
import { invalidArgValue } from '../node-errors.js';
import { esmNotFoundForCjs, internalError, moduleNotFound, plainError } from './errors.js';
import { packageExportsResolve, packageImportsResolve } from './exports.js';
import type { LoaderFs } from './files.js';
import type { PackageJsonReader } from './package-json.js';
import { fileUrlToPath } from './urls.js';

/**
 * CommonJS resolution, by Node 20's algorithm (lib/internal/modules/cjs/loader): the exact file, then
 * each registered extension, then a directory's package.json `main` or index; bare names through the
 * `node_modules` walk, with `exports`, `imports` (#name) and self-reference; real paths for symlinks.
 */

/** What resolution needs of a module object. */
export interface ParentLike {
  id: string;
  filename: string | null;
  paths?: string[];
  path?: string;
}

/** The CommonJS conditions of `exports` and `imports`. */
export const CJS_CONDITIONS: ReadonlySet<string> = new Set(['require', 'node']);

const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;
const ENCODED_SEP = /%2F|%5C/i;
const NM_CHARS = 'node_modules';

/** Node's Module._nodeModulePaths for POSIX: every `node_modules` above `from`, nearest first. */
export function nodeModulePaths(from: string): string[] {
  from = path.resolve('/', from);
  if (from === '/') return ['/node_modules'];
  const paths: string[] = [];
  for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
    const code = from.charCodeAt(i);
    if (code === 47) {
      if (p !== NM_CHARS.length) paths.push(`${from.slice(0, last)}/node_modules`);
      last = i;
      p = 0;
    } else if (p !== -1) {
      if (NM_CHARS.charCodeAt(NM_CHARS.length - 1 - p) === code) ++p;
      else p = -1;
    }
  }
  paths.push('/node_modules');
  return paths;
}

function isRelativeRequest(request: string): boolean {
  if (request.charCodeAt(0) !== 46) return false;
  if (request.length === 1 || request.charCodeAt(1) === 47) return true;
  return request.charCodeAt(1) === 46 && (request.length === 2 || request.charCodeAt(2) === 47);
}

function hasTrailingSlash(request: string): boolean {
  const n = request.length;
  if (n === 0) return false;
  if (request.charCodeAt(n - 1) === 47) return true;
  if (request.charCodeAt(n - 1) !== 46) return false;
  return n === 1 || request.charCodeAt(n - 2) === 47 || (request.charCodeAt(n - 2) === 46 && (n === 2 || request.charCodeAt(n - 3) === 47));
}

/** The hooks through which resolution sees the rest of the loader (so `Module._x` overrides apply). */
export interface ResolverHooks {
  /** Names of Module._extensions, in order. */
  extensions(): string[];
  isBuiltin(request: string): boolean;
  /** The chain of parents for a require stack. */
  parentOf(module: ParentLike): ParentLike | undefined;
  globalPaths(): string[];
  /** ES module resolution of a bare specifier (for `imports` targets that name a package). */
  esmPackageResolve(specifier: string, base: string): string;
  cwd(): string;
}

export class CjsResolver {
  readonly pathCache: Record<string, string> = Object.create(null);
  readonly #fs: LoaderFs;
  readonly #packages: PackageJsonReader;
  readonly #hooks: ResolverHooks;
  readonly #realpaths = new Map<string, string>();

  constructor(fs: LoaderFs, packages: PackageJsonReader, hooks: ResolverHooks) {
    this.#fs = fs;
    this.#packages = packages;
    this.#hooks = hooks;
  }

  realpath(p: string): string {
    let real = this.#realpaths.get(p);
    if (real === undefined) {
      real = this.#fs.realpath(p);
      this.#realpaths.set(p, real);
    }
    return real;
  }

  #tryFile(p: string): string | false {
    return this.#fs.stat(p, true) === 0 ? this.realpath(p) : false;
  }

  #tryExtensions(base: string, exts: string[]): string | false {
    for (const ext of exts) {
      const found = this.#tryFile(base + ext);
      if (found) return found;
    }
    return false;
  }

  #tryPackage(requestPath: string, exts: string[], originalPath: string): string | false {
    const pkg = this.#packages.read(path.resolve(requestPath, 'package.json'));
    const main = pkg.main;
    if (!main) return this.#tryExtensions(path.resolve(requestPath, 'index'), exts);
    const filename = path.resolve(requestPath, main);
    let actual = this.#tryFile(filename) || this.#tryExtensions(filename, exts) || this.#tryExtensions(path.resolve(filename, 'index'), exts);
    if (actual === false) {
      actual = this.#tryExtensions(path.resolve(requestPath, 'index'), exts);
      if (!actual) {
        throw plainError(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`, {
          code: 'MODULE_NOT_FOUND',
          path: path.resolve(requestPath, 'package.json'),
          requestPath: originalPath,
        });
      }
    }
    return actual;
  }

  /** The file an `exports` resolution names, which must exist (Node's finalizeEsmResolution). */
  #finalize(resolved: string, parentPath: string | null, pkgPath: string): string {
    if (ENCODED_SEP.test(resolved)) {
      const err = internalError('TypeError', 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${resolved}" must not include encoded "/" or "\\" characters${parentPath ? ` imported from ${parentPath}` : ''}`);
      (err as Error & { code: string }).code = 'MODULE_NOT_FOUND';
      throw err;
    }
    const filename = fileUrlToPath(`file://${resolved}`);
    const actual = this.#tryFile(filename);
    if (actual) return actual;
    throw esmNotFoundForCjs(filename, path.resolve(pkgPath, 'package.json'));
  }

  #resolveExports(nmPath: string, request: string): string | undefined {
    const m = EXPORTS_PATTERN.exec(request);
    if (!m || !m[1]) return undefined;
    const pkgPath = path.resolve(nmPath, m[1]);
    // No directory there, no package.json either (the probe knows; reading it would be a call).
    if (this.#fs.stat(pkgPath) === -2) return undefined;
    const pkg = this.#packages.read(`${pkgPath}/package.json`);
    if (pkg.exports == null) return undefined;
    try {
      const resolved = packageExportsResolve(pkg, `.${m[2] ?? ''}`, undefined, CJS_CONDITIONS, (s, b) => this.#hooks.esmPackageResolve(s, b));
      return this.#finalize(resolved, null, pkgPath);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') throw esmNotFoundForCjs(request, `${pkgPath}/package.json`);
      throw e;
    }
  }

  /** Module._findPath */
  findPath(request: string, paths: string[] | null, isMain: boolean): string | false {
    void isMain;
    const absolute = request.startsWith('/');
    if (absolute) paths = [''];
    else if (!paths || paths.length === 0) return false;
    const cacheKey = `${request}\u0000${paths.join('\u0000')}`;
    const cached = this.pathCache[cacheKey];
    if (cached) return cached;
    const trailingSlash = hasTrailingSlash(request);
    const insidePath = !(isRelativeRequest(request) && path.normalize(request).startsWith('..'));
    try {
      this.#probe(request, paths, trailingSlash, insidePath);
      return this.#findIn(request, paths, cacheKey, trailingSlash, insidePath, absolute);
    } finally {
      this.#fs.endProbe();
    }
  }

  /**
   * What the walk below will stat, asked in one call: each lookup directory and the request in it,
   * with every extension; the walk's stats are then answered without a call each.
   */
  #probe(request: string, paths: string[], trailingSlash: boolean, insidePath: boolean): void {
    const exts = this.#hooks.extensions();
    const pkg = request.startsWith('/') || isRelativeRequest(request) ? undefined : EXPORTS_PATTERN.exec(request)?.[1];
    const known = (p: string) => this.#fs.known(p);
    const wanted: string[] = [];
    for (const curPath of paths) {
      if (insidePath && curPath) {
        if (known(curPath) === undefined) wanted.push(curPath);
        else if (known(curPath)! < 1) continue;
      }
      if (pkg && known(path.resolve(curPath, pkg)) === undefined) wanted.push(path.resolve(curPath, pkg));
      const basePath = path.resolve(this.#hooks.cwd(), curPath, request);
      const base = known(basePath);
      if (base === undefined) wanted.push(basePath);
      if (base === 0 && !trailingSlash) break;
      if (base === 1 || trailingSlash) continue;
      // The extensions in the walk's order, up to the first known to exist.
      let found = false;
      for (const ext of exts) {
        const rc = known(basePath + ext);
        if (rc === 0) {
          found = true;
          break;
        }
        if (rc === undefined) wanted.push(basePath + ext);
      }
      if (found) break;
    }
    if (wanted.length > 0) this.#fs.probe(wanted);
  }

  #findIn(request: string, paths: string[], cacheKey: string, trailingSlash: boolean, insidePath: boolean, absolute: boolean): string | false {
    let exts: string[] | undefined;
    for (const curPath of paths) {
      if (insidePath && curPath && this.#fs.stat(curPath) < 1) continue;
      if (!absolute) {
        const viaExports = this.#resolveExports(curPath, request);
        if (viaExports) return viaExports;
      }
      const basePath = path.resolve(this.#hooks.cwd(), curPath, request);
      let filename: string | false = false;
      const rc = this.#fs.stat(basePath, !trailingSlash);
      if (!trailingSlash) {
        if (rc === 0) filename = this.realpath(basePath);
        if (!filename) filename = this.#tryExtensions(basePath, (exts ??= this.#hooks.extensions()));
      }
      if (!filename && rc === 1) filename = this.#tryPackage(basePath, (exts ??= this.#hooks.extensions()), request);
      if (filename) {
        this.pathCache[cacheKey] = filename;
        return filename;
      }
    }
    return false;
  }

  /** Module._resolveLookupPaths */
  lookupPaths(request: string, parent: ParentLike | null | undefined): string[] | null {
    if (this.#hooks.isBuiltin(request)) return null;
    if (request.charAt(0) !== '.' || (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
      const global = this.#hooks.globalPaths();
      const paths = parent?.paths?.length ? [...parent.paths, ...global] : [...global];
      return paths.length > 0 ? paths : null;
    }
    if (!parent || !parent.id || !parent.filename) return ['.'];
    return [path.dirname(parent.filename)];
  }

  #requireStack(parent: ParentLike | null | undefined): string[] {
    const stack: string[] = [];
    for (let cursor = parent ?? undefined; cursor; cursor = this.#hooks.parentOf(cursor)) stack.push(cursor.filename || cursor.id);
    return stack;
  }

  #pathsFromOption(request: string, option: unknown): string[] | null {
    if (!Array.isArray(option)) throw invalidArgValue('options.paths', option);
    if (request.startsWith('./') || request.startsWith('../')) return option as string[];
    const paths: string[] = [];
    for (const p of option as string[]) {
      const fake = { id: '', filename: null, paths: nodeModulePaths(p) };
      for (const lookup of this.lookupPaths(request, fake) ?? []) if (!paths.includes(lookup)) paths.push(lookup);
    }
    return paths;
  }

  /** Module._resolveFilename */
  resolveFilename(request: string, parent: ParentLike | null | undefined, isMain: boolean, options?: unknown): string {
    if (this.#hooks.isBuiltin(request)) return request;
    let paths: string[] | null;
    const optionPaths = typeof options === 'object' && options !== null ? (options as { paths?: unknown }).paths : undefined;
    if (optionPaths !== undefined) paths = this.#pathsFromOption(request, optionPaths);
    else paths = this.lookupPaths(request, parent);

    if (request[0] === '#' && parent?.filename) {
      const scope = this.#packages.scope(parent.filename);
      if (scope && scope.data.imports != null) {
        try {
          const resolved = packageImportsResolve(request, parent.filename, scope.data, CJS_CONDITIONS, (s, b) => this.#hooks.esmPackageResolve(s, b));
          return this.#finalize(resolved, parent.filename, scope.path);
        } catch (e) {
          if ((e as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') throw esmNotFoundForCjs(request);
          throw e;
        }
      }
    }
    const self = this.#trySelf(parent?.filename || undefined, request);
    if (self) return self;
    const filename = this.findPath(request, paths, isMain);
    if (filename) return filename;
    throw moduleNotFound(request, this.#requireStack(parent));
  }

  #trySelf(parentPath: string | undefined, request: string): string | false {
    if (!parentPath) return false;
    const scope = this.#packages.scope(parentPath);
    if (!scope || scope.data.exports == null || scope.data.name === undefined) return false;
    const name = scope.data.name;
    let expansion: string;
    if (request === name) expansion = '.';
    else if (request.startsWith(`${name}/`)) expansion = `.${request.slice(name.length)}`;
    else return false;
    try {
      const resolved = packageExportsResolve(scope.data, expansion, parentPath, CJS_CONDITIONS, (s, b) => this.#hooks.esmPackageResolve(s, b));
      return this.#finalize(resolved, parentPath, scope.path);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') throw esmNotFoundForCjs(request, `${scope.path}/package.json`);
      throw e;
    }
  }
}

import path from 'path-browserify';
import { esmModuleNotFound, internalError, invalidModuleSpecifier, unknownFileExtension, unsupportedDirImport } from './errors.js';
import { normalizeUrlPath, packageExportsResolve, packageImportsResolve } from './exports.js';
import type { LoaderFs } from './files.js';
import type { PackageJsonReader } from './package-json.js';
import { fileUrlToPath, pathToFileUrl, splitFileUrl } from './urls.js';

/**
 * ES module resolution by Node 20's algorithm (lib/internal/modules/esm/resolve): URLs, not paths; no
 * extension guessing and no directory index; `exports`/`imports` with the conditions `node`, `import`;
 * the nearest package.json's "type" decides what a `.js` file is. Results are URL strings: `node:x`
 * for built-ins, `file://...` (real path, with the specifier's ?search and #hash) for files.
 */

export const ESM_CONDITIONS: ReadonlySet<string> = new Set(['node', 'import']);

/** How a resolved module is loaded. */
export type ModuleFormat = 'module' | 'commonjs' | 'json' | 'builtin';

const ENCODED_SEP = /%2F|%5C/i;
const INVALID_PACKAGE_NAME = /^\.|%|\\/;
/** Characters the URL parser percent-encodes in a path (a '%' stays: it already starts an escape). */
const PATH_ENCODE = /[\u0000-\u0020"<>`{}\u007f]/g;

function encodePath(p: string): string {
  const ascii = p.replace(PATH_ENCODE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return /[^\u0000-\u007f]/.test(ascii) ? pathToFileUrl(ascii).slice(7).replace(/%25/g, '%') : ascii;
}

function isRelativeSpecifier(s: string): boolean {
  if (s[0] !== '.') return false;
  return s.length === 1 || s[1] === '/' || (s[1] === '.' && (s.length === 2 || s[2] === '/'));
}

function relativeOrAbsolute(s: string): boolean {
  return s !== '' && (s[0] === '/' || isRelativeSpecifier(s));
}

/** Splits `a/b?c#d` into its path and its `?c#d` suffix. */
function splitSuffix(s: string): [string, string] {
  const at = s.search(/[?#]/);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at)];
}

export interface EsmResolverHooks {
  /** Node's BuiltinModule.canBeRequiredWithoutScheme. */
  isBareBuiltin(name: string): boolean;
  /** The CommonJS resolution of the same request (for the "Did you mean" hint), or false. */
  cjsHint(specifier: string, parentPath: string): string | false;
  realpath(p: string): string;
  /** Whether a file of no declared type uses module syntax (import/export, import.meta). */
  looksLikeModule(file: string): boolean;
}

export class EsmResolver {
  readonly #fs: LoaderFs;
  readonly #packages: PackageJsonReader;
  readonly #hooks: EsmResolverHooks;

  constructor(fs: LoaderFs, packages: PackageJsonReader, hooks: EsmResolverHooks) {
    this.#fs = fs;
    this.#packages = packages;
    this.#hooks = hooks;
  }

  /** Node's defaultResolve: the URL `specifier` names when imported from `parentUrl`. */
  resolve(specifier: string, parentUrl: string): string {
    if (specifier.startsWith('node:')) return specifier;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(specifier);
    if (scheme && !relativeOrAbsolute(specifier) && scheme[1]!.toLowerCase() !== 'file') {
      throw internalError(
        'Error',
        'ERR_UNSUPPORTED_ESM_URL_SCHEME',
        `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${scheme[1]!.toLowerCase()}:'`,
      );
    }
    try {
      return this.#moduleResolve(specifier, parentUrl);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
        const request = specifier.startsWith('file://') ? fileUrlToPath(specifier) : specifier;
        const found = this.#hint(request, parentUrl);
        if (found) (e as Error).message += `\nDid you mean to import "${found}"?`;
      }
      throw e;
    }
  }

  #hint(specifier: string, parentUrl: string): string | false {
    let parent: string;
    try {
      parent = fileUrlToPath(parentUrl);
    } catch {
      return false;
    }
    let found = this.#hooks.cjsHint(specifier, parent);
    if (!found) return false;
    if (isRelativeSpecifier(specifier)) {
      found = path.relative(path.dirname(parent), found);
      if (!found.startsWith('../')) found = `./${found}`;
    } else if (specifier[0] !== '/' && !specifier.startsWith('file:')) {
      const pkg = specifier.split('/')[0]!;
      const index = found.indexOf(pkg);
      if (index !== -1) found = found.slice(index);
    }
    return found;
  }

  /**
   * The file a relative, absolute or file: specifier names from `parentUrl` (before any lookup), for
   * prefetching an ES module's imports; undefined for other specifiers or where resolution would fail.
   */
  localFile(specifier: string, parentUrl: string): string | undefined {
    try {
      const local = this.#localUrlPath(specifier, parentUrl);
      if (local === undefined || ENCODED_SEP.test(local[0])) return undefined;
      const file = decodeURIComponent(local[0]);
      return file.endsWith('/') ? undefined : file;
    } catch {
      return undefined;
    }
  }

  /** The encoded path and ?search#hash suffix of a relative, absolute or file: specifier. */
  #localUrlPath(specifier: string, parentUrl: string): [string, string] | undefined {
    if (relativeOrAbsolute(specifier)) {
      const base = splitFileUrl(parentUrl);
      const [p, suffix] = splitSuffix(specifier);
      const dir = base ? base.path.slice(0, base.path.lastIndexOf('/') + 1) : '/';
      return [normalizeUrlPath(p.startsWith('/') ? encodePath(p) : dir + encodePath(p)), suffix];
    }
    if (/^file:/i.test(specifier)) {
      const parts = splitFileUrl(specifier)!;
      return [normalizeUrlPath(encodePath(parts.path)), parts.search + parts.hash];
    }
    return undefined;
  }

  #moduleResolve(specifier: string, parentUrl: string): string {
    const base = splitFileUrl(parentUrl);
    const basePath = base ? fileUrlToPath(parentUrl) : parentUrl;
    let urlPath: string;
    let suffix = '';
    const local = this.#localUrlPath(specifier, parentUrl);
    if (local !== undefined) {
      [urlPath, suffix] = local;
    } else if (specifier[0] === '#') {
      urlPath = packageImportsResolve(specifier, basePath, this.#packages.scopeConfig(basePath, basePath), ESM_CONDITIONS, (s, b) => this.packageResolve(s, b));
      if (urlPath.startsWith('node:')) return urlPath;
    } else {
      urlPath = this.packageResolve(specifier, basePath);
      if (urlPath.startsWith('node:')) return urlPath;
    }
    return this.#finalize(urlPath, suffix, basePath);
  }

  #finalize(urlPath: string, suffix: string, basePath: string): string {
    if (ENCODED_SEP.test(urlPath)) throw invalidModuleSpecifier(urlPath, 'must not include encoded "/" or "\\" characters', basePath);
    const file = decodeURIComponent(urlPath);
    const url = `file://${urlPath}${suffix}`;
    const rc = file.endsWith('/') ? 1 : this.#fs.statImport(file);
    if (rc === 1) throw unsupportedDirImport(file, basePath, url);
    if (rc !== 0) throw esmModuleNotFound(file, basePath, url);
    return pathToFileUrl(this.#hooks.realpath(file)) + suffix;
  }

  /** PACKAGE_RESOLVE: a bare specifier from the file `basePath`; an encoded path, or `node:x`. */
  packageResolve(specifier: string, basePath: string): string {
    if (this.#hooks.isBareBuiltin(specifier)) return `node:${specifier}`;
    let separator = specifier.indexOf('/');
    let valid = true;
    const scoped = specifier[0] === '@';
    if (scoped) {
      if (separator === -1 || specifier.length === 0) valid = false;
      else separator = specifier.indexOf('/', separator + 1);
    }
    const name = separator === -1 ? specifier : specifier.slice(0, separator);
    if (INVALID_PACKAGE_NAME.test(name)) valid = false;
    if (!valid) throw invalidModuleSpecifier(specifier, 'is not a valid package name', basePath);
    const subpath = `.${separator === -1 ? '' : specifier.slice(separator)}`;
    const scope = this.#packages.scopeConfig(basePath, basePath);
    if (scope.exists && scope.exports != null && scope.name === name) {
      return packageExportsResolve(scope, subpath, basePath, ESM_CONDITIONS, (s, b) => this.packageResolve(s, b));
    }
    let dir = basePath.slice(0, basePath.lastIndexOf('/'));
    for (;;) {
      const pkgDir = `${dir}/node_modules/${name}`;
      if (this.#fs.stat(pkgDir) === 1) {
        const config = this.#packages.read(`${pkgDir}/package.json`, `"${specifier}" from ${basePath}`);
        if (config.exports != null) return packageExportsResolve(config, subpath, basePath, ESM_CONDITIONS, (s, b) => this.packageResolve(s, b));
        if (subpath === '.') return this.#legacyMain(pkgDir, config.main, basePath);
        return normalizeUrlPath(encodePath(pkgDir + subpath.slice(1)));
      }
      if (dir === '') break;
      dir = dir.slice(0, dir.lastIndexOf('/'));
    }
    throw esmModuleNotFound(name, basePath);
  }

  #legacyMain(pkgDir: string, main: string | undefined, basePath: string): string {
    const tries = main !== undefined ? [main, `${main}.js`, `${main}.json`, `${main}.node`, `${main}/index.js`, `${main}/index.json`, `${main}/index.node`] : [];
    for (const t of [...tries, 'index.js', 'index.json', 'index.node']) {
      const p = normalizeUrlPath(encodePath(`${pkgDir}/${t}`));
      if (this.#fs.stat(decodeURIComponent(p), true) === 0) return p;
    }
    // Node names the main it was given (resolved in the package), else the package's folder.
    throw esmModuleNotFound(main !== undefined ? path.resolve(pkgDir, main) : `${pkgDir}/`, basePath);
  }

  readonly #formats = new Map<string, ModuleFormat>();

  /** Node's defaultGetFormat for a resolved URL (found once per URL: every import of it asks). */
  format(url: string): ModuleFormat {
    let format = this.#formats.get(url);
    if (format === undefined) {
      format = this.#format(url);
      this.#formats.set(url, format);
    }
    return format;
  }

  #format(url: string): ModuleFormat {
    if (url.startsWith('node:')) return 'builtin';
    const file = fileUrlToPath(url);
    const ext = path.extname(file);
    switch (ext) {
      case '.mjs':
        return 'module';
      case '.cjs':
        return 'commonjs';
      case '.json':
        return 'json';
      case '.js':
      case '': {
        const type = this.#packages.scopeConfig(file, file).type;
        if (type !== 'none') return type;
        // No "type": node 20.20 loads a file whose syntax is a module's as a module.
        return this.#hooks.looksLikeModule(file) ? 'module' : 'commonjs';
      }
      default:
        throw unknownFileExtension(ext, file);
    }
  }
}

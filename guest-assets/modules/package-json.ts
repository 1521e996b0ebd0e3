import { invalidPackageConfig } from './errors.js';
import type { LoaderFs } from './files.js';

/** The fields of a package.json the loader uses, as Node's package.json reader keeps them. */
export interface PackageConfig {
  exists: boolean;
  pjsonPath: string;
  name: string | undefined;
  main: string | undefined;
  type: 'commonjs' | 'module' | 'none';
  exports: unknown;
  imports: unknown;
}

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Reads and caches package.json files (for the life of the run, as Node does). A file that is not
 * valid JSON throws on every read: ERR_INVALID_PACKAGE_CONFIG for the ES module resolver, which
 * passes `importing` (what it was resolving), a SyntaxError naming the file for the CommonJS loader.
 */
export class PackageJsonReader {
  readonly #fs: LoaderFs;
  readonly #cache = new Map<string, PackageConfig>();

  constructor(fs: LoaderFs) {
    this.#fs = fs;
  }

  read(jsonPath: string, importing?: string): PackageConfig {
    const cached = this.#cache.get(jsonPath);
    if (cached) return cached;
    const text = this.#fs.readOptional(jsonPath);
    const result: PackageConfig = { exists: false, pjsonPath: jsonPath, name: undefined, main: undefined, type: 'none', exports: undefined, imports: undefined };
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        // Node 20.20: the ES module resolver reports ERR_INVALID_PACKAGE_CONFIG (naming what it was
        // importing); the CommonJS loader a SyntaxError naming the file, with `path`.
        if (importing !== undefined) {
          const err = invalidPackageConfig(jsonPath, importing, (cause as Error).message);
          (err as Error & { cause?: unknown }).cause = cause;
          throw err;
        }
        const err = new SyntaxError(`Error parsing ${jsonPath}: ${(cause as Error).message}`) as SyntaxError & { path?: string };
        err.path = jsonPath;
        throw err;
      }
      result.exists = true;
      if (typeof parsed === 'object' && parsed !== null) {
        const p = parsed as Record<string, unknown>;
        if (has(p, 'name') && typeof p.name === 'string') result.name = p.name;
        if (has(p, 'main') && typeof p.main === 'string') result.main = p.main;
        if (has(p, 'exports')) result.exports = p.exports;
        if (has(p, 'imports')) result.imports = p.imports;
        if (has(p, 'type') && (p.type === 'commonjs' || p.type === 'module')) result.type = p.type;
      }
    }
    this.#cache.set(jsonPath, result);
    return result;
  }

  /**
   * The CommonJS loader's readPackageScope: the nearest package.json above `checkPath` (a file path),
   * stopping at a `node_modules` directory; undefined when there is none.
   */
  scope(checkPath: string): { data: PackageConfig; path: string } | undefined {
    const rootSeparator = checkPath.indexOf('/');
    let separator: number;
    do {
      separator = checkPath.lastIndexOf('/');
      checkPath = checkPath.slice(0, separator);
      if (checkPath.endsWith('/node_modules')) return undefined;
      const data = this.read(`${checkPath}/package.json`);
      if (data.exists) return { data, path: checkPath };
    } while (separator > rootSeparator);
    return undefined;
  }

  /**
   * The ES module resolver's getPackageScopeConfig: the nearest package.json above `filePath`, or a
   * config that does not exist. `importing` names what was being resolved, for a parse error.
   */
  scopeConfig(filePath: string, importing: string): PackageConfig {
    let dir = filePath.slice(0, filePath.lastIndexOf('/'));
    for (;;) {
      const jsonPath = `${dir}/package.json`;
      if (jsonPath.endsWith('node_modules/package.json')) break;
      const config = this.read(jsonPath, importing);
      if (config.exists) return config;
      if (dir === '') break;
      dir = dir.slice(0, dir.lastIndexOf('/'));
    }
    const jsonPath = `${dir}/package.json`;
    return { exists: false, pjsonPath: jsonPath, name: undefined, main: undefined, type: 'none', exports: undefined, imports: undefined };
  }
}

import path from 'path-browserify';
import { invalidArgType, invalidArgValue } from '../node-errors.js';
import { CjsResolver, nodeModulePaths, type ParentLike } from './cjs-resolve.js';
import { installExtensions, preparsed, type LoaderModule } from './cjs-extensions.js';
import { internalError, requireEsm, unknownBuiltin } from './errors.js';
import type { LoaderFs } from './files.js';
import type { PackageJsonReader } from './package-json.js';
import { fileUrlToPath } from './urls.js';

/**
 * The CommonJS loader: Node 20's `Module` (lib/internal/modules/cjs/loader), built in the guest realm.
 * Loading goes through the same overridable statics as Node's (`Module._load`, `_resolveFilename`,
 * `_extensions`, `_cache`), so packages that hook them keep working.
 */

/** What the loader needs from the rest of the guest. */
export interface CjsDeps {
  fs: LoaderFs;
  packages: PackageJsonReader;
  /** A built-in module's exports, or undefined when the sandbox does not have it. */
  builtin(id: string): unknown;
  /** Whether `id` names a module the sandbox treats as built in (Node's list plus the sandbox's own). */
  requirable(id: string): boolean;
  /** Node's builtinModules (the names `isBuiltin` knows). */
  builtinModules: readonly string[];
  /** Compiles a module wrapper in the guest context (a SyntaxError names the file and line, as Node's). */
  compile(source: string, filename: string): (...args: unknown[]) => unknown;
  /** ES module resolution of a bare specifier, for `imports` targets that name a package. */
  esmPackageResolve(specifier: string, base: string): string;
  /** Whether a source uses import/export syntax (for ERR_REQUIRE_ESM's hint). */
  hasEsmSyntax(source: string): boolean;
  /**
   * `require()` of an ES module (node 20.20 does it synchronously): its exports, or undefined when this
   * node cannot (then ERR_REQUIRE_ESM, as older node 20 releases). Throws what loading throws.
   */
  loadEsm(filename: string, parentPath: string | undefined): { exports: unknown } | undefined;
  cwd(): string;
  env: Record<string, string>;
  execPath: string;
  /** Called with `process.mainModule` when the entry point is loaded. */
  setMain(module: unknown): void;
}

/** V8's messages for syntax that only a module may use: a typeless .js file that fails with one is retried as a module. */
const ESM_ONLY_ERRORS = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];


export function createCjs(deps: CjsDeps) {
  const parents = new WeakMap<object, Module | null | undefined>();
  const relativeResolveCache: Record<string, string> = Object.create(null);
  let requireDepth = 0;
  let mainModule: Module | undefined;

  function updateChildren(parent: Module | null | undefined, child: Module, scan: boolean) {
    const children = parent?.children;
    if (children && !(scan && children.includes(child))) children.push(child);
  }

  class Module {
    id: string;
    path: string;
    exports: unknown;
    filename: string | null;
    loaded: boolean;
    children: Module[];
    paths?: string[];

    constructor(id = '', parent?: Module | null) {
      this.id = id;
      this.path = path.dirname(id);
      this.exports = {};
      parents.set(this, parent);
      updateChildren(parent, this, false);
      this.filename = null;
      this.loaded = false;
      this.children = [];
    }

    get parent(): Module | null | undefined {
      return parents.get(this);
    }

    require(id: unknown): unknown {
      if (typeof id !== 'string') throw invalidArgType('id', ['string'], [], id);
      if (id === '') throw invalidArgValue('id', id, 'must be a non-empty string');
      requireDepth++;
      try {
        return Module._load(id, this, false);
      } finally {
        requireDepth--;
      }
    }

    load(filename: string): void {
      this.filename = filename;
      this.paths = Module._nodeModulePaths(path.dirname(filename));
      const extension = findLongestRegisteredExtension(filename);
      if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) loadEsmInto(this, filename, () => requireEsm(filename, true));
      else Module._extensions[extension]!(this, filename);
      this.loaded = true;
    }

    _compile(content: string, filename: string, typeless = false): unknown {
      let wrapper: (...args: unknown[]) => unknown;
      try {
        wrapper = deps.compile(content, filename);
      } catch (e) {
        // A .js file with no "type" whose syntax is a module's is loaded as one (node 20.20 detects it).
        if (typeless && e instanceof SyntaxError && ESM_ONLY_ERRORS.some((m) => e.message.includes(m))) {
          loadEsmInto(this, filename, () => e);
          return undefined;
        }
        throw e;
      }
      const dirname = path.dirname(filename);
      const require = makeRequire(this);
      // As Node: lookups are cached while a top-level module runs (its nested requires included).
      const top = requireDepth === 0;
      if (top) deps.fs.enter();
      try {
        return Reflect.apply(wrapper, this.exports, [this.exports, require, this, filename, dirname]);
      } finally {
        if (top) deps.fs.leave();
      }
    }

    static _cache: Record<string, Module> = Object.create(null);
    static _pathCache: Record<string, string>;
    static _extensions: Record<string, (module: Module, filename: string) => void> = Object.create(null);
    static globalPaths: string[] = [];
    static builtinModules = deps.builtinModules.slice();
    static Module = Module;
    static wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

    static wrap(script: string): string {
      return `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;
    }

    static isBuiltin(id: unknown): boolean {
      return typeof id === 'string' && isNodeBuiltin(id);
    }

    static _nodeModulePaths(from: string): string[] {
      return nodeModulePaths(from);
    }

    static _resolveLookupPaths(request: string, parent: ParentLike | null | undefined): string[] | null {
      return resolver.lookupPaths(request, parent);
    }

    static _findPath(request: string, paths: string[] | null, isMain: boolean): string | false {
      return resolver.findPath(request, paths, isMain);
    }

    static _resolveFilename(request: string, parent: ParentLike | null | undefined, isMain = false, options?: unknown): string {
      return resolver.resolveFilename(request, parent, isMain, options);
    }

    static _load(request: string, parent: Module | null | undefined, isMain: boolean): unknown {
      let relKey: string | undefined;
      if (parent) {
        relKey = `${parent.path}\u0000${request}`;
        const filename = relativeResolveCache[relKey];
        if (filename !== undefined) {
          const cached = Module._cache[filename];
          if (cached !== undefined) {
            updateChildren(parent, cached, true);
            return cached.exports;
          }
          delete relativeResolveCache[relKey];
        }
      }
      if (request.startsWith('node:')) {
        const id = request.slice(5);
        if (!deps.requirable(id) && !isNodeBuiltin(request)) throw unknownBuiltin(request);
        return loadBuiltin(id, request);
      }
      const filename = Module._resolveFilename(request, parent, isMain);
      const cached = Module._cache[filename];
      if (cached !== undefined) {
        updateChildren(parent, cached, true);
        if (cached.loaded) return cached.exports;
        const pre = preparsed.get(cached);
        if (!pre || pre.loaded) return cached.exports;
        pre.loaded = true;
      }
      if (deps.requirable(filename)) return loadBuiltin(filename, request);
      const module = cached ?? new Module(filename, parent);
      if (isMain) {
        mainModule = module;
        deps.setMain(module);
        module.id = '.';
      }
      Module._cache[filename] = module;
      if (parent && relKey !== undefined) relativeResolveCache[relKey] = filename;
      let threw = true;
      try {
        module.load(filename);
        threw = false;
      } finally {
        if (threw) {
          delete Module._cache[filename];
          if (parent && relKey !== undefined) {
            delete relativeResolveCache[relKey];
            const index = parent.children.indexOf(module);
            if (index !== -1) parent.children.splice(index, 1);
          }
        }
      }
      return module.exports;
    }

    static createRequire(filename: unknown): (id: string) => unknown {
      let filepath: string;
      if (typeof filename === 'object' && filename !== null && typeof (filename as { href?: unknown }).href === 'string') filepath = fileUrlToPath((filename as { href: string }).href);
      else if (typeof filename === 'string' && filename.startsWith('file:')) filepath = fileUrlToPath(filename);
      else if (typeof filename !== 'string' || !filename.startsWith('/')) {
        throw internalError('TypeError', 'ERR_INVALID_ARG_VALUE', `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${describe(filename)}`);
      } else filepath = filename;
      const trailingSlash = filepath.endsWith('/');
      const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
      const m = new Module(proxyPath);
      m.filename = proxyPath;
      m.paths = Module._nodeModulePaths(m.path);
      return makeRequire(m);
    }

    static syncBuiltinESMExports(): void {}
  }

  /** Sets `module.exports` to what require() of the ES module gives, or throws `unsupported()`. */
  function loadEsmInto(module: Module, filename: string, unsupported: () => Error): void {
    const loaded = deps.loadEsm(filename, parents.get(module)?.filename ?? undefined);
    if (!loaded) throw unsupported();
    module.exports = loaded.exports;
  }

  function describe(value: unknown): string {
    return typeof value === 'string' ? `'${value}'` : String(value);
  }

  function isNodeBuiltin(id: string): boolean {
    if (id.startsWith('node:')) return deps.builtinModules.includes(id.slice(5)) || id === 'node:test' || id === 'node:test/reporters';
    return deps.builtinModules.includes(id);
  }

  function loadBuiltin(id: string, request: string): unknown {
    const exports = deps.builtin(id);
    if (exports === undefined) {
      throw internalError('Error', 'ERR_UNKNOWN_BUILTIN_MODULE', `The built-in module '${request}' is not available in this sandbox`);
    }
    return exports;
  }

  function findLongestRegisteredExtension(filename: string): string {
    const name = path.basename(filename);
    let currentExtension: string;
    let index: number;
    let startIndex = 0;
    while ((index = name.indexOf('.', startIndex)) !== -1) {
      startIndex = index + 1;
      if (index === 0) continue;
      currentExtension = name.slice(index);
      if (Module._extensions[currentExtension]) return currentExtension;
    }
    return '.js';
  }

  function makeRequire(mod: Module) {
    const require = function require(id: unknown) {
      return mod.require(id);
    } as ((id: unknown) => unknown) & Record<string, unknown>;
    function resolve(request: unknown, options?: unknown) {
      if (typeof request !== 'string') throw invalidArgType('request', ['string'], [], request);
      return Module._resolveFilename(request, mod, false, options);
    }
    function paths(request: unknown) {
      if (typeof request !== 'string') throw invalidArgType('request', ['string'], [], request);
      return Module._resolveLookupPaths(request, mod);
    }
    resolve.paths = paths;
    require.resolve = resolve;
    require.main = mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  const resolver = new CjsResolver(deps.fs, deps.packages, {
    extensions: () => Object.keys(Module._extensions),
    isBuiltin: (request) => deps.requirable(request.startsWith('node:') ? request.slice(5) : request) || isNodeBuiltin(request),
    parentOf: (m) => parents.get(m as Module) ?? undefined,
    globalPaths: () => Module.globalPaths,
    esmPackageResolve: deps.esmPackageResolve,
    cwd: deps.cwd,
  });
  Module._pathCache = resolver.pathCache;

  installExtensions(Module as unknown as LoaderModule, deps, (m, f, unsupported) => loadEsmInto(m as Module, f, unsupported), (m) => parents.get(m as Module)?.filename ?? undefined);

  return {
    Module,
    /** Node's runMain for a CommonJS entry: resolve with extension probing, then load as `.`. */
    runMain(filename: string): void {
      requireDepth = 0;
      Module._load(filename, null, true);
    },
    /** Resolves the entry point as Node does (`node x` finds x.js); false when nothing is there. */
    resolveMain(main: string): string | false {
      return Module._findPath(path.resolve(deps.cwd(), main), null, true);
    },
    makeRequire,
  };
}

export type Cjs = ReturnType<typeof createCjs>;
export type CjsModule = InstanceType<Cjs['Module']>;

import { parse as parseCjs } from 'cjs-module-lexer';
import { parse as parseEsm } from 'es-module-lexer/js';
import path from 'path-browserify';
import type { Cjs, CjsModule } from './cjs.js';
import { preparsed } from './cjs-extensions.js';
import { importAttributeMissing, importAttributeTypeFailed, importAttributeTypeUnsupported, importAttributeUnsupported, unknownBuiltin } from './errors.js';
import type { EsmResolver, ModuleFormat } from './esm-resolve.js';
import type { LoaderFs } from './files.js';
import { fileUrlToPath, pathToFileUrl } from './urls.js';

/**
 * The guest half of ES module loading. V8's module records live in the Worker (vm.SourceTextModule
 * and vm.SyntheticModule, which only the Worker can create); everything they need to know is asked of
 * these functions, with primitives in and primitives or guest-realm values out: resolution, format,
 * source text, the export names of CommonJS, JSON and built-in modules, and their values.
 */
export interface GuestModules {
  /** Resolves `specifier` imported from `parentUrl` and checks the import's attributes (`key NUL value ...`). */
  resolve(specifier: string, parentUrl: string, attributes: string): string;
  format(url: string): ModuleFormat;
  /** An ES module's source text (BOM removed, as Node's decoder does). */
  source(url: string): string;
  /** The export names of a CommonJS, JSON or built-in module, NUL-separated, `default` first. */
  exportNames(url: string): string;
  /** Runs a CommonJS module (or reads a built-in's exports) once, when its synthetic module evaluates. */
  evaluate(url: string): void;
  /** The value of export `index` (in exportNames order) after `evaluate`. */
  exportValue(url: string, index: number): unknown;
  /** Fills `import.meta` (a null-prototype object of the guest's module). */
  initMeta(meta: Record<string, unknown>, url: string): void;
  /**
   * Node's message for a missing named export of a CommonJS module imported by `parentUrl`, or ''
   * when the module is not CommonJS (V8's message stands).
   */
  missingExportHint(parentUrl: string, specifier: string, name: string): string;
  /**
   * Before a module's imports are linked: looks up, in one bridge call, the files its relative and
   * absolute specifiers (`NUL`-separated, as V8 lists them) name, with their sources.
   */
  prefetch(parentUrl: string, specifiers: string): void;
  /** A graph starts or ends linking (prefetched lookups live while any graph links). */
  graph(start: boolean): void;
}

const SUPPORTED_TYPES = ['json'];

/** Checks import attributes as Node's validateAttributes does. */
function validateAttributes(url: string, format: ModuleFormat, flat: string): void {
  const parts = flat === '' ? [] : flat.split('\u0000');
  let type: string | undefined;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'type') throw importAttributeUnsupported(parts[i]!, parts[i + 1]!);
    // `type: 'javascript'` is what no attribute means (Node treats it as absent).
    type = parts[i + 1] === 'javascript' ? undefined : parts[i + 1];
  }
  const valid = format === 'json' ? 'json' : 'javascript';
  if (valid === 'javascript') {
    if (type !== undefined && type !== 'javascript') invalidType(url, type);
    return;
  }
  if (type === valid) return;
  if (type === undefined) throw importAttributeMissing(url, valid);
  invalidType(url, type);
}

function invalidType(url: string, type: string): never {
  if (!SUPPORTED_TYPES.includes(type)) throw importAttributeTypeUnsupported(type);
  throw importAttributeTypeFailed(url, type);
}

export interface EsmDeps {
  fs: LoaderFs;
  resolver: EsmResolver;
  cjs: Cjs;
  builtin(id: string): unknown;
  requirable(id: string): boolean;
  /** Sources given by the embedder for files (the entry of `sandbox.run(source)`). */
  sourceOf(path: string): string | undefined;
}

interface Synthetic {
  names: string[];
  values?: unknown[];
  /** Runs the module and collects the values. */
  run(): void;
}

export function createEsm(deps: EsmDeps): GuestModules {
  const synthetic = new Map<string, Synthetic>();
  const { Module } = deps.cjs;

  function readSource(file: string): string {
    const text = deps.sourceOf(file) ?? deps.fs.readText(file);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Node's cjsPreparseModuleExports: names found by cjs-module-lexer, following re-exports. */
  function preparse(filename: string, seen: Set<string>): { module: CjsModule; names: Set<string> } {
    let module = Module._cache[filename] as CjsModule | undefined;
    // As Node: a module parsed before keeps its names (the set includes what its re-exports added).
    const cached = module ? preparsed.get(module) : undefined;
    if (module && cached?.names) return { module, names: cached.names };
    const loaded = Boolean(module);
    if (!module) {
      module = new Module(filename);
      module.filename = filename;
      module.paths = Module._nodeModulePaths(module.path);
      Module._cache[filename] = module;
    }
    let source: string | undefined;
    try {
      source = deps.sourceOf(filename) ?? deps.fs.readText(filename);
    } catch {
      // As Node: a file that cannot be read has no named exports (loading it reports the error).
    }
    let found: { exports: string[]; reexports: string[] };
    try {
      found = parseCjs(source ?? '');
    } catch {
      found = { exports: [], reexports: [] };
    }
    const names = new Set(['default', ...found.exports]);
    if (!loaded) preparsed.set(module, { source, loaded: false, names });
    seen.add(filename);
    for (const reexport of found.reexports) {
      let resolved: string;
      try {
        resolved = Module._resolveFilename(reexport, module, false);
      } catch {
        continue;
      }
      const ext = path.extname(resolved);
      if ((ext === '.js' || ext === '.cjs' || !Module._extensions[ext]) && resolved.startsWith('/') && !seen.has(resolved)) {
        for (const name of preparse(resolved, seen).names) names.add(name);
      }
    }
    return { module, names };
  }

  function commonjs(url: string): Synthetic {
    const filename = fileUrlToPath(url);
    const { names } = preparse(filename, new Set());
    const list = [...names].filter((n) => !n.includes('\u0000'));
    const entry: Synthetic = {
      names: list,
      run() {
        const exports = Module._load(filename, undefined, false) as Record<string, unknown>;
        entry.values = list.map((name) => {
          if (name === 'default') return exports;
          if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function') || !Object.prototype.hasOwnProperty.call(exports, name)) return undefined;
          try {
            return exports[name];
          } catch {
            return undefined;
          }
        });
      },
    };
    return entry;
  }

  function json(url: string): Synthetic {
    const filename = fileUrlToPath(url);
    const cacheable = !url.includes('?');
    const cached = cacheable ? (Module._cache[filename] as CjsModule | undefined) : undefined;
    let value: unknown;
    if (cached && cached.exports !== undefined) value = cached.exports;
    else {
      const source = readSource(filename);
      try {
        value = JSON.parse(source);
      } catch (err) {
        (err as Error).message = `${filename}: ${(err as Error).message}`;
        throw err;
      }
      if (cacheable) {
        const module = new Module(filename);
        module.filename = filename;
        module.exports = value;
        module.loaded = true;
        Module._cache[filename] = module;
      }
    }
    return { names: ['default'], values: [value], run() {} };
  }

  function builtin(url: string): Synthetic {
    const id = url.slice(5);
    if (!deps.requirable(id)) throw unknownBuiltin(url);
    const exports = deps.builtin(id);
    if (exports === undefined) throw unknownBuiltin(url);
    // A built-in's named exports are its own keys (for a class such as Module, its static members too).
    const own = typeof exports === 'function' ? Object.getOwnPropertyNames(exports).filter((k) => !['length', 'name', 'prototype'].includes(k)) : Object.keys(exports as object);
    const keys = own.filter((k) => k !== 'default' && !k.includes('\u0000'));
    const names = ['default', ...keys];
    const entry: Synthetic = {
      names,
      run() {
        entry.values = names.map((name) => (name === 'default' ? exports : (exports as Record<string, unknown>)[name]));
      },
    };
    return entry;
  }

  function entryOf(url: string): Synthetic {
    let entry = synthetic.get(url);
    if (!entry) {
      const format = deps.resolver.format(url);
      entry = format === 'builtin' ? builtin(url) : format === 'json' ? json(url) : commonjs(url);
      synthetic.set(url, entry);
    }
    return entry;
  }

  return {
    resolve(specifier, parentUrl, attributes) {
      const url = deps.resolver.resolve(specifier, parentUrl);
      validateAttributes(url, deps.resolver.format(url), attributes);
      return url;
    },
    format: (url) => deps.resolver.format(url),
    source: (url) => readSource(fileUrlToPath(url)),
    prefetch(parentUrl, specifiers) {
      if (specifiers === '') return;
      const files: string[] = [];
      for (const specifier of specifiers.split('\u0000')) {
        const file = deps.resolver.localFile(specifier, parentUrl);
        if (file !== undefined) files.push(file);
      }
      deps.fs.prefetch(files);
    },
    graph: (start) => deps.fs.graph(start),
    exportNames: (url) => entryOf(url).names.join('\u0000'),
    evaluate: (url) => entryOf(url).run(),
    exportValue: (url, index) => entryOf(url).values?.[index],
    missingExportHint(parentUrl, specifier, name) {
      try {
        const child = deps.resolver.resolve(specifier, parentUrl);
        if (deps.resolver.format(child) !== 'commonjs') return '';
        const source = readSource(fileUrlToPath(parentUrl));
        // The line node quotes is the one V8 points at: where the missing name is imported.
        let line = '';
        for (const statement of parseEsm(source)[0]) {
          if (statement.type !== 'static' || statement.specifier !== specifier) continue;
          const at = source.indexOf(name, statement.importStart);
          if (at < 0 || at > statement.importEnd) continue;
          line = source.slice(source.lastIndexOf('\n', at) + 1, source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at));
          break;
        }
        const named = /{.*}/.exec(line)?.[0];
        const destructuring = named?.replace(/\s+as\s+/g, ': ');
        return (
          `Named export '${name}' not found. The requested module '${specifier}' is a CommonJS module, which may not support all module.exports as named exports.\n` +
          `CommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '${specifier}';\n${destructuring ? `const ${destructuring} = pkg;\n` : ''}`
        );
      } catch {
        return '';
      }
    },
    initMeta(meta, url) {
      if (url.startsWith('file:')) {
        const filename = fileUrlToPath(url);
        meta.dirname = path.dirname(filename);
        meta.filename = filename;
      }
      // Node's import.meta.resolve: a file that is not there still has a URL.
      // (Its second argument, a parent URL, needs a flag in Node 20 and is ignored without it.)
      meta.resolve = function resolve(specifier: unknown) {
        try {
          return deps.resolver.resolve(String(specifier), url);
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          const found = (e as { url?: unknown }).url;
          if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT') && typeof found === 'string') return found;
          throw e;
        }
      };
      meta.url = url;
    },
  };
}

export { pathToFileUrl };

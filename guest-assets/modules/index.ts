import { parse as parseEsm } from 'es-module-lexer/js';
import path from 'path-browserify';
import { guard, RequireOutcome, type Caps } from '../caps.js';
import type { Rpc } from '../rpc.js';
import { GUEST_SCOPE_NAMES } from '../scope.js';
import { createCjs } from './cjs.js';
import { internalError } from './errors.js';
import { createEsm, type GuestModules } from './esm.js';
import { EsmResolver } from './esm-resolve.js';
import { createLoaderFs, type LoaderFs } from './files.js';
import { PackageJsonReader } from './package-json.js';
import { pathToFileUrl } from './urls.js';

/** What the host says about the run's entry point. */
export interface EntryConfig {
  /** The entry's guest path (absolute, or relative to cwd). */
  filename: string;
  /** The entry's source when the embedder gave it (`sandbox.run(source)`); else it is read from the guest filesystem. */
  source?: string;
  cwd: string;
  env: Record<string, string>;
  execPath: string;
  /** Node's `require('module').builtinModules`. */
  builtinModules: string[];
}

/** Whether source text uses import/export (ERR_REQUIRE_ESM's hint; Node parses it as a module). */
function hasEsmSyntax(source: string): boolean {
  try {
    return parseEsm(source)[3];
  } catch {
    return false;
  }
}

/** A SyntaxError of the guest realm, with Node's "file:line / source line / carets" head in its stack. */
function syntaxError(caps: Caps): Error {
  const [name, message, arrow] = guard(() => caps.compileError()).split('\u0000');
  const Ctor = name === 'SyntaxError' ? SyntaxError : name === 'RangeError' ? RangeError : Error;
  const err = new Ctor(message);
  if (arrow) err.stack = `${arrow}\n${err.stack}`;
  return err;
}

/**
 * The guest's module system: `require` and `module` (CommonJS) and the guest side of ES modules,
 * reading through the bridge. `builtins` are the sandbox's built-in modules (plus `module` itself).
 */
export function createModules(rpc: Rpc, caps: Caps, entry: EntryConfig, builtins: Record<string, unknown>, setMain: (m: unknown) => void) {
  const overrides = new Map<string, string>();
  // The text of a typeless file read to detect its format, kept for the load that follows.
  const detected = new Map<string, string>();
  const takeDetected = (p: string) => {
    const text = detected.get(p);
    detected.delete(p);
    return text;
  };
  const base = createLoaderFs(rpc, caps);
  const fs: LoaderFs = {
    ...base,
    stat: (p, forLoad) => (overrides.has(p) ? 0 : base.stat(p, forLoad)),
    realpath: (p) => (overrides.has(p) ? p : base.realpath(p)),
    readText: (p) => overrides.get(p) ?? takeDetected(p) ?? base.readText(p),
  };
  const packages = new PackageJsonReader(fs);
  const requirable = (id: string) => Object.prototype.hasOwnProperty.call(builtins, id) || entry.builtinModules.includes(id);
  const builtin = (id: string) => (Object.prototype.hasOwnProperty.call(builtins, id) ? builtins[id] : undefined);
  const cwd = () => entry.cwd;
  let esmResolver: EsmResolver;
  const cjs = createCjs({
    fs,
    packages,
    builtin,
    requirable,
    builtinModules: entry.builtinModules,
    compile(source, filename) {
      const scope = guard(() => caps.compileFunction(source, filename));
      if (typeof scope !== 'function') throw syntaxError(caps);
      // The scope function binds the common globals as locals (scope.ts) and returns the wrapper.
      const g = globalThis as Record<string, unknown>;
      return Reflect.apply(scope, undefined, GUEST_SCOPE_NAMES.map((name) => g[name])) as (...args: unknown[]) => unknown;
    },
    esmPackageResolve: (specifier, basePath) => esmResolver.packageResolve(specifier, basePath),
    hasEsmSyntax,
    loadEsm(filename, parentPath) {
      const outcome = guard(() => caps.requireModule(pathToFileUrl(filename)));
      if (outcome === RequireOutcome.Unsupported) return undefined;
      if (outcome === RequireOutcome.Async) {
        throw internalError(
          'Error',
          'ERR_REQUIRE_ASYNC_MODULE',
          'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.' +
            `${parentPath ? `\n  From ${parentPath} ` : ''}\n  Requiring ${filename} `,
        );
      }
      if (outcome === RequireOutcome.Cycle) {
        throw internalError(
          'Error',
          'ERR_REQUIRE_CYCLE_MODULE',
          `Cannot require() ES Module ${filename} in a cycle.${parentPath ? ` (from ${parentPath})` : ''} A cycle involving require(esm) is not allowed to maintain invariants mandated by the ECMAScript specification. Try making at least part of the dependency in the graph lazily loaded.`,
        );
      }
      const result = guard(() => caps.requireResult());
      if (outcome !== RequireOutcome.Ok) throw result;
      return { exports: result };
    },
    cwd,
    env: entry.env,
    execPath: entry.execPath,
    setMain,
  });
  esmResolver = new EsmResolver(fs, packages, {
    isBareBuiltin: (name) => entry.builtinModules.includes(name) || Object.prototype.hasOwnProperty.call(builtins, name),
    cjsHint(specifier, parentPath) {
      try {
        const tmp = new cjs.Module(parentPath, null);
        tmp.paths = cjs.Module._nodeModulePaths(parentPath);
        return cjs.Module._resolveFilename(specifier, tmp, false);
      } catch {
        return false;
      }
    },
    realpath: (p) => fs.realpath(p),
    looksLikeModule(file) {
      try {
        const text = overrides.get(file) ?? base.readText(file);
        detected.set(file, text);
        return hasEsmSyntax(text);
      } catch {
        return false;
      }
    },
  });
  const esm: GuestModules = createEsm({ fs, resolver: esmResolver, cjs, builtin, requirable, sourceOf: (p) => overrides.get(p) });
  builtins.module = cjs.Module;

  return {
    Module: cjs.Module,
    esm,
    /**
     * Runs the entry as `node <filename>` does: resolved with CommonJS probing, then loaded as CommonJS
     * or, for `.mjs` and `"type": "module"` scopes, imported as an ES module (through `importMain`).
     */
    runMain(importMain: (url: string) => void): void {
      const given = path.resolve(entry.cwd, entry.filename);
      if (entry.source !== undefined) overrides.set(given, entry.source);
      const main = cjs.resolveMain(given);
      if (main === false) {
        cjs.runMain(given);
        return;
      }
      const scope = main.endsWith('.cjs') ? undefined : packages.scope(main);
      if (main.endsWith('.mjs') || scope?.data.type === 'module') {
        esmResolver.format(pathToFileUrl(main));
        importMain(pathToFileUrl(main));
        return;
      }
      cjs.runMain(main);
    },
    /** The source line of `file` (1-based), if it is a guest module's file, for the uncaught-error report. */
    sourceLine(file: string, line: number): string | undefined {
      try {
        const text = overrides.get(file) ?? base.readText(file);
        return text.split('\n')[line - 1];
      } catch {
        return undefined;
      }
    },
  };
}

export { internalError };
export type Modules = ReturnType<typeof createModules>;

/**
 * The Worker's half of the guest's modules: V8's module records (vm.SourceTextModule for ES modules,
 * vm.SyntheticModule for CommonJS, JSON and built-ins) and the compiler of CommonJS wrappers. Every
 * decision (resolution, format, source, export values) is asked of the guest (guest-assets/modules);
 * nothing created here is handed to guest code: failures become guest-realm errors first.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { GuestApi } from '../../guest-assets/caps.js';
import { GUEST_SCOPE_NAMES } from '../../guest-assets/scope.js';

import { v8Arrow } from './arrow.js';
import { RequireEsm, type Attributes, type ModuleRecord } from './require-esm.js';

/** Checks a value may be handed to guest code (a primitive or a guest-realm object). */
export type GuestCheck = (value: unknown) => boolean;

/** `key NUL value ...` from an attributes object of the Worker (values are strings in V8's records). */
function flatten(attributes: Attributes): string {
  if (!attributes) return '';
  const parts: string[] = [];
  for (const key of Object.keys(attributes)) parts.push(key, String(attributes[key]));
  return parts.join('\u0000');
}

/** A content key of the host's code cache (host/modules/code-cache.ts). */
function cacheKey(kind: 'cjs' | 'esm', source: string): string {
  return `${kind}:${createHash('sha1').update(source).digest('hex')}`;
}

/** V8's message for an import of a name the module does not export. */
const MISSING_EXPORT = /module '(.*)' does not provide an export named '(.+)'/;

/** Text that may be a dynamic import (a false positive only costs the cache). */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

/** The CommonJS wrapper: its first line binds the common globals (scope.ts); the guest's source starts on line 2. */
const WRAPPER_HEAD = `(function (${GUEST_SCOPE_NAMES.join(', ')}) { return function (exports, require, module, __filename, __dirname) {\n`;

export class ModuleHost {
  readonly #context: vm.Context;
  /** Code caches from earlier runs, by content key; new ones are collected in #produced. */
  readonly #cache: Map<string, SharedArrayBuffer>;
  readonly #fresh: { key: string; script: vm.Script }[] = [];
  readonly #produced: [string, Uint8Array][] = [];
  readonly #api: () => GuestApi;
  readonly #isGuest: GuestCheck;
  readonly #records = new Map<string, ModuleRecord>();
  readonly #linking = new WeakMap<ModuleRecord, Promise<void>>();
  readonly #evaluating = new WeakMap<ModuleRecord, Promise<unknown>>();
  #compileError = '';
  readonly #requireEsm: RequireEsm;

  constructor(context: vm.Context, api: () => GuestApi, isGuest: GuestCheck, cache: Map<string, SharedArrayBuffer> = new Map()) {
    this.#context = context;
    this.#cache = cache;
    this.#api = api;
    this.#isGuest = isGuest;
    this.#requireEsm = new RequireEsm({
      context,
      record: (url) => this.#record(url),
      resolve: (specifier, parentUrl, attributes) => api().modules.resolve(specifier, parentUrl, flatten(attributes)),
      toGuest: (e) => this.toGuest(e),
    });
  }

  /**
   * A guest-realm error for anything thrown here (guest errors pass through, with V8's report of a
   * failed compile or link attached as Node attaches it: on the stack of a missing export, kept for
   * the uncaught-error report of a syntax error).
   */
  toGuest(e: unknown): unknown {
    try {
      const arrow = v8Arrow(e);
      const linkError = MISSING_EXPORT.test(this.#messageOf(e));
      this.#decorateMissingExport(e);
      const error = this.#guestError(e);
      if (arrow !== undefined) this.#api().attachArrow(error, arrow, linkError);
      return error;
    } catch {
      // Whatever went wrong here, nothing of this realm may reach the guest: a primitive may.
      return 'internal sandbox error: a module failure could not be reported';
    }
  }

  #messageOf(e: unknown): string {
    try {
      return String((e as { message?: unknown }).message);
    } catch {
      return '';
    }
  }

  #guestError(e: unknown): unknown {
    if (this.#isGuest(e)) return e;
    const err = e as { name?: unknown; message?: unknown; code?: unknown };
    let name = 'Error';
    let message = 'module loading failed';
    let code = '';
    try {
      name = String(err.name ?? 'Error');
      message = String(err.message ?? message);
      code = typeof err.code === 'string' ? err.code : '';
    } catch {
      // An unreadable error still becomes a plain one.
    }
    return this.#api().makeError(name, message, code);
  }

  /**
   * V8's "does not provide an export named" gets node's longer message when the module is CommonJS
   * (which of the graph's modules imported it is found by its requests; the guest writes the text).
   */
  #decorateMissingExport(e: unknown): void {
    const m = MISSING_EXPORT.exec(this.#messageOf(e));
    if (!m) return;
    for (const [url, record] of this.#records) {
      if (!(record instanceof vm.SourceTextModule) || !record.dependencySpecifiers.includes(m[1]!)) continue;
      const hint = this.#api().modules.missingExportHint(url, m[1]!, m[2]!);
      if (hint === '') continue;
      try {
        const err = e as { message: string; stack?: string };
        const stack = typeof err.stack === 'string' ? err.stack : '';
        err.message = hint;
        if (stack.includes(m.input)) err.stack = stack.replace(m.input, hint);
      } catch {
        // A frozen error keeps V8's message.
      }
      return;
    }
  }

  /**
   * The `import()` hook of every script and module compiled for the guest, resolving from
   * `referrerUrl`. The context gets one too (`fallback`): code whose script V8 cannot tell (a function
   * made by `Function` called from a microtask, a script made from a code cache) uses it, and
   * without it Node would reject the guest's promise with an error of the Worker's realm.
   */
  readonly dynamic = (referrerUrl: string) => async (specifier: string, _referrer: unknown, attributes: Attributes) => {
    try {
      return await this.#import(String(specifier), referrerUrl, flatten(attributes));
    } catch (e) {
      throw this.toGuest(e);
    }
  };

  /** Compiles a CommonJS module's wrapper (see Caps.compileFunction); -1 with compileError set on failure. */
  compileFunction(source: string, filename: string): Function | number {
    try {
      const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
      const text = `${WRAPPER_HEAD}${body}\n}; })`;
      // A script made from a code cache loses its import() hook in Node 20: one that may call import() compiles afresh.
      const key = DYNAMIC_IMPORT.test(body) ? undefined : cacheKey('cjs', text);
      const cached = key === undefined ? undefined : this.#cache.get(key);
      const script = new vm.Script(text, {
        filename,
        lineOffset: -1,
        cachedData: cached && new Uint8Array(cached),
        importModuleDynamically: this.dynamic(pathToFileURL(filename).href) as never,
      });
      if (key !== undefined && (!cached || script.cachedDataRejected)) this.#fresh.push({ key, script });
      return script.runInContext(this.#context) as Function;
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown; stack?: unknown };
      const name = String(err?.name ?? 'SyntaxError');
      const message = String(err?.message ?? '');
      const stack = String(err?.stack ?? '');
      const header = stack.indexOf(`\n\n${name}: `);
      this.#compileError = [name, message, header > 0 ? `${stack.slice(0, header)}\n` : ''].join('\u0000');
      return -1;
    }
  }

  /**
   * Code caches of the modules compiled in this run that had none: a script's cache is made at the
   * end, so it holds the functions that ran too. Called once, as the Worker exits.
   */
  takeCodeCaches(): [string, Uint8Array][] {
    const out = this.#produced.splice(0);
    for (const { key, script } of this.#fresh.splice(0)) {
      try {
        out.push([key, script.createCachedData()]);
      } catch {
        // No cache for this one; it compiles again next time.
      }
    }
    return out;
  }

  /** `require()` of the ES module at `url` (see RequireEsm); the result is then given by requireResult. */
  requireModule(url: string): number {
    return this.#requireEsm.require(url);
  }

  requireResult(): unknown {
    return this.#requireEsm.result();
  }

  compileError(): string {
    return this.#compileError;
  }

  /** Imports the entry point; `fail` receives a guest-realm error. */
  importMain(url: string, fail: (e: unknown) => void): void {
    this.#import(url, url, '').catch((e) => fail(this.toGuest(e)));
  }

  async #import(specifier: string, parentUrl: string, attributes: string): Promise<ModuleRecord> {
    const api = this.#api();
    let record: ModuleRecord;
    api.modules.graph(true);
    try {
      const url = specifier === parentUrl ? specifier : api.modules.resolve(specifier, parentUrl, attributes);
      record = this.#record(url);
      await this.#link(record);
    } finally {
      api.modules.graph(false);
    }
    let evaluation = this.#evaluating.get(record);
    if (!evaluation) {
      evaluation = record.evaluate();
      this.#evaluating.set(record, evaluation);
    }
    await evaluation;
    return record;
  }

  #link(record: ModuleRecord): Promise<void> {
    if (record.status !== 'unlinked') return this.#linking.get(record) ?? Promise.resolve();
    const linking = record.link((specifier, referencing, extra) => {
      const attrs = (extra as { attributes?: Attributes } | undefined)?.attributes;
      return this.#record(this.#api().modules.resolve(specifier, referencing.identifier, flatten(attrs)));
    });
    this.#linking.set(record, linking);
    return linking;
  }

  /** The record for `url`, made once (the module map). */
  #record(url: string): ModuleRecord {
    const known = this.#records.get(url);
    if (known) return known;
    const modules = this.#api().modules;
    const format = modules.format(url);
    let record: ModuleRecord;
    if (format === 'module') {
      const source = modules.source(url);
      const key = DYNAMIC_IMPORT.test(source) ? undefined : cacheKey('esm', source);
      const cached = key === undefined ? undefined : this.#cache.get(key);
      const module = new vm.SourceTextModule(source, {
        identifier: url,
        context: this.#context,
        cachedData: cached && new Uint8Array(cached),
        initializeImportMeta: (meta) => modules.initMeta(meta as unknown as Record<string, unknown>, url),
        importModuleDynamically: this.dynamic(url) as never,
      });
      // A module's cache can only be made before it runs (it holds what was compiled eagerly).
      if (key !== undefined && !cached) this.#produced.push([key, (module as unknown as { createCachedData(): Uint8Array }).createCachedData()]);
      // Its imports' files, looked up together before the linker asks for each.
      modules.prefetch(url, module.dependencySpecifiers.join('\u0000'));
      record = module;
    } else {
      const names = modules.exportNames(url).split('\u0000');
      record = new vm.SyntheticModule(
        names,
        function (this: vm.SyntheticModule) {
          modules.evaluate(url);
          for (let i = 0; i < names.length; i++) this.setExport(names[i]!, modules.exportValue(url, i));
        },
        { identifier: url, context: this.#context },
      );
    }
    this.#records.set(url, record);
    return record;
  }
}
